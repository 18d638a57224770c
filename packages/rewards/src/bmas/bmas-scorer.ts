import path from 'node:path';
import { bmasParts, EMPTY_BMAS, type BmasParts } from './bmas-kernel';
import { resolveBmasOptions, type BmasOptions } from './bmas-options';
import { createSimilarityBackend } from './create-similarity-backend';
import { LruCache } from './lru-cache';
import { normalizeRow } from './normalize-rows';
import { SafetensorsEmbeddings, type EmbeddingTable } from './safetensors-embeddings';
import type { PreparedReference, SimilarityBackend } from './similarity-backend';
import { HfTokenizer, type BmasTokenizer } from './tokenizer';

/** BMAS parts with the token counts that went in (after dropping special tokens and capping). */
export interface BmasScore extends BmasParts {
  readonly answerTokens: number;
  readonly referenceTokens: number;
}

/** An embedding table the scorer may own (closed with the scorer). */
export type ClosableEmbeddingTable = EmbeddingTable & { close?(): void };

interface CachedReference {
  /** The text it was built from (text path), to detect a key reused for another reference. */
  readonly text: string | null;
  readonly ids: readonly number[];
  readonly prepared: PreparedReference | null;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * BMAS of an answer against a reference through the policy's tokenizer and input embeddings
 * (SPEC.md section 2). Reference rows are prepared once per reference key and reused across the
 * G completions of a group; normalised rows are cached per token id. Both caches are bounded LRUs.
 */
export class BmasScorer {
  readonly options: BmasOptions;
  readonly backend: SimilarityBackend;
  private readonly rows: LruCache<number, Float32Array>;
  private readonly references: LruCache<string, CachedReference>;

  constructor(
    private readonly tokenizer: BmasTokenizer,
    private readonly embeddings: ClosableEmbeddingTable,
    options: Partial<BmasOptions> = {},
  ) {
    this.options = resolveBmasOptions(options);
    if (!Number.isInteger(embeddings.hiddenSize) || embeddings.hiddenSize < 1) {
      throw new TypeError(`BmasScorer: the embedding table's hidden size is ${embeddings.hiddenSize}, expected a whole number >= 1`);
    }
    this.backend = createSimilarityBackend(this.options.kernel);
    this.rows = new LruCache(this.options.tokenCacheSize);
    this.references = new LruCache(this.options.referenceCacheSize);
  }

  /**
   * A scorer over a checkpoint folder: `tokenizer.json` (and `tokenizer_config.json` if present)
   * and the `*embed_tokens.weight` tensor of its safetensors file(s).
   */
  static async fromDirectory(dir: string, options: Partial<BmasOptions> = {}): Promise<BmasScorer> {
    resolveBmasOptions(options);
    const tokenizer = HfTokenizer.fromFile(path.join(dir, 'tokenizer.json'));
    const embeddings = SafetensorsEmbeddings.open(dir);
    try {
      return new BmasScorer(tokenizer, embeddings, options);
    } catch (error) {
      embeddings.close();
      throw error;
    }
  }

  /** BMAS in [0, 1]; `referenceKey` (e.g. the sample id) keys the reference cache (default: the text). */
  score(answer: string, reference: string, referenceKey?: string): number {
    return this.scoreDetailed(answer, reference, referenceKey).score;
  }

  /** BMAS with both directional scores and the token counts. */
  scoreDetailed(answer: string, reference: string, referenceKey: string = reference): BmasScore {
    let cached = this.references.get(referenceKey);
    if (cached?.text !== reference) {
      cached = this.prepare(reference, this.cap(this.tokenizer.encodeWithoutSpecial(reference)));
      this.references.set(referenceKey, cached);
    }
    return this.scoreAgainst(this.cap(this.tokenizer.encodeWithoutSpecial(answer)), cached);
  }

  /**
   * BMAS of token ids (e.g. a completion's sampled ids) against reference ids; special tokens must
   * already be removed. Ids are capped at maxTokens. The cache key defaults to the reference ids.
   */
  scoreTokenIds(answerIds: readonly number[], referenceIds: readonly number[], referenceKey?: string): BmasScore {
    const ids = this.cap(referenceIds);
    const key = referenceKey ?? `ids:${ids.join(',')}`;
    let cached = this.references.get(key);
    if (!cached || cached.text !== null || !sameIds(cached.ids, ids)) {
      cached = this.prepare(null, ids);
      this.references.set(key, cached);
    }
    return this.scoreAgainst(this.cap(answerIds), cached);
  }

  /** Closes the embedding table (when it can be closed) and drops the caches. */
  close(): void {
    this.rows.clear();
    this.references.clear();
    this.embeddings.close?.();
  }

  private tableName(): string {
    const file = (this.embeddings as { file?: unknown }).file;
    return typeof file === 'string' ? ` in ${file}` : '';
  }

  private cap(ids: readonly number[]): number[] {
    return ids.slice(0, this.options.maxTokens);
  }

  private prepare(text: string | null, ids: number[]): CachedReference {
    const prepared = ids.length === 0 ? null : this.backend.prepareReference(this.gather(ids), this.embeddings.hiddenSize);
    return { text, ids, prepared };
  }

  private scoreAgainst(answerIds: readonly number[], reference: CachedReference): BmasScore {
    const counts = { answerTokens: answerIds.length, referenceTokens: reference.ids.length };
    if (answerIds.length === 0 || reference.prepared === null) return { ...EMPTY_BMAS, ...counts };
    const directional = this.backend.directionalScores(this.gather(answerIds), reference.prepared);
    return { ...bmasParts(directional, this.options.combination), ...counts };
  }

  /** Normalised rows of `ids` (cached arrays, not copies). */
  private gather(ids: readonly number[]): Float32Array[] {
    return ids.map((id) => this.row(id));
  }

  private row(id: number): Float32Array {
    const cached = this.rows.get(id);
    if (cached) return cached;
    const row = new Float32Array(this.embeddings.hiddenSize);
    const read = this.embeddings.readRow(id, row);
    if (read !== row) row.set(read.subarray(0, row.length));
    normalizeRow(row, () => `the embedding row of token id ${id}${this.tableName()}`);
    this.rows.set(id, row);
    return row;
  }
}
