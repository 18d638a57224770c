import type { SampleRow, Size } from '@mixed-r1/records';
import type { ImageInput } from '@mixed-r1/policy';
import { createQwenProcessor, decodeImage, type ImageProcessor } from '@mixed-r1/vision';

/** A sample's image as the policy takes it, and the model-input frame it was resized to. */
export interface PreparedImage {
  readonly input: ImageInput;
  readonly inputSize: Size;
}

/** Decodes and preprocesses samples' images (Qwen2.5-VL processing with the run's pixel bounds). */
export class ImagePreparer {
  private readonly processor: ImageProcessor;

  constructor(bounds: { readonly minPixels: number; readonly maxPixels: number }) {
    this.processor = createQwenProcessor({ minPixels: bounds.minPixels, maxPixels: bounds.maxPixels });
  }

  /** The model-input size of an image of this size (no pixels touched). */
  inputSize(sample: Pick<SampleRow, 'id' | 'imageWidth' | 'imageHeight'>): Size {
    return this.processor.inputSize([sample.imageWidth, sample.imageHeight], sample.id);
  }

  async prepare(sample: SampleRow): Promise<PreparedImage> {
    const source = sample.imageBytes ?? sample.imagePath;
    if (!source) throw new Error(`sample "${sample.id}": no image bytes and no image path`);
    const image = await decodeImage(source, { sampleId: sample.id });
    const processed = await this.processor.process(image, sample.id);
    return { input: { rows: processed.rows, grid: processed.grid }, inputSize: processed.inputSize };
  }
}
