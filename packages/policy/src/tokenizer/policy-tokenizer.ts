import fs from 'node:fs';
import path from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * A Hugging Face `tokenizer.json` run by @huggingface/tokenizers, as the policy uses it: text to ids
 * (added tokens such as <|im_start|> and <|image_pad|> recognised in the text, no tokens added
 * around it: Qwen adds none), ids to text, and token lookups.
 */
export class PolicyTokenizer {
  /** Ids of added tokens marked special (dropped when decoding with skipSpecialTokens). */
  readonly specialIds: ReadonlySet<number>;
  /** Number of ids: the model's vocabulary plus added tokens. */
  readonly size: number;
  private readonly cleanUpSpaces: boolean;
  private readonly tokenizer: Tokenizer;

  private constructor(
    readonly source: string,
    json: JsonObject,
    config: JsonObject,
  ) {
    const added = json.added_tokens ?? [];
    if (!Array.isArray(added)) throw new Error(`${source}: "added_tokens" must be a list`);
    if (!isObject(json.model)) throw new Error(`${source}: no "model" object; is this a Hugging Face tokenizer.json?`);
    const special = new Set<number>();
    added.forEach((token, i) => {
      if (!isObject(token) || !Number.isInteger(token.id) || typeof token.content !== 'string') throw new Error(`${source}: added_tokens[${i}] is not {id, content, ...}`);
      if (token.special === true) special.add(token.id as number);
    });
    this.specialIds = special;
    this.cleanUpSpaces = config.clean_up_tokenization_spaces === true;
    try {
      this.tokenizer = new Tokenizer(json, config);
    } catch (error) {
      throw new Error(`${source}: @huggingface/tokenizers cannot load it: ${(error as Error).message}`);
    }
    let largest = -1;
    for (const id of this.tokenizer.get_vocab(true).values()) largest = Math.max(largest, id);
    this.size = largest + 1;
  }

  /** Loads `tokenizer.json` (a file, or a folder holding one) and the tokenizer_config.json beside it, if any. */
  static fromFile(location: string): PolicyTokenizer {
    const file = fs.existsSync(location) && fs.statSync(location).isDirectory() ? path.join(location, 'tokenizer.json') : location;
    const json = readJson(file, 'tokenizer');
    if (!isObject(json)) throw new Error(`${file}: expected a JSON object`);
    const configFile = path.join(path.dirname(file), 'tokenizer_config.json');
    const config = fs.existsSync(configFile) ? readJson(configFile, 'tokenizer config') : {};
    if (!isObject(config)) throw new Error(`${configFile}: expected a JSON object`);
    return new PolicyTokenizer(file, json, config);
  }

  static fromJson(json: unknown, config: unknown = {}, source = 'tokenizer.json'): PolicyTokenizer {
    if (!isObject(json)) throw new Error(`${source}: expected a JSON object`);
    if (!isObject(config)) throw new Error(`${source}: the tokenizer config must be a JSON object`);
    return new PolicyTokenizer(source, json, config);
  }

  encode(text: string): number[] {
    const { ids, tokens } = this.tokenizer.encode(text, { add_special_tokens: false });
    ids.forEach((id, i) => {
      if (id === undefined || id === null) throw new Error(`${this.source}: token ${JSON.stringify(tokens[i])} has no id and the model has no unknown token`);
    });
    return ids;
  }

  /**
   * Text of `ids`. Spaces are never "cleaned up" around punctuation unless tokenizer_config.json
   * asks for it (a byte-level BPE decodes exactly; the library's default would change the text).
   */
  decode(ids: readonly number[], options: { skipSpecialTokens?: boolean } = {}): string {
    if (ids.length === 0) return '';
    return this.tokenizer.decode([...ids], { skip_special_tokens: options.skipSpecialTokens ?? false, clean_up_tokenization_spaces: this.cleanUpSpaces });
  }

  /** The id of a token (an added token such as "<|im_end|>", or a vocabulary entry); an error names it when absent. */
  tokenId(token: string): number {
    const id = this.tokenizer.token_to_id(token);
    if (id === undefined) throw new Error(`${this.source}: no token ${JSON.stringify(token)} in the vocabulary`);
    return id;
  }

  hasToken(token: string): boolean {
    return this.tokenizer.token_to_id(token) !== undefined;
  }
}
