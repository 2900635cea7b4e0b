import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import { Execution } from '../../lib/entities/execution.js';
import { MyExecution } from '../../lib/entities/my-execution.js';
import { Order } from '../../lib/entities/order.js';
import { PriceLevel } from '../../lib/entities/price-level.js';
import { Product } from '../../lib/entities/product.js';
import { Trade } from '../../lib/entities/trade.js';
import { AccountUpdate, ExecutionDetail, RealtimeDecodeError, type QuoineRealtime } from '../../lib/realtime/index.js';
import type { Subscription } from '../../lib/realtime/subscription.js';
import { Clients, next, nextError } from './helpers/clients.js';
import { FakeTap } from './helpers/fake-tap.js';
import * as payloads from './helpers/payloads.js';

/** `value` is a Decimal whose exact text is `text`. */
function exact(value: unknown, text: string): void {
  expect(value).to.be.instanceOf(Decimal);
  expect((value as Decimal).toFixed()).to.equal(text);
}

describe('realtime: every helper decodes to the REST entities, exactly', () => {
  let tap: FakeTap;
  let client: QuoineRealtime;
  const clients = new Clients();

  before(async () => {
    tap = await FakeTap.start();
    client = clients.private(tap);
  });
  after(async () => {
    await clients.closeAll();
    await tap.close();
  });

  /** Subscribes, publishes each payload text on the channel, and returns what came out. */
  async function roundTrip<T>(sub: Subscription<T>, event: string, ...texts: string[]): Promise<T[]> {
    await sub.ready;
    for (const text of texts) expect(tap.publish(sub.channel, event, text)).to.equal(1);
    const out: T[] = [];
    for (const _ of texts) out.push(await next(sub));
    sub.close();
    return out;
  }

  it('productUpdates(pair, id) and productUpdates(product) → Product (strings, and numbers beyond double precision)', async () => {
    const [fromStrings, fromNumbers] = await roundTrip(
      client.productUpdates('BTCJPY', 5),
      'updated',
      payloads.productStrings,
      payloads.productNumbers,
    );
    expect(fromStrings).to.be.instanceOf(Product);
    expect(fromStrings?.id).to.equal(5);
    exact(fromStrings?.marketAsk, '976382');
    exact(fromStrings?.volume24h, '3502.71635215');
    exact(fromStrings?.exchangeRate, '0.009398151671149725');
    expect(fromStrings?.timestamp?.getTime()).to.equal(1594964590511);
    exact(fromNumbers?.marketAsk, '976382.123456789012345');
    exact(fromNumbers?.lastTradedPrice, '976382.1');
    exact(fromNumbers?.multiplierUp, '9');
    expect(fromNumbers?.disabled).to.equal(false);

    const product = fromStrings as Product;
    const sub = client.productUpdates(product);
    expect(sub.channel).to.equal('product_cash_btcjpy_5');
    sub.close();
  });

  it('priceLadder(pair, side) → PriceLevel[] snapshots in the order sent', async () => {
    const [strings, numbers] = await roundTrip(
      client.priceLadder('BTCJPY', 'sell'),
      'updated',
      payloads.ladderStrings,
      payloads.ladderNumbers,
    );
    expect(strings?.[0]).to.be.instanceOf(PriceLevel);
    expect(strings?.map((l) => [l.price.toFixed(), l.quantity.toFixed()])).to.deep.equal([
      ['976382.1', '0.01'],
      ['976390', '1.5'],
      ['976400.5', '0.000000012345678901234567'],
    ]);
    expect(numbers?.map((l) => [l.price.toFixed(), l.quantity.toFixed()])).to.deep.equal([
      ['976382.123456789012345', '0.5'],
      ['976390', '1.25'],
    ]);
  });

  it('executions(pair) → Execution, event created', async () => {
    const [strings, numbers] = await roundTrip(
      client.executions('BTCJPY'),
      'created',
      payloads.executionStrings,
      payloads.executionNumbers,
    );
    expect(strings).to.be.instanceOf(Execution);
    exact(strings?.price, '409.78');
    exact(strings?.quantity, '6.118954');
    expect(strings?.takerSide).to.equal('sell');
    expect(strings?.createdAt.getTime()).to.equal(1457370745000);
    expect(strings?.timestamp).to.equal(null);
    expect(numbers?.id).to.equal(2914273999);
    exact(numbers?.price, '976382.123456789012345');
    exact(numbers?.quantity, '0.000000012345678901234567');
  });

  it('executions also accepts the old "updated" event name', async () => {
    const [e] = await roundTrip(client.executions('ETHJPY'), 'updated', payloads.executionStrings);
    expect(e?.id).to.equal(1011880);
  });

  it('executionDetails(pair) → ExecutionDetail with both order ids (number or numeric string)', async () => {
    const [d] = await roundTrip(client.executionDetails('BTCJPY'), 'created', payloads.executionDetail);
    expect(d).to.be.instanceOf(ExecutionDetail);
    expect(d).to.be.instanceOf(Execution);
    expect(d?.buyOrderId).to.equal(2914273073);
    expect(d?.sellOrderId).to.equal(2914273001);
    exact(d?.price, '976382.1');
    exact(d?.quantity, '0.0015');
    expect(d?.timestamp?.getTime()).to.equal(1594964591000);
  });

  it('myOrders(ccy) → Order (the documented numeric sample with product_id "27", and strings)', async () => {
    const sub = client.myOrders('JPY');
    expect(sub.channel).to.equal('user_account_jpy_orders');
    const [numbers, strings] = await roundTrip(sub, 'updated', payloads.orderNumbers, payloads.orderStrings);
    expect(numbers).to.be.instanceOf(Order);
    expect(numbers?.productId).to.equal(27);
    exact(numbers?.price, '200');
    exact(numbers?.quantity, '0.01');
    exact(numbers?.orderFee, '0');
    expect(numbers?.sourceExchange).to.equal('QUOINE');
    exact(strings?.price, '976382.123456789012345');
    exact(strings?.quantity, '0.000000012345678901234567');
    expect(strings?.status).to.equal('partially_filled');
  });

  it('myTrades(ccy) → Trade', async () => {
    const [t] = await roundTrip(client.myTrades('USD'), 'updated', payloads.tradeMixed);
    expect(t).to.be.instanceOf(Trade);
    expect(t?.id).to.equal(57896);
    exact(t?.marginUsed, '18.301');
    exact(t?.openPrice, '9150.5');
    exact(t?.pnl, '0.305');
  });

  it('myExecutions(pair) → MyExecution, event created', async () => {
    const sub = client.myExecutions('BTCJPY');
    expect(sub.channel).to.equal('user_executions_cash_btcjpy');
    const [e] = await roundTrip(sub, 'created', payloads.myExecution);
    expect(e).to.be.instanceOf(MyExecution);
    expect(e?.mySide).to.equal('sell');
    expect(e?.orderId).to.equal(2914273073);
    expect(e?.clientOrderId).to.equal('bot-1');
    exact(e?.price, '976382.123456789012345');
  });

  it('accountUpdates(ccy) → AccountUpdate; the currency comes from the channel when absent', async () => {
    const sub = client.accountUpdates('JPY');
    expect(sub.channel).to.equal('user_account_jpy');
    const [full, minimal] = await roundTrip(sub, 'updated', payloads.accountFull, payloads.accountMinimal);
    expect(full).to.be.instanceOf(AccountUpdate);
    expect(full?.currency).to.equal('JPY');
    exact(full?.balance, '1234567.12345678901234567');
    exact(full?.freeBalance, '1000.5');
    exact(full?.reservedBalance, '1233566.62345678901234567');
    expect(full?.updatedAt?.getTime()).to.equal(1594964590000);
    expect(minimal?.currency).to.equal('JPY');
    exact(minimal?.balance, '0.000000012345678901234567');
    expect(minimal?.freeBalance).to.equal(null);
  });

  it('channel(name) gives the lossless payload (numbers as their text)', async () => {
    const [raw] = await roundTrip(
      client.channel('price_ladders_cash_btcjpy'),
      'updated',
      '{"buy":[[976382.123456789012345,"1"]]}',
    );
    expect(raw).to.deep.equal({ buy: [['976382.123456789012345', '1']] });
  });

  it('a payload that does not fit its entity ends the subscription with RealtimeDecodeError naming the field', async () => {
    const sub = client.executions('XRPJPY');
    await sub.ready;
    tap.publish(sub.channel, 'created', '{"id":1,"quantity":"abc","price":"1","taker_side":"buy","created_at":1}');
    const error = await nextError(sub);
    expect(error).to.be.instanceOf(RealtimeDecodeError);
    expect((error as Error).message).to.match(/executions_cash_xrpjpy: created: quantity/);
    expect(sub.closed).to.equal(true);
    await tap.waitFor(
      () => tap.framesOf('pusher:unsubscribe').some((f) => (f.data as { channel: string }).channel === sub.channel),
      'unsubscribe',
    );
  });

  it('data that is not JSON ends the subscription with RealtimeDecodeError', async () => {
    const sub = client.priceLadder('XRPJPY', 'buy');
    await sub.ready;
    tap.publish(sub.channel, 'updated', '[[1,2],');
    expect(await nextError(sub)).to.be.instanceOf(RealtimeDecodeError);
  });
});
