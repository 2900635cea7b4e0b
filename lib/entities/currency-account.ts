import type { Decimal } from 'decimal.js';
import { DecimalField, IntField, TextField } from '../core/fields.js';
import type { CurrencyType, OrUnknown } from '../constants.js';

const optional = { nullable: true } as const;

/**
 * Fields shared by fiat and crypto accounts.
 * @group Entities
 * @hideconstructor
 */
export abstract class CurrencyAccount {
  /** Account id. */
  @IntField('id') id!: number;
  /** Currency, e.g. `USD` or `BTC`. */
  @TextField('currency') currency!: string;
  /** Currency symbol. */
  @TextField('currency_symbol', optional) currencySymbol!: string | null;
  /** `fiat` or `crypto`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('currency_type', optional) currencyType!: OrUnknown<CurrencyType> | null;
  /** Total balance. */
  @DecimalField('balance') balance!: Decimal;
  /** Reserved balance (Liquid era). */
  @DecimalField('reserved_balance', optional) reservedBalance!: Decimal | null;
  /** Realtime channel of this account. */
  @TextField('pusher_channel', optional) pusherChannel!: string | null;
  /** Lowest lending offer rate. */
  @DecimalField('lowest_offer_interest_rate', optional) lowestOfferInterestRate!: Decimal | null;
  /** Highest lending offer rate. */
  @DecimalField('highest_offer_interest_rate', optional) highestOfferInterestRate!: Decimal | null;
}
