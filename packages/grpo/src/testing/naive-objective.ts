/**
 * A plain-number (float64) loop implementation of the GRPO objective, written from the formulas
 * of TRL `GRPOTrainer._compute_loss` line by line, as an oracle for tests. Nothing here shares code
 * with the tensor implementation.
 */

export interface NaiveSettings {
  readonly epsLow: number;
  readonly epsHigh: number;
  readonly beta: number;
}

/** One completion's per-token values (old / ref null: detached current / no KL). */
export interface NaiveSequence {
  readonly logp: readonly number[];
  readonly old: readonly number[] | null;
  readonly ref: readonly number[] | null;
  readonly advantage: number;
}

export type NaiveLossType = 'grpo' | 'dapo' | 'dr_grpo';

/** loss_t and d loss_t / d logp of one token. */
export function naiveTokenLoss(logp: number, old: number | null, ref: number | null, advantage: number, s: NaiveSettings): { loss: number; grad: number } {
  const ratio = Math.exp(logp - (old ?? logp));
  const clipped = Math.min(Math.max(ratio, 1 - s.epsLow), 1 + s.epsHigh);
  const unclippedTerm = ratio * advantage;
  const clippedTerm = clipped * advantage;
  let loss = -Math.min(unclippedTerm, clippedTerm);
  // d/dlogp of ratio * A is ratio * A; the clipped branch is the smaller one only outside the range,
  // where it is constant.
  let grad = unclippedTerm <= clippedTerm ? -ratio * advantage : 0;
  if (ref !== null && s.beta !== 0) {
    const d = ref - logp;
    loss += s.beta * (Math.exp(d) - d - 1);
    grad += s.beta * (1 - Math.exp(d));
  }
  return { loss, grad };
}

/** The batch loss with each aggregation written as TRL writes it. */
export function naiveBatchLoss(sequences: readonly NaiveSequence[], lossType: NaiveLossType, s: NaiveSettings, maxCompletionLength = 0): number {
  const perToken = sequences.map((q) => q.logp.map((lp, t) => naiveTokenLoss(lp, q.old ? q.old[t] : null, q.ref ? q.ref[t] : null, q.advantage, s).loss));
  if (lossType === 'grpo') {
    let total = 0;
    for (const losses of perToken) {
      let sum = 0;
      for (const l of losses) sum += l;
      total += sum / Math.max(losses.length, 1);
    }
    return total / sequences.length;
  }
  let sum = 0;
  let tokens = 0;
  for (const losses of perToken) {
    for (const l of losses) sum += l;
    tokens += losses.length;
  }
  return lossType === 'dapo' ? sum / Math.max(tokens, 1) : sum / (sequences.length * maxCompletionLength);
}

/** The table policy's log-probs in float64: logits(t) = position[t] + transition[previous]. */
export function naiveTableLogProbs(
  position: ArrayLike<number>,
  transition: ArrayLike<number>,
  vocab: number,
  sequence: { promptTokenIds: ArrayLike<number>; completionTokenIds: ArrayLike<number> },
): number[] {
  const out: number[] = [];
  const completion = sequence.completionTokenIds;
  for (let t = 0; t < completion.length; t++) {
    const previous = t === 0 ? sequence.promptTokenIds[sequence.promptTokenIds.length - 1] : completion[t - 1];
    const logits = Array.from({ length: vocab }, (_, j) => position[t * vocab + j] + transition[previous * vocab + j]);
    const max = Math.max(...logits);
    let z = 0;
    for (const l of logits) z += Math.exp(l - max);
    out.push(logits[completion[t]] - max - Math.log(z));
  }
  return out;
}

/** Central finite differences of f at x, every coordinate (float64). */
export function finiteDifferences(f: (x: Float64Array) => number, x: ArrayLike<number>, h = 1e-6): Float64Array {
  const point = Float64Array.from(x);
  const out = new Float64Array(point.length);
  for (let i = 0; i < point.length; i++) {
    const keep = point[i];
    point[i] = keep + h;
    const up = f(point);
    point[i] = keep - h;
    const down = f(point);
    point[i] = keep;
    out[i] = (up - down) / (2 * h);
  }
  return out;
}
