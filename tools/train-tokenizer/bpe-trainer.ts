import { bytesToUnicode, toByteLevel } from './byte-level';
import { preTokenize } from './pre-tokenize';

export interface BpeModel {
  /** Token string (byte-level characters) -> id: the 256 bytes in byte order, then each merge's result. */
  readonly vocab: Map<string, number>;
  /** Merges in the order learned (rank order). */
  readonly merges: [string, string][];
}

/**
 * Word types of a corpus with their counts: each text is split around `reserved` strings (added
 * tokens, which never take part in merges), pre-tokenised as Qwen does, and turned into byte-level
 * characters.
 */
export function countWords(texts: Iterable<string>, reserved: readonly string[]): Map<string, number> {
  const escaped = reserved.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const splitter = escaped.length > 0 ? new RegExp(escaped.join('|'), 'g') : null;
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const part of splitter ? text.split(splitter) : [text]) {
      for (const piece of preTokenize(part)) {
        const word = toByteLevel(piece).join(' ');
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  return counts;
}

const key = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * Byte-level BPE training (Sennrich et al. 2016; the same rule as Hugging Face's BpeTrainer):
 * start from the 256 byte symbols, repeatedly merge the most frequent adjacent pair (counted over
 * word types weighted by their counts; ties broken by the smaller pair in string order, so training
 * is deterministic) until `size` symbols exist or no pair occurs `minFrequency` times.
 */
export function trainBpe(words: ReadonlyMap<string, number>, size: number, minFrequency = 2): BpeModel {
  const vocab = new Map<string, number>();
  bytesToUnicode().forEach((symbol, byte) => vocab.set(symbol, byte));
  const merges: [string, string][] = [];
  const symbols = [...words.keys()].map((w) => w.split(' '));
  const weights = [...words.values()];
  const pairCounts = new Map<string, number>();
  const pairWords = new Map<string, Set<number>>();
  const addPairs = (index: number, sign: number) => {
    const s = symbols[index];
    for (let i = 0; i + 1 < s.length; i++) {
      const k = key(s[i], s[i + 1]);
      pairCounts.set(k, (pairCounts.get(k) ?? 0) + sign * weights[index]);
      if (sign > 0) {
        let set = pairWords.get(k);
        if (!set) pairWords.set(k, (set = new Set()));
        set.add(index);
      }
    }
  };
  symbols.forEach((_, i) => addPairs(i, 1));
  while (vocab.size < size) {
    let best: string | null = null;
    let bestCount = 0;
    for (const [k, count] of pairCounts) {
      if (count > bestCount || (count === bestCount && count > 0 && best !== null && k < best)) {
        best = k;
        bestCount = count;
      }
    }
    if (best === null || bestCount < minFrequency) break;
    const [a, b] = best.split('\u0000');
    const merged = a + b;
    merges.push([a, b]);
    vocab.set(merged, vocab.size);
    for (const index of pairWords.get(best) ?? []) {
      const s = symbols[index];
      if (!s.some((x, i) => x === a && s[i + 1] === b)) continue;
      addPairs(index, -1);
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        if (s[i] === a && s[i + 1] === b) {
          out.push(merged);
          i++;
        } else out.push(s[i]);
      }
      symbols[index] = out;
      addPairs(index, 1);
    }
    pairCounts.delete(best);
  }
  return { vocab, merges };
}
