import type { SampleRow, Size } from '@mixed-r1/records';
import { promptText } from '@mixed-r1/evaluation';
import type { Policy, PromptInput } from '@mixed-r1/policy';
import type { ImagePreparer } from '../data/image-inputs';

/** A sample ready for the policy: its prompt (tokens and image) and the model-input frame of its image. */
export interface PreparedPrompt {
  readonly sample: SampleRow;
  readonly prompt: PromptInput;
  readonly inputSize: Size;
}

/** Preprocess stage: decode and resize the image, put the question in the shared prompt layout. */
export async function preparePrompts(samples: readonly SampleRow[], policy: Policy, images: ImagePreparer): Promise<PreparedPrompt[]> {
  return Promise.all(
    samples.map(async (sample) => {
      const prepared = await images.prepare(sample);
      const prompt = policy.prompt(promptText({ question: sample.question, options: sample.options }), [prepared.input]);
      return { sample, prompt, inputSize: prepared.inputSize };
    }),
  );
}
