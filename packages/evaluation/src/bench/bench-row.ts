import type { Box, TaskType } from '@mixed-r1/records';

/** Where a row's image is: base64 text of the image file (a TSV field, a JSONL field) or a file path. */
export type ImageRef = { readonly kind: 'base64'; readonly base64: string } | { readonly kind: 'path'; readonly path: string };

/** Where a row came from, for messages: the file and the line its record starts on (1-based). */
export interface RowOrigin {
  readonly file: string;
  readonly line: number;
}

/** One benchmark question, in every format's common shape. */
export interface BenchRow {
  /** The benchmark's name (the file name without its extension, e.g. "MMStar"). */
  readonly benchmark: string;
  /** The row's `index` (VLMEvalKit) or `id` (JSONL), as text: the key of predictions and resumes. */
  readonly index: string;
  readonly task: TaskType;
  /** The row's category (VLMEvalKit's `category` column); the task type when the file has none. */
  readonly category: string;
  /** The question as written, without the hint and the options. */
  readonly question: string;
  /** VLMEvalKit's `hint` column (context put before the question), or null. */
  readonly hint: string | null;
  /** Multiple choice: the option texts; option i has letter "A" + i. */
  readonly options: readonly string[] | null;
  /** The ground truth: "yes"/"no", an option letter, a chart value, a box text, a reference text. */
  readonly answer: string;
  /** Grounding: the ground-truth box [x1, y1, x2, y2] in original-image pixels. */
  readonly box: Box | null;
  readonly image: ImageRef;
  readonly origin: RowOrigin;
}

/** A row that could not be read, with where it is and why: reported, never silently dropped. */
export interface LoadIssue {
  readonly benchmark: string;
  readonly file: string;
  /** 1-based number of the data row (the header is not counted), or null for a whole-file problem. */
  readonly row: number | null;
  /** 1-based line the record starts on, or null. */
  readonly line: number | null;
  /** The row's index when it could be read. */
  readonly index: string | null;
  readonly reason: string;
}

/** A benchmark file read: its rows in file order and what could not be read. */
export interface LoadedBench {
  readonly name: string;
  readonly file: string;
  /** The loader that read it (a name in BENCH_LOADERS). */
  readonly format: string;
  readonly rows: readonly BenchRow[];
  readonly issues: readonly LoadIssue[];
}

/** "row 3 (line 4)": where an issue is, for messages. */
export function describeIssue(issue: LoadIssue): string {
  const where = issue.row === null ? issue.file : `${issue.file} row ${issue.row}${issue.line === null ? '' : ` (line ${issue.line})`}`;
  const index = issue.index === null ? '' : ` index ${JSON.stringify(issue.index)}`;
  return `${where}${index}: ${issue.reason}`;
}
