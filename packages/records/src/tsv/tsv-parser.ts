// Records of a tab-separated file as pandas reads it (`pd.read_csv(path, sep='\t')`, the C parser
// with its defaults: quotechar '"', doublequote=True, skip_blank_lines=True), which is how
// VLMEvalKit loads benchmark TSVs (vlmeval/smp/file.py, `load`). It reads what
// `to_csv(sep='\t', quoting=csv.QUOTE_ALL)` (VLMEvalKit's `dump`) and the default QUOTE_MINIMAL
// write:
// - a field that starts with '"' is quoted: tabs and line breaks inside it are data, '""' is one '"';
//   after the closing quote, characters up to the next tab are appended (as pandas does), or, with
//   `textAfterClosingQuote: 'malformed'`, appended and the record marked malformed;
// - a '"' inside an unquoted field is an ordinary character;
// - records end at "\n", "\r\n" or "\r"; blank lines (nothing or only spaces) are skipped;
// - a UTF-8 byte-order mark at the start is dropped;
// - a quoted field still open at the end of the file is an error (pandas: "EOF inside string").
// The parser works on bytes, so it also gives each field's byte range in the file (a reader can
// come back for a large field, e.g. a base64 image, without keeping it).

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

export interface TsvParserOptions {
  /** Text between a closing quote and the next tab: appended silently (pandas, the default) or also reported. */
  readonly textAfterClosingQuote?: 'append' | 'malformed';
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
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

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

/** A push parser: feed the file's bytes in chunks of any size, take the records each completes. */
export class TsvParser {
  private readonly reportTextAfterQuote: boolean;
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
  private afterReturn = false;
  private quotedReturn = false;
  private markBytesSeen = 0;
  private error: string | undefined;

  constructor(options: TsvParserOptions = {}) {
    this.reportTextAfterQuote = options.textAfterClosingQuote === 'malformed';
  }

  feed(chunk: Uint8Array): TsvRecord[] {
    const out: TsvRecord[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const at = this.offset + i;
      if (this.skipByteOrderMark(chunk[i], at, out)) continue;
      this.step(chunk[i], at, out);
    }
    this.offset += chunk.length;
    return out;
  }

  finish(): TsvRecord[] {
    const out: TsvRecord[] = [];
    if (this.state === State.Quoted) {
      this.error ??= `a quoted field opened on line ${this.recordLine} is never closed (the file ends inside it)`;
      this.fieldEnd = this.offset;
    }
    if (this.fields.length > 0 || this.state !== State.FieldStart) this.endRecord(this.offset, out);
    return out;
  }

  /** Drops EF BB BF at the very start; bytes of a start that only looked like one are fed back. */
  private skipByteOrderMark(byte: number, at: number, out: TsvRecord[]): boolean {
    if (at >= BYTE_ORDER_MARK.length || this.markBytesSeen < at) return false;
    if (byte === BYTE_ORDER_MARK[at]) {
      this.markBytesSeen += 1;
      return true;
    }
    for (let k = 0; k < this.markBytesSeen; k++) this.step(BYTE_ORDER_MARK[k], k, out);
    this.markBytesSeen = -1;
    return false;
  }

  private step(byte: number, at: number, out: TsvRecord[]): void {
    if (this.afterReturn) {
      this.afterReturn = false;
      if (byte === NEWLINE) return;
    }
    switch (this.state) {
      case State.FieldStart:
        this.fieldStart = at;
        this.fieldQuoted = byte === QUOTE;
        if (byte === QUOTE) {
          this.fieldStart = at + 1;
          this.state = State.Quoted;
          this.quotedReturn = false;
        } else this.stepUnquoted(byte, at, out);
        return;
      case State.Unquoted:
        this.stepUnquoted(byte, at, out);
        return;
      case State.Quoted:
        if (byte === QUOTE) {
          this.fieldEnd = at;
          this.state = State.QuoteInQuoted;
          return;
        }
        if ((byte === NEWLINE && !this.quotedReturn) || byte === RETURN) this.line += 1;
        this.quotedReturn = byte === RETURN;
        this.field.push(byte);
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
    } else if (byte === NEWLINE || byte === RETURN) {
      this.endRecord(at, out);
      this.afterReturn = byte === RETURN;
    } else {
      this.field.push(byte);
      this.state = State.Unquoted;
    }
  }

  private stepAfterQuote(byte: number, at: number, out: TsvRecord[]): void {
    if (byte === QUOTE) {
      // `""` inside a quoted field is one literal quote.
      this.field.push(QUOTE);
      this.state = State.Quoted;
    } else if (byte === TAB) {
      this.endField();
    } else if (byte === NEWLINE || byte === RETURN) {
      this.endRecord(at, out);
      this.afterReturn = byte === RETURN;
    } else {
      if (this.reportTextAfterQuote) {
        const found = JSON.stringify(String.fromCharCode(byte));
        this.error ??= `unexpected character ${found} after the closing quote of field ${this.fields.length + 1} on line ${this.line}`;
      }
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
    if (this.state === State.FieldStart) this.fieldStart = at;
    if (this.state === State.FieldStart || this.state === State.Unquoted) this.fieldEnd = at;
    this.endField();
    const fields = this.fields;
    const blankLine = fields.length === 1 && !this.fieldQuoted && fields[0].trim() === '';
    if (!blankLine || this.error) out.push({ line: this.recordLine, fields, spans: this.spans, ...(this.error ? { error: this.error } : {}) });
    this.fields = [];
    this.spans = [];
    this.error = undefined;
    this.fieldQuoted = false;
    this.line += 1;
    this.recordLine = this.line;
  }
}

/** The records of a stream of file bytes (e.g. `createReadStream(path)`), one record in memory at a time. */
export async function* tsvRecordsOf(chunks: AsyncIterable<Uint8Array>, options: TsvParserOptions = {}): AsyncGenerator<TsvRecord> {
  const parser = new TsvParser(options);
  for await (const chunk of chunks) yield* parser.feed(chunk);
  yield* parser.finish();
}

/** The records of TSV text (tests, small files). */
export function tsvRecordsOfText(text: string, options: TsvParserOptions = {}): TsvRecord[] {
  const parser = new TsvParser(options);
  return [...parser.feed(Buffer.from(text, 'utf8')), ...parser.finish()];
}
