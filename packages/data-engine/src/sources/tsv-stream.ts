import { fileChunks } from './annotation-file';

/** One record of a TSV file. */
export interface TsvRecord {
  /** The line of the file where the record starts, from 1 (a quoted field may span lines). */
  readonly line: number;
  readonly fields: readonly string[];
  /** Where each field's text lies in the file: byte offsets [start, end), inside the quotes of a quoted field. */
  readonly spans: readonly (readonly [number, number])[];
  /** Why the record is malformed, when it is. */
  readonly error?: string;
}

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;

/** A growable byte buffer for the field being read. */
class ByteBuilder {
  private bytes = new Uint8Array(256);
  private length = 0;

  push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }

  take(): string {
    const text = Buffer.from(this.bytes.buffer, 0, this.length).toString('utf8');
    this.length = 0;
    if (this.bytes.length > 1 << 16) this.bytes = new Uint8Array(256);
    return text;
  }
}

/**
 * A push parser of tab-separated records as pandas `to_csv(sep='\t')` and Python's `csv` module
 * write them (the dialect VLMEvalKit's `dump` uses, with `quoting=csv.QUOTE_ALL`): a field that
 * starts with `"` is quoted, may hold tabs and line breaks, and writes a `"` inside as `""`; other
 * fields run to the next tab or line break. Records end at `\n` (a `\r` before it is dropped). Blank
 * lines are skipped, as pandas `read_csv` does by default.
 */
export class TsvParser {
  private state = State.FieldStart;
  private offset = 0;
  private line = 1;
  private recordLine = 1;
  private fields: string[] = [];
  private spans: (readonly [number, number])[] = [];
  private field = new ByteBuilder();
  private fieldStart = 0;
  private fieldEnd = 0;
  private fieldQuoted = false;
  private recordEmpty = true;
  private pendingReturn = false;
  private error: string | undefined;

  feed(chunk: Buffer): TsvRecord[] {
    const out: TsvRecord[] = [];
    for (let i = 0; i < chunk.length; i++) this.step(chunk[i], this.offset + i, out);
    this.offset += chunk.length;
    return out;
  }

  finish(): TsvRecord[] {
    const out: TsvRecord[] = [];
    if (this.state === State.Quoted) {
      this.error ??= `the file ends inside a quoted field that starts on line ${this.recordLine}`;
      this.fieldEnd = this.offset;
    }
    if (!this.recordEmpty || this.state !== State.FieldStart) this.endRecord(this.offset, out);
    return out;
  }

  private step(byte: number, at: number, out: TsvRecord[]): void {
    switch (this.state) {
      case State.FieldStart:
        this.fieldStart = at;
        this.fieldQuoted = byte === QUOTE;
        if (byte === QUOTE) {
          this.fieldStart = at + 1;
          this.state = State.Quoted;
          this.recordEmpty = false;
        } else this.stepUnquoted(byte, at, out);
        return;
      case State.Unquoted:
        this.stepUnquoted(byte, at, out);
        return;
      case State.Quoted:
        if (byte === QUOTE) {
          this.fieldEnd = at;
          this.state = State.QuoteInQuoted;
        } else {
          if (byte === NEWLINE) this.line += 1;
          this.field.push(byte);
        }
        return;
      case State.QuoteInQuoted:
        this.stepAfterQuote(byte, at, out);
        return;
    }
  }

  private stepUnquoted(byte: number, at: number, out: TsvRecord[]): void {
    if (byte === TAB) {
      this.fieldEnd = at;
      this.endField();
      this.recordEmpty = false;
    } else if (byte === NEWLINE) {
      this.endRecord(at, out);
    } else {
      this.field.push(byte);
      this.state = State.Unquoted;
      this.recordEmpty = false;
    }
  }

  private stepAfterQuote(byte: number, at: number, out: TsvRecord[]): void {
    if (byte === QUOTE && !this.pendingReturn) {
      // `""` inside a quoted field is one literal quote.
      this.field.push(QUOTE);
      this.state = State.Quoted;
    } else if (byte === TAB) {
      this.pendingReturn = false;
      this.endField();
    } else if (byte === NEWLINE) {
      this.pendingReturn = false;
      this.endRecord(at, out);
    } else if (byte === RETURN && !this.pendingReturn) {
      this.pendingReturn = true;
    } else {
      const found = JSON.stringify(String.fromCharCode(byte));
      this.error ??= `unexpected character ${found} after the closing quote of field ${this.fields.length + 1} on line ${this.line}`;
      if (this.pendingReturn) this.field.push(RETURN);
      this.pendingReturn = false;
      this.field.push(byte);
      this.fieldEnd = at + 1;
      this.state = State.Unquoted;
      this.fieldQuoted = false;
    }
  }

  private endField(): void {
    this.fields.push(this.field.take());
    this.spans.push([this.fieldStart, this.fieldEnd]);
    this.state = State.FieldStart;
  }

  private endRecord(at: number, out: TsvRecord[]): void {
    if (this.state === State.Unquoted || this.state === State.FieldStart) this.fieldEnd = at;
    const blank = this.recordEmpty && this.fields.length === 0;
    this.endField();
    const fields = this.fields;
    const spans = this.spans;
    // A `\r\n` line break leaves a `\r` at the end of an unquoted last field.
    const last = fields.length - 1;
    if (!this.fieldQuoted && fields[last].endsWith('\r')) {
      fields[last] = fields[last].slice(0, -1);
      spans[last] = [spans[last][0], spans[last][1] - 1];
    }
    const isBlankLine = blank || (fields.length === 1 && fields[0] === '' && !this.fieldQuoted);
    if (!isBlankLine || this.error) out.push({ line: this.recordLine, fields, spans, ...(this.error ? { error: this.error } : {}) });
    this.fields = [];
    this.spans = [];
    this.error = undefined;
    this.recordEmpty = true;
    this.fieldQuoted = false;
    this.line += 1;
    this.recordLine = this.line;
  }
}

/** The records of a TSV file, read as a stream: one record in memory at a time. */
export async function* tsvRecords(path: string): AsyncGenerator<TsvRecord> {
  const parser = new TsvParser();
  for await (const chunk of fileChunks(path)) yield* parser.feed(chunk);
  yield* parser.finish();
}
