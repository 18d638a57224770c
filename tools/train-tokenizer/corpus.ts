import fs from 'node:fs';

/** Every string value in a JSON value (keys excluded), depth first. */
function stringsOf(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => stringsOf(v, out));
}

export interface Corpus {
  readonly texts: string[];
  /** JSONL lines that are not JSON, with where and why (reported, not used). */
  readonly skipped: string[];
}

/**
 * The texts of a corpus file: for `.jsonl`, every string field of every record (questions, answers,
 * completions, options, captions...); for `.json`, every string in it; otherwise the file's lines.
 * JSONL lines that do not parse are skipped and listed with their reason.
 */
export function readCorpus(file: string): Corpus {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the corpus file (${(error as NodeJS.ErrnoException).code})`);
  }
  const out: string[] = [];
  const skipped: string[] = [];
  if (file.endsWith('.jsonl')) {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        stringsOf(JSON.parse(line), out);
      } catch (error) {
        skipped.push(`${file}:${i + 1}: not a JSON record (${(error as Error).message})`);
      }
    });
  } else if (file.endsWith('.json')) {
    stringsOf(JSON.parse(text), out);
  } else {
    out.push(...text.split('\n').filter((line) => line.trim() !== ''));
  }
  return { texts: out, skipped };
}
