import type { EmbeddingTable } from '../safetensors-embeddings';
import type { BmasTokenizer } from '../tokenizer';

/** An embedding table held in memory, from plain rows (for tests). */
export class InMemoryEmbeddings implements EmbeddingTable {
  readonly vocabSize: number;
  readonly hiddenSize: number;
  /** How many rows were read, per token id. */
  readonly reads = new Map<number, number>();
  private readonly table: Float32Array;

  constructor(rows: readonly ArrayLike<number>[]) {
    this.vocabSize = rows.length;
    this.hiddenSize = rows[0]?.length ?? 0;
    this.table = new Float32Array(this.vocabSize * this.hiddenSize);
    rows.forEach((row, i) => {
      if (row.length !== this.hiddenSize) throw new TypeError(`InMemoryEmbeddings: row ${i} has ${row.length} values, row 0 has ${this.hiddenSize}`);
      this.table.set(Array.from(row), i * this.hiddenSize);
    });
  }

  readRow(id: number, out = new Float32Array(this.hiddenSize)): Float32Array {
    if (!Number.isInteger(id) || id < 0 || id >= this.vocabSize) throw new RangeError(`token id ${id} is outside the table (vocab size ${this.vocabSize})`);
    this.reads.set(id, (this.reads.get(id) ?? 0) + 1);
    out.set(this.table.subarray(id * this.hiddenSize, (id + 1) * this.hiddenSize));
    return out;
  }

  get totalReads(): number {
    return [...this.reads.values()].reduce((a, b) => a + b, 0);
  }
}

/**
 * A whitespace tokenizer over a fixed vocabulary (for tests): each word is one token; words in
 * `special` are special tokens and dropped. An unknown word throws.
 */
export class WordTokenizer implements BmasTokenizer {
  constructor(
    private readonly vocab: Readonly<Record<string, number>>,
    private readonly special: readonly string[] = [],
  ) {}

  encodeWithoutSpecial(text: string): number[] {
    return text
      .split(/\s+/)
      .filter((word) => word.length > 0 && !this.special.includes(word))
      .map((word) => {
        const id = this.vocab[word];
        if (id === undefined) throw new Error(`WordTokenizer: unknown word "${word}"`);
        return id;
      });
  }
}
