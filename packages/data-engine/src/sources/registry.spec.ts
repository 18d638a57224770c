import { adapterNamed, readSource, SOURCE_ADAPTER_NAMES, SOURCE_ADAPTERS } from './registry';

describe('the source adapter registry', () => {
  it('registers the eight adapters, each under its own name', () => {
    expect(SOURCE_ADAPTER_NAMES).toEqual([
      'llava',
      'chartqa',
      'refcoco',
      'multiple-choice',
      'vqav2-yesno',
      'coco-captions',
      'vlmevalkit-tsv',
      'unified-jsonl',
    ]);
    for (const name of SOURCE_ADAPTER_NAMES) {
      expect(SOURCE_ADAPTERS[name].name).toBe(name);
      expect(SOURCE_ADAPTERS[name].description).not.toBe('');
      expect(adapterNamed(name)).toBe(SOURCE_ADAPTERS[name]);
    }
    expect(Object.isFrozen(SOURCE_ADAPTERS)).toBe(true);
  });

  it('throws on an unknown name, listing the valid ones', () => {
    expect(() => adapterNamed('coco')).toThrow(
      'unknown source adapter "coco"; valid adapters: llava, chartqa, refcoco, multiple-choice, vqav2-yesno, coco-captions, vlmevalkit-tsv, unified-jsonl',
    );
    expect(() => adapterNamed('toString')).toThrow(/unknown source adapter "toString"/);
    expect(() => readSource({ name: 'x', adapter: 'sqlite', path: 'x.db' })).toThrow(/unknown source adapter "sqlite"/);
  });
});
