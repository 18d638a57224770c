import { fileChunks } from './annotation-file';

/**
 * Which elements of a JSON file to stream:
 * - `array`: the root is an array (LLaVA, ChartQA, A-OKVQA); its elements.
 * - `member`: the root is an object; the elements of its array member `key` (COCO's `images` and
 *   `annotations`, VQAv2's `questions` and `annotations`). Other members are skipped unparsed.
 * - `entries`: the root is an object of entries keyed by id (ScienceQA's `problems.json`); its members.
 */
export type JsonSelection =
  | { readonly kind: 'array' }
  | { readonly kind: 'member'; readonly key: string }
  | { readonly kind: 'entries' };

/** One selected element: its position, its key (`entries` only), and its value or why it does not parse. */
export type JsonElement =
  | { readonly index: number; readonly key: string | null; readonly value: unknown }
  | { readonly index: number; readonly key: string | null; readonly error: string };

export interface RawElement {
  readonly index: number;
  readonly key: string | null;
  readonly text: string;
}

enum State {
  Root,
  ObjectKey,
  Key,
  Colon,
  ObjectValue,
  ObjectAfter,
  ArrayItem,
  ArrayAfter,
  Value,
  Done,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
const isByteOrderMark = (byte: number, offset: number) =>
  (offset === 0 && byte === 0xef) || (offset === 1 && byte === 0xbb) || (offset === 2 && byte === 0xbf);
const shown = (byte: number) => JSON.stringify(String.fromCharCode(byte));

/**
 * A push scanner that finds the selected elements of a JSON text without parsing the rest: it
 * tracks only nesting depth and string state (RFC 8259: strings are the only place where brackets,
 * commas and quotes lose their meaning, and `\` escapes the next character), and hands each element's
 * bytes to `JSON.parse` on its own. Memory holds one element at a time. An element that does not
 * parse is reported with its index; a file whose structure around the elements is broken (or that
 * ends early) throws, naming the file and byte offset.
 */
export class JsonElementScanner {
  private state = State.Root;
  private offset = 0;
  private index = 0;
  private key: string | null = null;
  private keyParts: Buffer[] = [];
  private keyStart = 0;
  private foundMember = false;
  // The value being scanned.
  private valueKind: 'container' | 'string' | 'primitive' = 'primitive';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private collecting = false;
  private valueStart = 0;
  private parts: Buffer[] = [];
  private after = State.Done;

  constructor(
    private readonly path: string,
    private readonly selection: JsonSelection,
  ) {}

  get done(): boolean {
    return this.state === State.Done;
  }

  feed(chunk: Buffer): RawElement[] {
    const out: RawElement[] = [];
    let i = 0;
    while (i < chunk.length && this.state !== State.Done) {
      if (this.state === State.Value) i = this.scanValue(chunk, i, out);
      else if (this.step(chunk, i)) i += 1;
    }
    if (this.state === State.Value && this.collecting) this.parts.push(chunk.subarray(this.valueStart));
    if (this.state === State.Key) this.keyParts.push(chunk.subarray(this.keyStart));
    this.valueStart = 0;
    this.keyStart = 0;
    this.offset += chunk.length;
    return out;
  }

  finish(): RawElement[] {
    const out: RawElement[] = [];
    if (this.state === State.Value && this.valueKind === 'primitive' && !this.inString) this.endValue(Buffer.alloc(0), 0, out);
    if (this.state === State.Done) return out;
    if (this.state === State.Value && this.after === State.ArrayAfter) {
      throw new Error(`${this.path}: the file ends inside entry #${this.index} (byte ${this.offset}); it is truncated`);
    }
    throw new Error(`${this.path}: the file ends at byte ${this.offset} before its JSON ${this.expected()} closes`);
  }

  /** Handles one byte outside a value. */
  private step(chunk: Buffer, i: number): boolean {
    const byte = chunk[i];
    switch (this.state) {
      case State.Key:
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.endKey(chunk, i);
        return true;
      default:
        if (isSpace(byte) || (this.state === State.Root && isByteOrderMark(byte, this.offset + i))) return true;
        this.stepStructure(chunk, i);
        return true;
    }
  }

  private stepStructure(chunk: Buffer, i: number): void {
    const byte = chunk[i];
    const kind = this.selection.kind;
    switch (this.state) {
      case State.Root:
        if (kind === 'array' && byte === OPEN_BRACKET) this.state = State.ArrayItem;
        else if (kind !== 'array' && byte === OPEN_BRACE) this.state = State.ObjectKey;
        else this.fail(`a JSON ${this.expected()}`, byte, chunk, i);
        return;
      case State.ObjectKey:
        if (byte === QUOTE) {
          this.state = State.Key;
          this.keyStart = i + 1;
          this.keyParts = [];
        } else if (byte === CLOSE_BRACE) this.endObject();
        else this.fail('a member name in quotes or "}"', byte, chunk, i);
        return;
      case State.Colon:
        if (byte === COLON) this.state = State.ObjectValue;
        else this.fail('":"', byte, chunk, i);
        return;
      case State.ObjectValue:
        if (kind === 'member' && this.key === this.selection.key) {
          if (byte !== OPEN_BRACKET) this.fail(`an array as the value of "${this.key}"`, byte, chunk, i);
          this.foundMember = true;
          this.state = State.ArrayItem;
        } else this.startValue(chunk, i, kind === 'entries', State.ObjectAfter);
        return;
      case State.ObjectAfter:
        if (byte === COMMA) this.state = State.ObjectKey;
        else if (byte === CLOSE_BRACE) this.endObject();
        else this.fail('"," or "}" after a member', byte, chunk, i);
        return;
      case State.ArrayItem:
        if (byte === CLOSE_BRACKET) this.state = State.Done;
        else this.startValue(chunk, i, true, State.ArrayAfter);
        return;
      case State.ArrayAfter:
        if (byte === COMMA) this.state = State.ArrayItem;
        else if (byte === CLOSE_BRACKET) this.state = State.Done;
        else this.fail(`"," or "]" after entry #${this.index - 1}`, byte, chunk, i);
        return;
    }
  }

