import type { Qwen25VLConfig } from '../config/qwen2-5-vl-config';

/** How a parameter starts in a fresh model (HF `Qwen2_5_VLPreTrainedModel._init_weights`). */
export type ParameterInit = 'normal' | 'zeros' | 'ones';

export interface ParameterSpec {
  /** Hugging Face tensor name, original Qwen2.5-VL checkpoint layout (`visual.*`, `model.*`, `lm_head.*`). */
  readonly name: string;
  /** PyTorch layout: Linear weights [out, in], the Conv3d patch embedding [out, in, t, p, p]. */
  readonly shape: readonly number[];
  readonly init: ParameterInit;
}

function linear(name: string, outSize: number, inSize: number, bias: boolean): ParameterSpec[] {
  const weight: ParameterSpec = { name: `${name}.weight`, shape: [outSize, inSize], init: 'normal' };
  return bias ? [weight, { name: `${name}.bias`, shape: [outSize], init: 'zeros' }] : [weight];
}

function norm(name: string, size: number): ParameterSpec {
  return { name: `${name}.weight`, shape: [size], init: 'ones' };
}

/** HF `Qwen2_5_VisionTransformerPretrainedModel`: patch_embed, blocks, merger. */
function visionSpecs({ vision }: Qwen25VLConfig): ParameterSpec[] {
  const d = vision.hiddenSize;
  const specs: ParameterSpec[] = [
    {
      name: 'visual.patch_embed.proj.weight',
      shape: [d, vision.inChannels, vision.temporalPatchSize, vision.patchSize, vision.patchSize],
      init: 'normal',
    },
  ];
  for (let i = 0; i < vision.depth; i++) {
    const block = `visual.blocks.${i}`;
    specs.push(
      norm(`${block}.norm1`, d),
      norm(`${block}.norm2`, d),
      ...linear(`${block}.attn.qkv`, 3 * d, d, true),
      ...linear(`${block}.attn.proj`, d, d, true),
      ...linear(`${block}.mlp.gate_proj`, vision.intermediateSize, d, true),
      ...linear(`${block}.mlp.up_proj`, vision.intermediateSize, d, true),
      ...linear(`${block}.mlp.down_proj`, d, vision.intermediateSize, true),
    );
  }
  const merged = d * vision.spatialMergeSize ** 2;
  specs.push(norm('visual.merger.ln_q', d), ...linear('visual.merger.mlp.0', merged, merged, true), ...linear('visual.merger.mlp.2', vision.outHiddenSize, merged, true));
  return specs;
}

/** HF `Qwen2_5_VLModel` (the Qwen2 decoder) and the LM head. */
function textSpecs({ text }: Qwen25VLConfig): ParameterSpec[] {
  const h = text.hiddenSize;
  const kv = text.numKeyValueHeads * text.headDim;
  const specs: ParameterSpec[] = [{ name: 'model.embed_tokens.weight', shape: [text.vocabSize, h], init: 'normal' }];
  for (let i = 0; i < text.numHiddenLayers; i++) {
    const layer = `model.layers.${i}`;
    specs.push(
      norm(`${layer}.input_layernorm`, h),
      ...linear(`${layer}.self_attn.q_proj`, h, h, true),
      ...linear(`${layer}.self_attn.k_proj`, kv, h, true),
      ...linear(`${layer}.self_attn.v_proj`, kv, h, true),
      ...linear(`${layer}.self_attn.o_proj`, h, h, false),
      norm(`${layer}.post_attention_layernorm`, h),
      ...linear(`${layer}.mlp.gate_proj`, text.intermediateSize, h, false),
      ...linear(`${layer}.mlp.up_proj`, text.intermediateSize, h, false),
      ...linear(`${layer}.mlp.down_proj`, h, text.intermediateSize, false),
    );
  }
  specs.push(norm('model.norm', h));
  if (!text.tieWordEmbeddings) specs.push(...linear('lm_head', text.vocabSize, h, false));
  return specs;
}

/** Every parameter of the model, in checkpoint order (vision, decoder, head). */
export function parameterSpecs(config: Qwen25VLConfig): ParameterSpec[] {
  return [...visionSpecs(config), ...textSpecs(config)];
}

export function parameterCount(config: Qwen25VLConfig): number {
  return parameterSpecs(config).reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
}
