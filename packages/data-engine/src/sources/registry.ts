import type { SourceItem } from '../candidate';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { chartQaAdapter } from './chartqa';
import { cocoCaptionsAdapter } from './coco-captions';
import { llavaAdapter } from './llava';
import { multipleChoiceAdapter } from './multiple-choice';
import { refCocoAdapter } from './refcoco';
import { unifiedJsonlAdapter } from './unified-jsonl';
import { vlmEvalKitTsvAdapter } from './vlmevalkit-tsv';
import { vqaV2YesNoAdapter } from './vqav2-yesno';

/** Every source adapter, by the name a source's `adapter` setting gives: the one place adapters are registered. */
export const SOURCE_ADAPTERS = Object.freeze({
  llava: llavaAdapter,
  chartqa: chartQaAdapter,
  refcoco: refCocoAdapter,
  'multiple-choice': multipleChoiceAdapter,
  'vqav2-yesno': vqaV2YesNoAdapter,
  'coco-captions': cocoCaptionsAdapter,
  'vlmevalkit-tsv': vlmEvalKitTsvAdapter,
  'unified-jsonl': unifiedJsonlAdapter,
} satisfies Record<string, SourceAdapter>);

export type SourceAdapterName = keyof typeof SOURCE_ADAPTERS;

export const SOURCE_ADAPTER_NAMES = Object.freeze(Object.keys(SOURCE_ADAPTERS) as SourceAdapterName[]);

const isAdapterName = (name: string): name is SourceAdapterName => Object.hasOwn(SOURCE_ADAPTERS, name);

/** The adapter registered as `name`; an unknown name throws with the valid names. */
export function adapterNamed(name: string): SourceAdapter {
  if (!isAdapterName(name)) {
    throw new Error(`unknown source adapter "${name}"; valid adapters: ${SOURCE_ADAPTER_NAMES.join(', ')}`);
  }
  return SOURCE_ADAPTERS[name];
}

/** The items of a configured source, read by the adapter its `adapter` setting names. */
export function readSource(source: SourceConfig): AsyncIterable<SourceItem> {
  return adapterNamed(source.adapter).read(source);
}
