/**
 * Every entity field meets a real value in the fixtures. A field that is `null` in every fixture
 * is read by a converter no fixture ever exercised: that is how `Currency.stableCurrency` (a
 * currency code read as a boolean) hid until a sandbox call hit it. Fields whose value no source
 * ever captured are listed here with that reason; everything else must appear non-null somewhere.
 */
import { expect } from 'chai';
import { parseLossless } from '../../lib/core/json.js';
import { ERAS, fixture } from '../helpers/fixtures.js';
import { KNOWN_VALUES } from '../helpers/known-values.js';
import { droppedWireFields, isEntity } from '../helpers/wire-coverage.js';
import { CASES, entitiesOf, load } from './cases.js';

/**
 * `Class.field` never captured with a value (quoine-api.md gives only null or nothing). Their
 * types are the reference's best guess; the sandbox spec (spec/integration/read-methods.spec.ts)
 * reads whatever the sandbox sends for them.
 */
const NEVER_CAPTURED: Readonly<Record<string, string>> = {
  'CryptoWithdrawal.paymentId': 'XRP only; every capture is a BTC withdrawal (null)',
  'CryptoWithdrawalAddress.memoType': 'XLM only; null in the docs sample',
  'CryptoWithdrawalAddress.memoValue': 'XLM only; null in the docs sample',
  'CryptoWithdrawalAddress.network': 'null in the docs sample',
  'CryptoWithdrawalAddress.recipientName': 'null in the docs sample',
  'CryptoWithdrawalAddress.cryptoExchange': 'null in the docs sample',
  'Currency.maximumOrderTakerQuantity': 'null in the only capture (§7.1)',
  'Fee.chargeBaseCurrency': 'null in the docs example (a percentage rule)',
  'FiatAccount.sendToBtcAddress': 'null in every capture (§7.4)',
  'Order.cryptoAccountId': 'null in every capture (§7.2)',
  'Order.marginType': "the fixtures' orders are spot; spec/integration/read-methods.spec.ts reads a margin order",
  'Order.stopLoss': "the fixtures' orders are spot; spec/integration/read-methods.spec.ts reads a margin order",
  'Order.takeProfit': "the fixtures' orders are spot; spec/integration/read-methods.spec.ts reads a margin order",
  'Order.tradeId': "the fixtures' orders are spot; spec/integration/read-methods.spec.ts reads a margin order",
  'Order.unwoundTradeId': 'set on an order that unwinds a trade; never captured with a value (§7.2)',
  'Order.unwoundTradeLeverageLevel': 'null in every capture (§7.2)',
  'Order.settings': 'null in every capture (§7.2)',
  'Order.stopTriggeredTime': 'null in every capture: no stop order was captured (§7.2)',
  'Order.trailingStopType': 'null in every capture: no trailing stop was captured (§7.2)',
  'Order.trailingStopValue': 'null in every capture: no trailing stop was captured (§7.2)',
  'Product.btcMinimumWithdraw': 'null in every capture (§7.1)',
  'Trade.lastSettlementAt': 'perpetual positions only; never captured with a value (§7.7)',
  'Transaction.execution': 'the row set comes from a DTO, not a capture (§7.8)',
  'Transaction.actionId': 'null in the only capture of the field (§7.8)',
  'Transaction.transactionHash': 'crypto transfers only; null in the lending capture (§7.8)',
};

/** `Class.field` → whether some instance holds a non-null value. */
function fieldUse(): Map<string, boolean> {
  const use = new Map<string, boolean>();
  const visit = (entity: object): void => {
    for (const [key, value] of Object.entries(entity)) {
      const id = `${entity.constructor.name}.${key}`;
      use.set(id, (use.get(id) ?? false) || (value !== null && value !== undefined));
      const nested = Array.isArray(value) ? value : [value];
      for (const item of nested) if (isEntity(item)) visit(item);
    }
  };
  for (const era of ERAS) for (const c of CASES) load(era, c).forEach(visit);
  return use;
}

describe('fixture coverage of entity fields', () => {
  it('gives every entity field a non-null value in some fixture, or names why none was captured', () => {
    const never = [...fieldUse()]
      .filter(([, used]) => !used)
      .map(([id]) => id)
      .sort();
    expect(never).to.deep.equal(Object.keys(NEVER_CAPTURED).sort());
  });
});

describe('fixture fields the entities read', () => {
  for (const era of ERAS) {
    it(`${era}: every field of every fixture body reaches an entity field of the same name`, () => {
      const dropped = CASES.flatMap((c) =>
        droppedWireFields(entitiesOf(parseLossless(fixture(era, c.name)), c.shape), load(era, c)),
      );
      expect([...new Set(dropped)].sort()).to.deep.equal([]);
    });
  }
});

describe('enumerated values in the fixtures', () => {
  it('hold only values the SDK knows, in both eras', () => {
    const unknown: string[] = [];
    const visit = (entity: object): void => {
      for (const [key, value] of Object.entries(entity)) {
        const known = KNOWN_VALUES[entity.constructor.name]?.[key];
        if (known !== undefined && value !== null && !known.includes(value))
          unknown.push(`${entity.constructor.name}.${key} = ${String(value)}`);
        for (const item of Array.isArray(value) ? value : [value]) if (isEntity(item)) visit(item);
      }
    };
    for (const era of ERAS) for (const c of CASES) load(era, c).forEach(visit);
    expect(unknown).to.deep.equal([]);
  });
});