  private startValue(chunk: Buffer, i: number, collect: boolean, after: State): void {
    const byte = chunk[i];
    if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET || byte === COMMA || byte === COLON) {
      this.fail('a value', byte, chunk, i);
    }
    this.valueKind = byte === OPEN_BRACE || byte === OPEN_BRACKET ? 'container' : byte === QUOTE ? 'string' : 'primitive';
    this.depth = this.valueKind === 'container' ? 1 : 0;
    this.inString = this.valueKind === 'string';
    this.escaped = false;
    this.collecting = collect;
    this.valueStart = i;
    this.parts = [];
    this.after = after;
    this.state = State.Value;
  }

  /**
   * Scans the value being read from `from` to its end or the end of the chunk (a tight loop: this is
   * where nearly all bytes go); gives the index of the next byte to look at.
   */
  private scanValue(chunk: Buffer, from: number, out: RawElement[]): number {
    const kind = this.valueKind;
    let { depth, inString, escaped } = this;
    for (let i = from; i < chunk.length; i++) {
      const byte = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) {
          inString = false;
          if (kind === 'string') return this.endValue(chunk, i + 1, out);
        }
      } else if (kind === 'primitive') {
        if (byte === COMMA || byte === CLOSE_BRACKET || byte === CLOSE_BRACE || isSpace(byte)) return this.endValue(chunk, i, out);
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return this.endValue(chunk, i + 1, out);
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return chunk.length;
  }

  /** Ends the value at `end` (exclusive), emitting it when collected; gives `end`. */
  private endValue(chunk: Buffer, end: number, out: RawElement[]): number {
    if (this.collecting) {
      this.parts.push(chunk.subarray(this.valueStart, end));
      const text = Buffer.concat(this.parts).toString('utf8');
      out.push({ index: this.index, key: this.selection.kind === 'entries' ? this.key : null, text });
      this.index += 1;
      this.parts = [];
    }
    this.state = this.after;
    return end;
  }

  private endKey(chunk: Buffer, i: number): void {
    this.keyParts.push(chunk.subarray(this.keyStart, i));
    const raw = Buffer.concat(this.keyParts).toString('utf8');
    try {
      this.key = JSON.parse(`"${raw}"`) as string;
    } catch {
      throw new Error(`${this.path}: member name "${raw}" before byte ${this.offset + i} is not a valid JSON string`);
    }
    this.state = State.Colon;
  }

  private endObject(): void {
    if (this.selection.kind === 'member' && !this.foundMember) {
      throw new Error(`${this.path}: the JSON object has no "${this.selection.key}" member; expected ${this.expected()}`);
    }
    this.state = State.Done;
  }

  private expected(): string {
    const selection = this.selection;
    if (selection.kind === 'array') return 'array of entries';
    if (selection.kind === 'member') return `object with a "${selection.key}" array`;
    return 'object of entries keyed by id';
  }

  private fail(expected: string, byte: number, chunk: Buffer, i: number): never {
    const context = chunk.toString('utf8', Math.max(0, i - 20), Math.min(chunk.length, i + 20));
    throw new Error(
      `${this.path}: expected ${expected} at byte ${this.offset + i}, found ${shown(byte)} (near ${JSON.stringify(context)})`,
    );
  }
}

function parseElement(raw: RawElement): JsonElement {
  try {
    return { index: raw.index, key: raw.key, value: JSON.parse(raw.text) as unknown };
  } catch (error) {
    return { index: raw.index, key: raw.key, error: `not valid JSON (${(error as Error).message})` };
  }
}

/**
 * The selected elements of a JSON file, parsed one at a time as the file is read: the file is never
 * held whole in memory (VQAv2's and COCO's annotation files are hundreds of megabytes). Reading stops
 * once the selected container closes.
 */
export async function* jsonElements(path: string, selection: JsonSelection): AsyncGenerator<JsonElement> {
  const scanner = new JsonElementScanner(path, selection);
  for await (const chunk of fileChunks(path)) {
    for (const raw of scanner.feed(chunk)) yield parseElement(raw);
    if (scanner.done) return;
  }
  for (const raw of scanner.finish()) yield parseElement(raw);
}
