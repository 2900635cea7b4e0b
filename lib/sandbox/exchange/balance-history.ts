/**
 * One user's balance history, oldest first, in columns (like the execution tape): id and source
 * object id as uint32s, time as an index into the list of its distinct times (the changes of one
 * mutation share one), amount and balance after as scaled integers ({@link DecimalColumn}),
 * currency, source action and source object type as indexes into small shared tables. About 34
 * bytes an entry and no heap object per entry; records are built only for the rows asked for.
 * @module
 */
import { DecimalColumn } from './decimal-column.js';
import type { BalanceHistoryRecord, SourceAction } from './records.js';
import { StringTable, uint32Id } from './string-table.js';

const FIRST_CAPACITY = 8;

/** Strings by index, shared by every user's history (few distinct currencies, actions, types). */
const CURRENCIES = new StringTable<string>(2 ** 16);
const ACTIONS = new StringTable<SourceAction>(2 ** 8);
const OBJECT_TYPES = new StringTable<string>(2 ** 8);

/** What one balance change records besides its amount and the balance after it. */
export interface HistoryEntry {
  readonly id: number;
  readonly currency: string;
  readonly sourceAction: SourceAction;
  readonly sourceObjectType: string;
  readonly sourceObjectId: number;
  readonly timestamp: number;
}

export class BalanceHistory {
  readonly userId: number;
  #length = 0;
  #capacity = FIRST_CAPACITY;
  #ids = new Uint32Array(FIRST_CAPACITY);
  /** Per entry, the index of its time in {@link #times} (the changes of one mutation share theirs). */
  #timeIndexes = new Uint32Array(FIRST_CAPACITY);
  readonly #times: number[] = [];
  #objectIds = new Uint32Array(FIRST_CAPACITY);
  #currencies = new Uint16Array(FIRST_CAPACITY);
  #actions = new Uint8Array(FIRST_CAPACITY);
  #objectTypes = new Uint8Array(FIRST_CAPACITY);
  readonly #amounts = new DecimalColumn(FIRST_CAPACITY);
  readonly #balances = new DecimalColumn(FIRST_CAPACITY);

  constructor(userId: number) {
    this.userId = userId;
  }

  get length(): number {
    return this.#length;
  }

  /**
   * Appends a change: the entry's fields one by one (no entry object per change), and the amount
   * and the balance after it as scaled integers (units.ts).
   */
  appendUnits(
    id: number,
    currency: string,
    sourceAction: SourceAction,
    sourceObjectType: string,
    sourceObjectId: number,
    timestamp: number,
    amount: bigint,
    amountScale: number,
    balance: bigint,
    balanceScale: number,
  ): void {
    if (this.#length === this.#capacity) this.#grow();
    const row = this.#length;
    this.#ids[row] = uint32Id(id);
    if (this.#times.at(-1) !== timestamp) this.#times.push(timestamp);
    this.#timeIndexes[row] = this.#times.length - 1;
    this.#objectIds[row] = uint32Id(sourceObjectId);
    this.#currencies[row] = CURRENCIES.indexOf(currency);
    this.#actions[row] = ACTIONS.indexOf(sourceAction);
    this.#objectTypes[row] = OBJECT_TYPES.indexOf(sourceObjectType);
    this.#amounts.setUnits(row, amount, amountScale);
    this.#balances.setUnits(row, balance, balanceScale);
    this.#length = row + 1;
  }

  /** Row `row` (0 = oldest) without its money: what filters read. */
  entry(row: number): HistoryEntry {
    return {
      id: this.#ids[row] as number,
      currency: CURRENCIES.at(this.#currencies[row] as number),
      sourceAction: ACTIONS.at(this.#actions[row] as number),
      sourceObjectType: OBJECT_TYPES.at(this.#objectTypes[row] as number),
      sourceObjectId: this.#objectIds[row] as number,
      timestamp: this.#times[this.#timeIndexes[row] as number] as number,
    };
  }

  /** A fresh record of row `row` (0 = oldest). */
  at(row: number): BalanceHistoryRecord {
    return {
      id: this.#ids[row] as number,
      userId: this.userId,
      currency: CURRENCIES.at(this.#currencies[row] as number),
      amount: this.#amounts.get(row),
      sourceAction: ACTIONS.at(this.#actions[row] as number),
      sourceObjectType: OBJECT_TYPES.at(this.#objectTypes[row] as number),
      sourceObjectId: this.#objectIds[row] as number,
      timestamp: this.#times[this.#timeIndexes[row] as number] as number,
      balance: this.#balances.get(row),
    };
  }

  #grow(): void {
    const capacity = this.#capacity * 2;
    this.#ids = grown(this.#ids, new Uint32Array(capacity));
    this.#timeIndexes = grown(this.#timeIndexes, new Uint32Array(capacity));
    this.#objectIds = grown(this.#objectIds, new Uint32Array(capacity));
    this.#currencies = grown(this.#currencies, new Uint16Array(capacity));
    this.#actions = grown(this.#actions, new Uint8Array(capacity));
    this.#objectTypes = grown(this.#objectTypes, new Uint8Array(capacity));
    this.#amounts.grow(capacity);
    this.#balances.grow(capacity);
    this.#capacity = capacity;
  }
}

/** `into` with `from`'s values at its start. */
function grown<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
