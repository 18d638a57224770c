import fs from 'node:fs';
import path from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';

/** Token ids of a text with the tokenizer's special tokens removed (what BMAS embeds). */
export interface BmasTokenizer {
  encodeWithoutSpecial(text: string): number[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the tokenizer file (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** Ids of the `added_tokens` marked `special: true`. */
function specialIdsOf(source: string, addedTokens: unknown[]): Set<number> {
  const ids = new Set<number>();
  addedTokens.forEach((token, i) => {
    if (!isObject(token) || !Number.isInteger(token.id) || typeof token.content !== 'string') {
      throw new Error(`${source}: added_tokens[${i}] is not {id, content, ...}`);
    }
    if (token.special === true) ids.add(token.id as number);
  });
  return ids;
}

/**
 * A Hugging Face `tokenizer.json` run by `@huggingface/tokenizers`, giving ids without special
 * tokens. `tokenizer_config.json` beside it (optional) is passed along as HF Transformers does.
 */
export class HfTokenizer implements BmasTokenizer {
  /** Ids of special added tokens; they are dropped from every encoding. */
  readonly specialIds: ReadonlySet<number>;
  private readonly tokenizer: Tokenizer;

  private constructor(
    readonly source: string,
    tokenizerJson: JsonObject,
    config: JsonObject,
  ) {
    const addedTokens = tokenizerJson.added_tokens ?? [];
    if (!Array.isArray(addedTokens)) throw new Error(`${source}: "added_tokens" must be a list`);
    this.specialIds = specialIdsOf(source, addedTokens);
    const model = tokenizerJson.model;
    if (!isObject(model)) throw new Error(`${source}: no "model" object; is this a Hugging Face tokenizer.json?`);
    // @huggingface/tokenizers has no WordLevel model: such a model falls to its legacy word model,
    // which takes the unknown token from the tokenizer config instead of the model. Pass it on.
    const withUnk = model.type === 'WordLevel' && config.unk_token === undefined ? { ...config, unk_token: model.unk_token } : config;
    try {
      this.tokenizer = new Tokenizer({ ...tokenizerJson, added_tokens: addedTokens }, withUnk);
    } catch (error) {
      throw new Error(`${source}: @huggingface/tokenizers cannot load it: ${(error as Error).message}`);
    }
  }

  /** Loads `tokenizer.json` (a file, or a folder holding one) and its `tokenizer_config.json`. */
  static fromFile(location: string): HfTokenizer {
    const file = fs.existsSync(location) && fs.statSync(location).isDirectory() ? path.join(location, 'tokenizer.json') : location;
    const json = readJson(file);
    if (!isObject(json)) throw new Error(`${file}: expected a JSON object`);
    const configFile = path.join(path.dirname(file), 'tokenizer_config.json');
    const config = fs.existsSync(configFile) ? readJson(configFile) : {};
    if (!isObject(config)) throw new Error(`${configFile}: expected a JSON object`);
    return new HfTokenizer(file, json, config);
  }

  /** From parsed JSON; `source` names it in errors. */
  static fromJson(tokenizerJson: unknown, config: unknown = {}, source = 'tokenizer.json'): HfTokenizer {
    if (!isObject(tokenizerJson)) throw new Error(`${source}: expected a JSON object`);
    if (!isObject(config)) throw new Error(`${source}: tokenizer config must be a JSON object`);
    return new HfTokenizer(source, tokenizerJson, config);
  }

  encodeWithoutSpecial(text: string): number[] {
    const { ids, tokens } = this.tokenizer.encode(text, { add_special_tokens: false });
    const kept: number[] = [];
    ids.forEach((id, i) => {
      if (id === undefined || id === null) {
        throw new Error(`${this.source}: token ${JSON.stringify(tokens[i])} has no id and the model has no unknown token`);
      }
      if (!this.specialIds.has(id)) kept.push(id);
    });
    return kept;
  }
}
