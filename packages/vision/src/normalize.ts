/** OpenAI CLIP mean and std (transformers `image_utils.OPENAI_CLIP_MEAN/STD`), used by Qwen2.5-VL. */
export const CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073] as const;
export const CLIP_STD = [0.26862954, 0.26130258, 0.27577711] as const;
/** ImageNet mean and std (transformers `IMAGENET_STANDARD`... DEFAULT), used by InternVL. */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

export type ChannelStats = readonly [number, number, number];

/**
 * The normalised value of every uint8 sample, per channel: 3 tables of 256 float32 values.
 * Matches transformers' arithmetic: `rescale` multiplies in float64 by 1/255 and casts to
 * float32; `normalize` subtracts and divides in float32 with float32 mean and std.
 */
export function normalisationTables(mean: ChannelStats, std: ChannelStats): Float32Array[] {
  return [0, 1, 2].map((channel) => {
    const table = new Float32Array(256);
    const channelMean = Math.fround(mean[channel]);
    const channelStd = Math.fround(std[channel]);
    for (let value = 0; value < 256; value++) {
      const rescaled = Math.fround(value * (1 / 255));
      table[value] = Math.fround(Math.fround(rescaled - channelMean) / channelStd);
    }
    return table;
  });
}
