/**
 * The in-process sandbox exchange for benchmarks: one built from the catalogue, a clock the
 * bench moves by hand, and a tape of public executions filled quickly by two users crossing.
 */
import { Decimal, Exchange } from '../lib/sandbox/exchange/index.js';
import { currencySpecs, loadCatalogue, productSpecs } from '../lib/sandbox/server/catalogue.js';

/** BTCJPY in the catalogue: reference price 976382, minimum quantity 0.001, taker fee 0.15 %. */
export const BTCJPY = 5;
export const BTCJPY_PRICE = '976382';

/** A fresh exchange over the sandbox's catalogue (the products and currencies `startSandbox` serves). */
export function catalogueExchange(now?: () => number): Exchange {
  const catalogue = loadCatalogue();
  return new Exchange({ products: productSpecs(catalogue), currencies: currencySpecs(catalogue), now });
}

/**
 * A clock in milliseconds for `startSandbox({ now })`: by hand (`set`) while a tape is filled,
 * then, after {@link BenchClock.runScaled}, real time running `scale` times faster from where the
 * hand left it (a 5-minute rate-limit window then lasts 300 000 / scale real milliseconds).
 */
export class BenchClock {
  #ms: number;
  #scale = 0;
  #realStart = 0;

  constructor(startMs: number) {
    this.#ms = startMs;
  }

  readonly now = (): number =>
    this.#scale === 0 ? this.#ms : this.#ms + (performance.now() - this.#realStart) * this.#scale;

  set(ms: number): void {
    this.#scale = 0;
    this.#ms = ms;
  }

  runScaled(scale: number): void {
    this.#ms = this.now();
    this.#realStart = performance.now();
    this.#scale = scale;
  }
}

/** What {@link fillTape} made. */
export interface Tape {
  /** Unix second of the first execution. */
  readonly firstSecond: number;
  /** Unix second of the last execution. */
  readonly lastSecond: number;
  /** Real milliseconds the fill took. */
  readonly fillMs: number;
}

/**
 * Adds `count` public executions to BTCJPY, `perSecond` of them in each Unix second from the
 * clock's current time: each second a seller rests `perSecond` limit sells of 0.001 BTC and a buyer
 * takes them all with one limit buy (the exchange stamps them with the clock). The two users are
 * funded for exactly what they trade (plus the buyer's fee reservation).
 */
export function fillTape(exchange: Exchange, clock: BenchClock, count: number, perSecond: number): Tape {
  if (perSecond < 1 || perSecond >= 1000)
    throw new Error('perSecond must be 1–999: the timestamp walk needs fewer than 1,000 per second');
  const started = performance.now();
  const seconds = Math.ceil(count / perSecond);
  const seller = exchange.createUser({ BTC: new Decimal(count).div(1000) });
  const buyer = exchange.createUser({ JPY: new Decimal(count).times(1000) }); // 0.001 × 976382 × 1.0015 < 1000 JPY a fill
  const firstMs = Math.ceil(clock.now() / 1000) * 1000;
  let left = count;
  for (let s = 0; s < seconds; s++) {
    clock.set(firstMs + s * 1000);
    const n = Math.min(perSecond, left);
    for (let i = 0; i < n; i++)
      exchange.createOrder(seller, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: '0.001',
        price: BTCJPY_PRICE,
      });
    exchange.createOrder(buyer, {
      orderType: 'limit',
      productId: BTCJPY,
      side: 'buy',
      quantity: new Decimal(n).div(1000),
      price: BTCJPY_PRICE,
    });
    left -= n;
  }
  return { firstSecond: firstMs / 1000, lastSecond: firstMs / 1000 + seconds - 1, fillMs: performance.now() - started };
}
