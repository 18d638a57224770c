;; Cosine-similarity matrix for BMAS: S = R * G^T, in WebAssembly SIMD (128-bit).
;;
;;   R : np x dp, row-major (answer rows, L2-normalised), np % 4 == 0
;;   G : mp x dp, row-major (reference rows, L2-normalised), mp % 2 == 0
;;   S : np x mp, row-major (output)
;;
;; dp % 4 == 0 and dp >= 4: the caller pads rows with zeros to these sizes (zero rows and columns
;; add nothing to a dot product, and the padded entries of S are never read).
;;
;; Register-blocked 4 x 2 micro-kernel: for each 4 floats of depth it loads one f32x4 from each of
;; 4 answer rows and 2 reference rows and accumulates 8 f32x4 partial dot products (6 loads per 32
;; multiply-adds; 8 accumulators + 6 operands + 1 product fit the 16 xmm registers of x86-64).
;; Each accumulator is summed across its lanes at the end. No transposition is needed, so a
;; reference is used as it is laid out.
;;
;; Every multiply-add below is written as
;;   (f32x4.add (local.get $cXY) (f32x4.mul (local.get $aX) (local.get $bY)))
;; and the relaxed-SIMD variant of this module is derived from this text by rewriting exactly
;; that form to (f32x4.relaxed_madd (local.get $aX) (local.get $bY) (local.get $cXY)): keep it.
;; All addresses are byte offsets into the exported memory.
(module
  (memory (export "memory") 1)

  ;; (l0 + l1) + (l2 + l3)
  (func $laneSum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  (func (export "similarities")
    (param $r i32) (param $np i32) (param $g i32) (param $mp i32) (param $dp i32) (param $s i32)
    (local $i i32) (local $j i32) (local $k i32)
    (local $rowBytes i32) (local $sRowBytes i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32) (local $g0 i32) (local $g1 i32)
    (local $ps i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $rowBytes (i32.shl (local.get $dp) (i32.const 2)))
    (local.set $sRowBytes (i32.shl (local.get $mp) (i32.const 2)))
    (local.set $i (i32.const 0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $np)))
        ;; r0..r3 = &R[i..i+3][0]
        (local.set $r0 (i32.add (local.get $r) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $r1 (i32.add (local.get $r0) (local.get $rowBytes)))
        (local.set $r2 (i32.add (local.get $r1) (local.get $rowBytes)))
        (local.set $r3 (i32.add (local.get $r2) (local.get $rowBytes)))
        (local.set $j (i32.const 0))
        (block $colsDone
          (loop $cols
            (br_if $colsDone (i32.ge_u (local.get $j) (local.get $mp)))
            ;; g0, g1 = &G[j][0], &G[j+1][0]
            (local.set $g0 (i32.add (local.get $g) (i32.mul (local.get $j) (local.get $rowBytes))))
            (local.set $g1 (i32.add (local.get $g0) (local.get $rowBytes)))
            (local.set $c00 (v128.const i64x2 0 0))
            (local.set $c01 (v128.const i64x2 0 0))
            (local.set $c10 (v128.const i64x2 0 0))
            (local.set $c11 (v128.const i64x2 0 0))
            (local.set $c20 (v128.const i64x2 0 0))
            (local.set $c21 (v128.const i64x2 0 0))
            (local.set $c30 (v128.const i64x2 0 0))
            (local.set $c31 (v128.const i64x2 0 0))
            (local.set $k (i32.const 0))
            (loop $depth
              (local.set $b0 (v128.load (i32.add (local.get $g0) (local.get $k))))
              (local.set $b1 (v128.load (i32.add (local.get $g1) (local.get $k))))
              (local.set $a0 (v128.load (i32.add (local.get $r0) (local.get $k))))
              (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $a0) (local.get $b0))))
              (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $a0) (local.get $b1))))
              (local.set $a1 (v128.load (i32.add (local.get $r1) (local.get $k))))
              (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $a1) (local.get $b0))))
              (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $a1) (local.get $b1))))
              (local.set $a2 (v128.load (i32.add (local.get $r2) (local.get $k))))
              (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $a2) (local.get $b0))))
              (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $a2) (local.get $b1))))
              (local.set $a3 (v128.load (i32.add (local.get $r3) (local.get $k))))
              (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $a3) (local.get $b0))))
              (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $a3) (local.get $b1))))
              (br_if $depth (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 16))) (local.get $rowBytes)))
            )
            ;; ps = &S[i][j]; store the 4 x 2 block
            (local.set $ps
              (i32.add (local.get $s)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $mp)) (local.get $j)) (i32.const 2))))
            (f32.store (local.get $ps) (call $laneSum (local.get $c00)))
            (f32.store offset=4 (local.get $ps) (call $laneSum (local.get $c01)))
            (local.set $ps (i32.add (local.get $ps) (local.get $sRowBytes)))
            (f32.store (local.get $ps) (call $laneSum (local.get $c10)))
            (f32.store offset=4 (local.get $ps) (call $laneSum (local.get $c11)))
            (local.set $ps (i32.add (local.get $ps) (local.get $sRowBytes)))
            (f32.store (local.get $ps) (call $laneSum (local.get $c20)))
            (f32.store offset=4 (local.get $ps) (call $laneSum (local.get $c21)))
            (local.set $ps (i32.add (local.get $ps) (local.get $sRowBytes)))
            (f32.store (local.get $ps) (call $laneSum (local.get $c30)))
            (f32.store offset=4 (local.get $ps) (call $laneSum (local.get $c31)))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $cols)
          )
        )
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)
      )
    )
  )
)
