/**
 * The fast path of a price-ladder frame: one pass over the frame's text that recognises exactly the
 * form Liquid Tap (and the sandbox) sends,
 * `{"event":"updated","channel":"price_ladders_cash_btcjpy_sell","data":"[[\"976382.10000\",\"0.01000\"],…]"}`,
 * and slices the texts a live order book keeps. No JSON is parsed: the envelope is read member by
 * member, the ladder checked whole, every decimal included, by one sticky regular expression
 * (native, linear), and its texts found by their quotes.
 *
 * It recognises only what the general path (`parseFrame` → `decodeData` → `toLevelTexts`) reads
 * to the very same texts: the members `event`, `channel` and `data` once each, in any order, with
 * no whitespace; `event` and `channel` strings with no escape and no control character; `data` a
 * JSON string holding an array of `[price, quantity]` pairs of strings, each a plain decimal
 * (`-?digits(.digits)?`) of at most {@link MAX_WIRE_NUMBER_LENGTH} characters, with no whitespace
 * and no escape but the quotes'; and no more levels than `parseLossless` would read. Anything
 * else (a number, an exponent, an escape, a space, a fourth member, a third item in a level, an
 * over-long value) is left to the general path: {@link readLadderFrame} returns `undefined`, and
 * the general path accepts or refuses it as it always did. Zero quantities and the order of the
 * levels are the book's business, the same on both paths.
 * @module
 */
import { MAX_JSON_VALUES } from '../core/json.js';
import { MAX_WIRE_NUMBER_LENGTH } from '../core/wire-values.js';
import type { LevelTexts } from '../entities/levels.js';

/**
 * The most levels read here: `parseLossless` counts 3 values per level (the pair and its two
 * strings) and 1 for the ladder, and refuses a text of more than MAX_JSON_VALUES.
 */
export const MAX_FAST_LADDER_LEVELS = Math.floor((MAX_JSON_VALUES - 1) / 3);

const QUOTE = 34; // "
const BACKSLASH = 92; // \
const COMMA = 44; // ,
const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }

/** Not recognised: the general path reads the frame. */
const NO = -1;

/**
 * A channel message's data as the registry hands it on: the `data` member (still encoded), and a
 * ladder's checked texts when the frame reader recognised one (the fast path).
 */
export interface ChannelMessage {
  /** The raw `data` member: usually a JSON string still to decode with `decodeData`. */
  readonly data: unknown;
  /** The ladder's texts, when {@link readLadderFrame} read it; they equal `toLevelTexts(decodeData(data))`. */
  readonly ladder: LevelTexts | undefined;
}

/** A frame {@link readLadderFrame} recognised. */
export class LadderFrame implements ChannelMessage {
  readonly event: string;
  readonly channel: string;
  readonly ladder: LevelTexts;
  readonly #text: string;
  readonly #dataOpen: number;
  readonly #dataClose: number;

  constructor(text: string, event: string, channel: string, ladder: LevelTexts, dataOpen: number, dataClose: number) {
    this.#text = text;
    this.event = event;
    this.channel = channel;
    this.ladder = ladder;
    this.#dataOpen = dataOpen;
    this.#dataClose = dataClose;
  }

  /**
   * The `data` member as `parseFrame` gives it (a string), unescaped only when asked: by a
   * consumer that decodes the payload itself (`priceLadder`, `channel(name)`).
   */
  get data(): string {
    return JSON.parse(this.#text.slice(this.#dataOpen, this.#dataClose + 1)) as string;
  }
}

/**
 * The frame as a ladder message, or `undefined` when it is not exactly the form described in the
 * module notes (the caller then takes the general path).
 */
export function readLadderFrame(text: string): LadderFrame | undefined {
  if (text.charCodeAt(0) !== OPEN_BRACE) return undefined;
  let event: string | undefined;
  let channel: string | undefined;
  let ladder: LevelTexts | undefined;
  let dataOpen = NO;
  let dataClose = NO;
  let i = 1;
  for (let member = 0; member < 3; member++) {
    if (member > 0) {
      if (text.charCodeAt(i) !== COMMA) return undefined;
      i++;
    }
    if (text.startsWith('"event":"', i) && event === undefined) {
      const end = plainStringEnd(text, i + 9);
      if (end === NO) return undefined;
      event = text.slice(i + 9, end);
      i = end + 1;
    } else if (text.startsWith('"channel":"', i) && channel === undefined) {
      const end = plainStringEnd(text, i + 11);
      if (end === NO) return undefined;
      channel = text.slice(i + 11, end);
      i = end + 1;
    } else if (text.startsWith('"data":"', i) && ladder === undefined) {
      dataOpen = i + 7;
      const prices: string[] = [];
      const quantities: string[] = [];
      dataClose = scanLadder(text, dataOpen + 1, prices, quantities);
      if (dataClose === NO) return undefined;
      ladder = { prices, quantities };
      i = dataClose + 1;
    } else {
      return undefined;
    }
  }
  if (text.charCodeAt(i) !== CLOSE_BRACE || i !== text.length - 1) return undefined;
  // All three were read (each at most once, three members in all).
  return new LadderFrame(text, event as string, channel as string, ladder as LevelTexts, dataOpen, dataClose);
}

/**
 * The index of the quote closing a string whose content starts at `from`, when that content has
 * no escape and no control character (so it is its own value); else {@link NO}.
 */
function plainStringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i;
    if (c === BACKSLASH || c < 32) return NO;
  }
  return NO;
}

/**
 * The ladder inside the `data` string, from its `[` to the quote closing the string: pairs of
 * plain decimals (`-?digits(.digits)?`) each in escaped quotes, no whitespace, no other escape.
 * Sticky, so it is tried exactly where the string starts. Linear: at each step one token fits.
 */
const LADDER = /\[(?:\[\\"-?\d+(?:\.\d+)?\\",\\"-?\d+(?:\.\d+)?\\"\](?:,(?=\[)|(?=\])))*\]"/y;

/**
 * Reads the ladder `[[\"p\",\"q\"],…]` starting at `from` (inside the `data` string), pushing its
 * texts; returns the index of the quote closing the `data` string, or {@link NO}. One native
 * pass of {@link LADDER} checks the whole form; the texts are then found by their quotes.
 */
function scanLadder(text: string, from: number, prices: string[], quantities: string[]): number {
  LADDER.lastIndex = from;
  let fits: boolean;
  try {
    fits = LADDER.test(text);
  } catch {
    return NO; // a ladder too long for the regular expression engine's stack: the general path's
  }
  if (!fits) return NO;
  const close = LADDER.lastIndex - 1;
  // [[\"p\",\"q\"],[\"p\",\"q\"]]"  — from the first price, each level is
  // p \",\" q \"] then , [\" before the next price.
  let i = from + 4;
  let levels = 0;
  while (i < close) {
    if (++levels > MAX_FAST_LADDER_LEVELS) return NO; // parseLossless's limit error comes from the general path
    const priceEnd = text.indexOf('\\"', i);
    const quantityStart = priceEnd + 5;
    const quantityEnd = text.indexOf('\\"', quantityStart);
    if (priceEnd - i > MAX_WIRE_NUMBER_LENGTH || quantityEnd - quantityStart > MAX_WIRE_NUMBER_LENGTH) return NO;
    prices.push(text.slice(i, priceEnd));
    quantities.push(text.slice(quantityStart, quantityEnd));
    i = quantityEnd + 7;
  }
  return close;
}
