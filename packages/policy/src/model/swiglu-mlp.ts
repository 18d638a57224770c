import * as tf from '@tensorflow/tfjs-core';
import { linear } from './linear';
import type { Weights } from './weights';

/** SiLU(x) = x * sigmoid(x) (PyTorch `nn.SiLU`, HF ACT2FN["silu"]). */
export function silu(x: tf.Tensor): tf.Tensor {
  return tf.mul(x, tf.sigmoid(x));
}

/**
 * The gated MLP of Qwen2 and of the Qwen2.5-VL vision blocks (HF `Qwen2MLP`, `Qwen2_5_VLMLP`):
 * down_proj(silu(gate_proj(x)) * up_proj(x)). The vision MLP has biases, the decoder's has none.
 */
export function swigluMlp(w: Weights, x: tf.Tensor, prefix: string, bias: boolean): tf.Tensor {
  const gate = silu(linear(w, x, `${prefix}.gate_proj`, bias));
  const up = linear(w, x, `${prefix}.up_proj`, bias);
  return linear(w, tf.mul(gate, up), `${prefix}.down_proj`, bias);
}
