/**
 * The guided tour of `quoine demo`, against a sandbox started in the same process. Imported only
 * when the command runs (commands/demo.ts declares the command and its options).
 */
import type { Decimal } from 'decimal.js';
import { Quoine } from '../client.js';
import { QDecimal } from '../core/decimal.js';
import type { Order } from '../entities/order.js';
import type { Product } from '../entities/product.js';
import { LiveOrderBook } from '../realtime/live-order-book.js';
import type { Sandbox } from '../sandbox/index.js';
import { renderTable } from './output.js';
import { bold, cyan } from './style.js';
import { bookTable } from './commands/book.js';
import { ordersTable } from './commands/orders.js';

const PRODUCT_ID = 5; // BTCJPY

/** Prints a step's title and the one line of SDK code that does it. */
function step(title: string, code: string): void {
  process.stdout.write(`\n${bold(title)}\n  ${cyan(`› ${code}`)}\n`);
}

/** Waits (bounded) until the market maker has quoted both sides of the product's book. */
async function waitForMarket(client: Quoine, productId: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const book = await client.products.orderBook(productId);
    if (book.buyPriceLevels.length > 0 && book.sellPriceLevels.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the sandbox market maker did not quote BTCJPY within 10 s');
}

/** A price `fraction` below `price`, rounded down to the product's tick. */
function below(product: Product, price: Decimal, fraction: string): Decimal {
  const tick = product.tickSize ?? new QDecimal(1);
  return price.times(new QDecimal(1).minus(fraction)).div(tick).floor().times(tick);
}

/** What an order's fills cost: Σ price × quantity over its executions (exact). */
function notional(order: Order): Decimal {
  return (order.executions ?? []).reduce((sum, e) => sum.plus(e.price.times(e.quantity)), new QDecimal(0));
}

/** Live trades and a live order book from the realtime feed, for `seconds`. */
async function watchLive(client: Quoine, seconds: number): Promise<void> {
  const trades = client.realtime.executions('btcjpy');
  const book = new LiveOrderBook(client.realtime, { pair: 'btcjpy', productId: PRODUCT_ID, rest: client.products });
  await book.start();
  await trades.ready;
  const top = (): string =>
    `best bid ${book.bestBid?.price.toFixed() ?? '–'} × ${book.bestBid?.quantity.toFixed() ?? '–'}, best ask ${book.bestAsk?.price.toFixed() ?? '–'} × ${book.bestAsk?.quantity.toFixed() ?? '–'}${book.stale ? ' (stale)' : ''}`;
  let shown = top();
  console.log(`  book:  ${shown}`);
  trades.on('data', (e) =>
    console.log(`  trade ${e.id}: ${e.takerSide} ${e.quantity.toFixed()} BTC at ${e.price.toFixed()} JPY`),
  );
  book.on('change', () => {
    if (top() === shown) return;
    shown = top();
    console.log(`  book:  ${shown}`);
  });
  // The market maker trades every few seconds; one market order of ours makes sure there is something to see.
  const kick = setTimeout(() => void client.orders.marketSell(PRODUCT_ID, '0.005').catch(() => undefined), 500);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearTimeout(kick);
  trades.close();
  book.close();
}

/** The guided tour, against a sandbox started in this process. */
export async function runTour(sandbox: Sandbox, liveSeconds = 5): Promise<void> {
  const client = new Quoine({ baseUrl: sandbox.url, tokenId: sandbox.demo.tokenId, secret: sandbox.demo.secret });
  try {
    await waitForMarket(client, PRODUCT_ID);
    step('1. Products, with exact decimal prices', 'const products = await client.products.list();');
    const products = await client.products.list();
    console.log(
      renderTable(
        ['id', 'pair', 'last', 'bid', 'ask', '24 h volume'],
        products.map((p) => [p.id, p.currencyPairCode, p.lastTradedPrice, p.marketBid, p.marketAsk, p.volume24h]),
      ),
    );

    step('2. The top of the BTCJPY order book', `const book = await client.products.orderBook(${PRODUCT_ID});`);
    const book = await client.products.orderBook(PRODUCT_ID);
    console.log(bookTable(book, 5));

    const product = await client.products.get(PRODUCT_ID);
    const bestBid = book.buyPriceLevels[0]?.price ?? new QDecimal(0);
    const price = below(product, bestBid, '0.02');
    step(
      '3. A limit order placed, edited and cancelled',
      `const order = await client.orders.limitBuy(${PRODUCT_ID}, '0.01', '${price.toFixed()}');`,
    );
    const order = await client.orders.limitBuy(PRODUCT_ID, '0.01', price);
    console.log(ordersTable([order]));
    const newPrice = below(product, bestBid, '0.03');
    console.log(
      `  ${cyan(`› await client.orders.update(order.id, { price: '${newPrice.toFixed()}', quantity: '0.02' });`)}`,
    );
    const edited = await client.orders.update(order.id, { price: newPrice, quantity: '0.02' });
    console.log(ordersTable([edited]));
    console.log(`  ${cyan('› await client.orders.cancel(order.id);')}`);
    const cancelled = await client.orders.cancel(order.id);
    console.log(ordersTable([cancelled]));

    const before = await client.accounts.balances();
    step(
      '4. A market order, its fee, and the balances after it',
      `const filled = await client.orders.marketBuy(${PRODUCT_ID}, '0.01');`,
    );
    const placed = await client.orders.marketBuy(PRODUCT_ID, '0.01');
    console.log(`  ${cyan('› const { executions, orderFee } = await client.orders.get(filled.id);')}`);
    const filled = await client.orders.get(placed.id);
    console.log(
      renderTable(
        ['execution', 'price', 'quantity', 'price × quantity'],
        (filled.executions ?? []).map((e) => [e.id, e.price, e.quantity, e.price.times(e.quantity)]),
      ),
    );
    console.log(
      renderTable(
        ['order', 'status', 'filled', 'fee'],
        [[filled.id, filled.status, filled.filledQuantity, filled.orderFee]],
      ),
    );
    const after = await client.accounts.balances();
    const rows = after
      .filter((b) => b.currency === 'BTC' || b.currency === 'JPY')
      .map((b) => {
        const was = before.find((x) => x.currency === b.currency)?.balance ?? new QDecimal(0);
        return [b.currency, was, b.balance, b.balance.minus(was)];
      });
    console.log(renderTable(['currency', 'before', 'after', 'change'], rows));
    const cost = notional(filled).plus(filled.orderFee ?? 0);
    console.log(
      `  JPY spent = Σ price × quantity + fee = ${cost.toFixed()}: exactly the JPY balance change, no float anywhere`,
    );

    step(
      '5. Every order, every page, with a running total',
      'for await (const o of client.orders.list({ withDetails: true })) total = total.plus(notional(o));',
    );
    let total = new QDecimal(0);
    const walked: Array<[number, string, string, Decimal, Decimal]> = [];
    for await (const o of client.orders.list({ withDetails: true })) {
      total = total.plus(notional(o));
      walked.push([o.id, o.side, o.status, o.filledQuantity, total]);
    }
    console.log(renderTable(['id', 'side', 'status', 'filled', 'running total (JPY)'], walked));

    step(
      `6. Live trades and a live order book (${liveSeconds} s)`,
      "for await (const trade of client.realtime.executions('btcjpy')) …; new LiveOrderBook(client.realtime, { pair: 'btcjpy', productId: 5, rest: client.products })",
    );
    await watchLive(client, liveSeconds);
    console.log('\nDone. Run `quoine sandbox` to keep a sandbox running and point your own code at it.');
  } finally {
    await client.close();
  }
}
