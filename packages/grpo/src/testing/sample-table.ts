import type { TableValues } from './table-policy';

/**
 * Samples one completion of `length` tokens from the table policy's distribution (float64 softmax
 * of position[t] + transition[previous]), drawing with `random` (uniform [0, 1)).
 */
export function sampleTable(values: TableValues, vocab: number, length: number, promptLast: number, random: () => number): number[] {
  const tokens: number[] = [];
  let previous = promptLast;
  for (let t = 0; t < length; t++) {
    const logits = Array.from({ length: vocab }, (_, j) => values.position[t * vocab + j] + values.transition[previous * vocab + j]);
    const max = Math.max(...logits);
    const weights = logits.map((l) => Math.exp(l - max));
    let u = random() * weights.reduce((a, b) => a + b, 0);
    let token = vocab - 1;
    for (let j = 0; j < vocab; j++) {
      u -= weights[j];
      if (u < 0) {
        token = j;
        break;
      }
    }
    tokens.push(token);
    previous = token;
  }
  return tokens;
}
