import fs from 'node:fs';
import path from 'node:path';
import { BmasScorer } from './bmas-scorer';
import { SafetensorsEmbeddings } from './safetensors-embeddings';
import { HfTokenizer } from './tokenizer';

/** data/examples/embeddings, built by tools/make-example-embeddings (hashed character trigrams). */
const DIR = path.resolve(__dirname, '../../../../data/examples/embeddings');

describe('data/examples/embeddings', () => {
  let scorer: BmasScorer;
  beforeAll(async () => {
    scorer = await BmasScorer.fromDirectory(DIR);
  });
  afterAll(() => scorer.close());

  it('is a small BF16 model.embed_tokens.weight with its tokenizer.json', () => {
    const table = SafetensorsEmbeddings.open(DIR);
    expect([table.tensorName, table.dtype, table.hiddenSize]).toEqual(['model.embed_tokens.weight', 'BF16', 64]);
    table.close();
    const bytes = fs.readdirSync(DIR).reduce((sum, name) => sum + fs.statSync(path.join(DIR, name)).size, 0);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('has one embedding row per token, and each word of its vocabulary encodes to its own id', () => {
    const json = JSON.parse(fs.readFileSync(path.join(DIR, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } };
    const vocab = Object.entries(json.model.vocab);
    const table = SafetensorsEmbeddings.open(DIR);
    expect(table.vocabSize).toBe(vocab.length);
    table.close();
    const tokenizer = HfTokenizer.fromFile(path.join(DIR, 'tokenizer.json'));
    const mismatched = vocab.filter(([word, id]) => !tokenizer.specialIds.has(id) && tokenizer.encodeWithoutSpecial(word).join() !== String(id));
    expect(mismatched).toEqual([]);
    expect(tokenizer.encodeWithoutSpecial('<|im_start|>Hello<|im_end|>')).toEqual([json.model.vocab.hello]);
  });

  it('makes words that share trigrams similar and identical texts 1', () => {
    expect(scorer.score('cat', 'cats')).toBeGreaterThan(0.4);
    expect(scorer.score('cat', 'cats')).toBeGreaterThan(scorer.score('cat', 'yes'));
    expect(scorer.score('A red car next to a tree.', 'a  RED car next to a tree.')).toBeCloseTo(1, 5);
  });

  it('ranks a paraphrase above an unrelated description', () => {
    const reference = 'A red car is parked next to a large tree.';
    const paraphrase = scorer.score('The red car is parked beside the tree.', reference);
    const unrelated = scorer.score('Two dogs are playing with a ball on the grass.', reference);
    expect(paraphrase).toBeGreaterThan(unrelated + 0.1);
  });
});
