import * as tf from '@tensorflow/tfjs-core';
import type { TextConfig } from '../config/qwen2-5-vl-config';
import type { RopePositions } from './rope-index';

/** The decoder's inverse frequencies 1 / theta^(2j / headDim), j < headDim/2, rounded to float32 as torch computes them. */
export function inverseFrequencies(text: TextConfig): Float32Array {
  const half = text.headDim / 2;
  return Float32Array.from({ length: half }, (_, j) => Math.fround(1 / Math.fround(text.ropeTheta ** Math.fround((2 * j) / text.headDim))));
}

/** For each of the headDim/2 frequencies, which position axis drives it (0 t, 1 h, 2 w), from mrope_section. */
export function sectionOfFrequency(text: TextConfig): Uint8Array {
  const [t, h] = text.mropeSection;
  return Uint8Array.from({ length: text.headDim / 2 }, (_, j) => (j < t ? 0 : j < t + h ? 1 : 2));
}

/**
 * cos and sin [B, 1, T, headDim] of the M-RoPE angles (HF `Qwen2_5_VLRotaryEmbedding` then
 * `apply_multimodal_rotary_pos_emb`): frequency j of both halves turns with the position on the
 * axis its mrope_section assigns (for text all three axes are equal, which is plain RoPE).
 * `positions[b]` are the three id rows of sequence b.
 */
export function mropeCosSin(text: TextConfig, positions: readonly RopePositions[]): { cos: tf.Tensor4D; sin: tf.Tensor4D } {
  const invFreq = inverseFrequencies(text);
  const section = sectionOfFrequency(text);
  const half = text.headDim / 2;
  const batch = positions.length;
  const length = positions[0].temporal.length;
  if (positions.some((p) => p.temporal.length !== length)) throw new RangeError('mropeCosSin: sequences of a batch must have equal length');
  const cos = new Float32Array(batch * length * text.headDim);
  const sin = new Float32Array(batch * length * text.headDim);
  positions.forEach((p, b) => {
    const axes = [p.temporal, p.height, p.width];
    for (let i = 0; i < length; i++) {
      const row = (b * length + i) * text.headDim;
      for (let j = 0; j < half; j++) {
        const angle = Math.fround(axes[section[j]][i] * invFreq[j]);
        cos[row + j] = cos[row + half + j] = Math.cos(angle);
        sin[row + j] = sin[row + half + j] = Math.sin(angle);
      }
    }
  });
  return { cos: tf.tensor4d(cos, [batch, 1, length, text.headDim]), sin: tf.tensor4d(sin, [batch, 1, length, text.headDim]) };
}

/** Positions of text tokens continuing from `start`: all three axes equal (decoding, completions). */
export function textPositions(start: number, length: number): RopePositions {
  const ids = Int32Array.from({ length }, (_, i) => start + i);
  return { temporal: ids, height: ids, width: ids, next: start + length };
}
