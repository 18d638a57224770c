;; The two passes of Pillow 9.4's 8-bit convolution resize (src/libImaging/Resample.c,
;; ImagingResampleHorizontal_8bpc and ImagingResampleVertical_8bpc) in WebAssembly SIMD (128-bit),
;; for interleaved RGB rows. Integer arithmetic only, so the result is Pillow's bit for bit:
;; each output sample is clip8((1 << 21) + sum(sample * coefficient)), where clip8 shifts right by
;; PRECISION_BITS = 22 and clamps to 0..255. The coefficient tables (Resample.c precompute_coeffs and
;; normalize_coeffs_8bpc) are computed in TypeScript, pil-coefficients.ts.
;;
;; Coefficient tables, per axis: starts (i32 per output position: first input sample), counts
;; (i32: number of taps used) and weights (i32, `taps` per output position; the first `count` used).
;;
;; All addresses are byte offsets into the exported memory. The caller leaves at least 16 writable
;; bytes after every output image and 16 readable bytes after every input image (vector loads and
;; stores run past the last sample; what they read there is never used, what they write there is
;; overwritten or ignored).
(module
  (memory (export "memory") 1)

  ;; Widens `count` uint8 samples at $src into int32 at $dst (4 bytes each).
  (func $widen (param $src i32) (param $dst i32) (param $count i32)
    (local $end i32) (local $v v128) (local $lo v128) (local $hi v128)
    (local.set $end (i32.add (local.get $src) (local.get $count)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (local.set $v (v128.load (local.get $src)))
        (local.set $lo (i16x8.extend_low_i8x16_u (local.get $v)))
        (local.set $hi (i16x8.extend_high_i8x16_u (local.get $v)))
        (v128.store offset=0 (local.get $dst) (i32x4.extend_low_i16x8_u (local.get $lo)))
        (v128.store offset=16 (local.get $dst) (i32x4.extend_high_i16x8_u (local.get $lo)))
        (v128.store offset=32 (local.get $dst) (i32x4.extend_low_i16x8_u (local.get $hi)))
        (v128.store offset=48 (local.get $dst) (i32x4.extend_high_i16x8_u (local.get $hi)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
        (br $next))))

  ;; Horizontal pass (ImagingResampleHorizontal_8bpc, 3 bands): `rows` rows of `inWidth` RGB pixels
  ;; at $src (row after row) into rows of `outWidth` RGB pixels at $dst, two rows at a time (the
  ;; second of the last pair is the first again when `rows` is odd: same bytes written twice).
  ;; $scratch holds two input rows widened to int32 (2 * (inWidth * 12 + 64) bytes), so one v128
  ;; load gives R, G, B (and the next pixel's R, unused) of a pixel as int32.
  (func (export "horizontal")
    (param $src i32) (param $inWidth i32) (param $rows i32) (param $dst i32) (param $outWidth i32)
    (param $taps i32) (param $starts i32) (param $counts i32) (param $weights i32) (param $scratch i32)
    (local $y i32) (local $xx i32) (local $p i32) (local $w i32) (local $n i32) (local $out i32) (local $out2 i32)
    (local $inStride i32) (local $wideStride i32) (local $outStride i32) (local $scratch2 i32) (local $second i32)
    (local $k v128) (local $a v128) (local $b v128) (local $v v128)
    (local.set $inStride (i32.mul (local.get $inWidth) (i32.const 3)))
    (local.set $outStride (i32.mul (local.get $outWidth) (i32.const 3)))
    (local.set $wideStride (i32.add (i32.mul (local.get $inWidth) (i32.const 12)) (i32.const 64)))
    (local.set $scratch2 (i32.add (local.get $scratch) (local.get $wideStride)))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $y) (local.get $rows)))
        ;; offset of the pair's second row: one row on, or none for an odd last row
        (local.set $second (select (i32.const 1) (i32.const 0)
          (i32.lt_u (i32.add (local.get $y) (i32.const 1)) (local.get $rows))))
        (call $widen (i32.add (local.get $src) (i32.mul (local.get $y) (local.get $inStride))) (local.get $scratch) (local.get $inStride))
        (call $widen (i32.add (local.get $src) (i32.mul (i32.add (local.get $y) (local.get $second)) (local.get $inStride)))
          (local.get $scratch2) (local.get $inStride))
        (local.set $out (i32.add (local.get $dst) (i32.mul (local.get $y) (local.get $outStride))))
        (local.set $out2 (i32.add (local.get $out) (i32.mul (local.get $second) (local.get $outStride))))
        (local.set $xx (i32.const 0))
        (block $pixelsDone
          (loop $pixel
            (br_if $pixelsDone (i32.ge_u (local.get $xx) (local.get $outWidth)))
            (local.set $p (i32.add (local.get $scratch)
              (i32.mul (i32.load (i32.add (local.get $starts) (i32.shl (local.get $xx) (i32.const 2)))) (i32.const 12))))
            (local.set $n (i32.load (i32.add (local.get $counts) (i32.shl (local.get $xx) (i32.const 2)))))
            (local.set $w (i32.add (local.get $weights) (i32.shl (i32.mul (local.get $xx) (local.get $taps)) (i32.const 2))))
            (local.set $a (i32x4.splat (i32.const 0x200000)))
            (local.set $b (local.get $a))
            (block $tapsDone
              (loop $tap
                (br_if $tapsDone (i32.eqz (local.get $n)))
                (local.set $k (v128.load32_splat (local.get $w)))
                (local.set $a (i32x4.add (local.get $a) (i32x4.mul (v128.load (local.get $p)) (local.get $k))))
                (local.set $b (i32x4.add (local.get $b)
                  (i32x4.mul (v128.load (i32.add (local.get $p) (local.get $wideStride))) (local.get $k))))
                (local.set $p (i32.add (local.get $p) (i32.const 12)))
                (local.set $w (i32.add (local.get $w) (i32.const 4)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $tap)))
            ;; clip8: >> 22, then saturate to 0..255 (signed narrow to int16, unsigned narrow to uint8)
            (local.set $v (i8x16.narrow_i16x8_u
              (i16x8.narrow_i32x4_s (i32x4.shr_s (local.get $a) (i32.const 22)) (i32x4.shr_s (local.get $b) (i32.const 22)))
              (local.get $k)))
            ;; the first row's pixel as 2 + 1 bytes (the row after it is the pair's second row,
            ;; already written); the second row's as 4 bytes, the 4th being the next pixel's R,
            ;; written next (or a later row's first byte, written later, or padding)
            (v128.store16_lane 0 (local.get $out) (local.get $v))
            (v128.store8_lane offset=2 2 (local.get $out) (local.get $v))
            (v128.store32_lane 1 (local.get $out2) (local.get $v))
            (local.set $out (i32.add (local.get $out) (i32.const 3)))
            (local.set $out2 (i32.add (local.get $out2) (i32.const 3)))
            (local.set $xx (i32.add (local.get $xx) (i32.const 1)))
            (br $pixel)))
        (local.set $y (i32.add (local.get $y) (i32.const 2)))
        (br $row))))

  ;; Vertical pass (ImagingResampleVertical_8bpc): output row yy of `rowLength` samples at $dst is
  ;; the weighted sum of input rows starts[yy] ... of $src (`rowLength` samples per row, first row
  ;; of $src = input row `rowOffset`). 16 samples at a time, in four int32x4 accumulators.
  (func (export "vertical")
    (param $src i32) (param $rowLength i32) (param $rowOffset i32) (param $dst i32) (param $outRows i32)
    (param $taps i32) (param $starts i32) (param $counts i32) (param $weights i32)
    (local $yy i32) (local $i i32) (local $base i32) (local $p i32) (local $w i32) (local $wEnd i32) (local $wRow i32)
    (local $out i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $k v128) (local $v v128)
    (local $lo v128) (local $hi v128)
    (local.set $out (local.get $dst))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $yy) (local.get $outRows)))
        (local.set $base (i32.add (local.get $src) (i32.mul (local.get $rowLength)
          (i32.sub (i32.load (i32.add (local.get $starts) (i32.shl (local.get $yy) (i32.const 2)))) (local.get $rowOffset)))))
        (local.set $wRow (i32.add (local.get $weights) (i32.shl (i32.mul (local.get $yy) (local.get $taps)) (i32.const 2))))
        (local.set $wEnd (i32.add (local.get $wRow)
          (i32.shl (i32.load (i32.add (local.get $counts) (i32.shl (local.get $yy) (i32.const 2)))) (i32.const 2))))
        (local.set $i (i32.const 0))
        (block $blocksDone
          (loop $block
            (br_if $blocksDone (i32.ge_u (local.get $i) (local.get $rowLength)))
            (local.set $a0 (i32x4.splat (i32.const 0x200000)))
            (local.set $a1 (local.get $a0))
            (local.set $a2 (local.get $a0))
            (local.set $a3 (local.get $a0))
            (local.set $p (i32.add (local.get $base) (local.get $i)))
            (local.set $w (local.get $wRow))
            (block $tapsDone
              (loop $tap
                (br_if $tapsDone (i32.ge_u (local.get $w) (local.get $wEnd)))
                (local.set $k (v128.load32_splat (local.get $w)))
                (local.set $v (v128.load (local.get $p)))
                (local.set $lo (i16x8.extend_low_i8x16_u (local.get $v)))
                (local.set $hi (i16x8.extend_high_i8x16_u (local.get $v)))
                (local.set $a0 (i32x4.add (local.get $a0) (i32x4.mul (i32x4.extend_low_i16x8_u (local.get $lo)) (local.get $k))))
                (local.set $a1 (i32x4.add (local.get $a1) (i32x4.mul (i32x4.extend_high_i16x8_u (local.get $lo)) (local.get $k))))
                (local.set $a2 (i32x4.add (local.get $a2) (i32x4.mul (i32x4.extend_low_i16x8_u (local.get $hi)) (local.get $k))))
                (local.set $a3 (i32x4.add (local.get $a3) (i32x4.mul (i32x4.extend_high_i16x8_u (local.get $hi)) (local.get $k))))
                (local.set $p (i32.add (local.get $p) (local.get $rowLength)))
                (local.set $w (i32.add (local.get $w) (i32.const 4)))
                (br $tap)))
            (v128.store (local.get $out)
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_s (i32x4.shr_s (local.get $a0) (i32.const 22)) (i32x4.shr_s (local.get $a1) (i32.const 22)))
                (i16x8.narrow_i32x4_s (i32x4.shr_s (local.get $a2) (i32.const 22)) (i32x4.shr_s (local.get $a3) (i32.const 22)))))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $block)))
        ;; the last block ran past the row end: the next row starts at the row length
        (local.set $out (i32.add (local.get $dst) (i32.mul (local.get $rowLength) (i32.add (local.get $yy) (i32.const 1)))))
        (local.set $yy (i32.add (local.get $yy) (i32.const 1)))
        (br $row)))))
