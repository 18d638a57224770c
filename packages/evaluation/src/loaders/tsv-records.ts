import { createReadStream } from 'node:fs';

// Records of a tab-separated file as pandas reads it (`pd.read_csv(path, sep='\t')`, the C parser
// with its defaults: quotechar '"', doublequote=True, skip_blank_lines=True), which is how
// VLMEvalKit loads benchmark TSVs (vlmeval/smp/file.py, `load`). It reads what
// `to_csv(sep='\t', quoting=csv.QUOTE_ALL)` (VLMEvalKit's `dump`) and the default
// QUOTE_MINIMAL write:
// - a field that starts with '"' is quoted: tabs and line breaks inside it are data, '""' is one '"';
//   after the closing quote, characters up to the next tab are appended (as pandas does);
// - a '"' inside an unquoted field is an ordinary character;
// - records end at "\n", "\r\n" or "\r"; blank lines (nothing or only spaces) are skipped;
// - a quoted field still open at the end of the file is an error (pandas: "EOF inside string").

/** One record: its fields, the line it starts on (1-based), and an error when it could not be read. */
export interface TsvRecord {
  readonly fields: string[];
  readonly line: number;
  readonly error: string | null;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** An incremental TSV tokenizer: feed text chunks, take complete records. */
export class TsvTokenizer {
  private fields: string[] = [];
  private parts: string[] = [];
  private state = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private afterCr = false;
  private quotedCr = false;

  /** The records completed by `chunk`. */
  push(chunk: string): TsvRecord[] {
    const records: TsvRecord[] = [];
    let runStart = -1;
    const flushRun = (end: number) => {
      if (runStart >= 0) {
        this.parts.push(chunk.slice(runStart, end));
        runStart = -1;
      }
    };
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (code === LF) continue;
      }
      switch (this.state) {
        case State.FieldStart:
          if (code === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            this.quotedCr = false;
          } else if (code === TAB) {
            this.endField();
          } else if (code === LF || code === CR) {
            this.endLine(code, records, this.fields.length === 0);
          } else {
            this.state = State.Unquoted;
            runStart = i;
          }
          break;
        case State.Unquoted:
          if (code === TAB) {
            flushRun(i);
            this.endField();
          } else if (code === LF || code === CR) {
            flushRun(i);
            this.endLine(code, records, this.fields.length === 0 && this.parts.join('').trim() === '');
          } else if (runStart < 0) runStart = i;
          break;
        case State.Quoted:
          if (code === QUOTE) {
            flushRun(i);
            this.state = State.QuoteInQuoted;
          } else {
            if ((code === LF && !this.quotedCr) || code === CR) this.line++;
            this.quotedCr = code === CR;
            if (runStart < 0) runStart = i;
          }
          break;
        case State.QuoteInQuoted:
          if (code === QUOTE) {
            this.parts.push('"');
            this.state = State.Quoted;
          } else if (code === TAB) {
            this.endField();
          } else if (code === LF || code === CR) {
            this.endLine(code, records, false);
          } else {
            this.state = State.Unquoted;
            runStart = i;
          }
          break;
      }
    }
    flushRun(chunk.length);
    return records;
  }

  /** The last record, when the text does not end with a line break; an error for an open quote. */
  end(): TsvRecord[] {
    if (this.state === State.Quoted) {
      const record = { fields: [...this.fields, this.parts.join('')], line: this.recordLine, error: `a quoted field opened on line ${this.quoteLine} is never closed (the file ends inside it)` };
      this.reset();
      return [record];
    }
    const blankLine = this.fields.length === 0 && (this.state === State.FieldStart || (this.state === State.Unquoted && this.parts.join('').trim() === ''));
    if (blankLine) return [];
    this.endField();
    const record = { fields: this.fields, line: this.recordLine, error: null };
    this.reset();
    return [record];
  }

  private endField(): void {
    this.fields.push(this.parts.join(''));
    this.parts = [];
    this.state = State.FieldStart;
  }

  /** Ends a record at a line break; `blank`: the line held nothing but spaces (pandas skips it). */
  private endLine(code: number, records: TsvRecord[], blank: boolean): void {
    if (!blank) {
      this.endField();
      records.push({ fields: this.fields, line: this.recordLine, error: null });
    }
    this.fields = [];
    this.parts = [];
    this.state = State.FieldStart;
    this.afterCr = code === CR;
    this.line++;
    this.recordLine = this.line;
  }

  private reset(): void {
    this.fields = [];
    this.parts = [];
    this.state = State.FieldStart;
  }
}

/** The records of a TSV file, streamed (UTF-8; a byte-order mark at the start is dropped). */
export async function* tsvRecords(path: string): AsyncGenerator<TsvRecord> {
  const tokenizer = new TsvTokenizer();
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let text = chunk as string;
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    yield* tokenizer.push(text);
  }
  yield* tokenizer.end();
}

/** The records of TSV text (tests, small files). */
export function tsvRecordsOfText(text: string): TsvRecord[] {
  const tokenizer = new TsvTokenizer();
  return [...tokenizer.push(text), ...tokenizer.end()];
}
