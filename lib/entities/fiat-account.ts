import type { Decimal } from 'decimal.js';
import { DecimalField, TextField } from '../core/fields.js';
import { CurrencyAccount } from './currency-account.js';

const optional = { nullable: true } as const;

/**
 * A fiat account.
 * @group Entities
 * @hideconstructor
 */
export class FiatAccount extends CurrencyAccount {
  /** Exchange rate to USD. */
  @DecimalField('exchange_rate', optional) exchangeRate!: Decimal | null;
  /** Margin in use. */
  @DecimalField('margin', optional) margin!: Decimal | null;
  /** Free margin. */
  @DecimalField('free_margin', optional) freeMargin!: Decimal | null;
  /** Address for BTC sends, when set. */
  @TextField('send_to_btc_address', optional) sendToBtcAddress!: string | null;
}
