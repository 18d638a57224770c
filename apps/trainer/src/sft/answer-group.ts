import type { SampleRow } from '@mixed-r1/records';

/**
 * The group a sample's answer is tallied in: its task type, and with the kind of question its
 * metadata records (the procedural generators write `question.kind`: "attribute", "relation", ...)
 * that kind too, as "yes_no/attribute". A decision the model has not learned hides in the mean
 * when other kinds of the same task are answered by a copy (the tiny model's card: every yes/no
 * attribute question answered "no" under teacher forcing, every existence question right).
 * Metadata that is absent, not JSON or without a kind groups by the task alone.
 */
export function answerGroupOf(sample: Pick<SampleRow, 'task' | 'metadata'>): string {
  const kind = questionKindOf(sample.metadata);
  return kind === null ? sample.task : `${sample.task}/${kind}`;
}

function questionKindOf(metadata: string | null): string | null {
  if (!metadata) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    return null;
  }
  const kind = (parsed as { question?: { kind?: unknown } } | null)?.question?.kind;
  return typeof kind === 'string' && /^[\w-]+$/.test(kind) ? kind : null;
}
