// Shared setup of the exchange specs: small inline catalogue, a hand-driven clock.
import { Exchange, type ExchangeOptions, type Decimal } from '../../../lib/sandbox/exchange/index.js';

export const BTCUSD = 1;
export const ETHBTC = 2;
export const DISABLED = 9;
export const T0 = 1_600_000_000_000;

export const PRODUCTS: ExchangeOptions['products'] = [
  {
    id: BTCUSD,
    baseCurrency: 'BTC',
    quotedCurrency: 'USD',
    currencyPairCode: 'BTCUSD',
    takerFee: '0.0015',
    makerFee: '0.0005',
    tickSize: '0.01',
    minimumOrderQuantity: '0.001',
    marginEnabled: true,
    lastTradedPrice: '10000',
  },
  {
    id: ETHBTC,
    baseCurrency: 'ETH',
    quotedCurrency: 'BTC',
    currencyPairCode: 'ETHBTC',
    takerFee: '0.001',
    makerFee: '0',
    tickSize: '0.00001',
    minimumOrderQuantity: '0.01',
    lastTradedPrice: '0.03',
  },
  {
    id: DISABLED,
    baseCurrency: 'XRP',
    quotedCurrency: 'USD',
    currencyPairCode: 'XRPUSD',
    disabled: true,
    lastTradedPrice: '0.2',
  },
];

export const CURRENCIES: ExchangeOptions['currencies'] = [
  {
    currency: 'USD',
    currencyType: 'fiat',
    symbol: '$',
    withdrawalFee: '5',
    minimumWithdrawal: '15',
    lendable: true,
    minimumLoanBidQuantity: '10',
  },
  { currency: 'JPY', currencyType: 'fiat', withdrawalFee: '300', minimumWithdrawal: '1500' },
  {
    currency: 'BTC',
    currencyType: 'crypto',
    withdrawalFee: '0.0005',
    minimumWithdrawal: '0.001',
    lendable: true,
    chainName: 'Bitcoin',
  },
  { currency: 'ETH', currencyType: 'crypto', withdrawalFee: '0.01', networks: ['ERC20'] },
  { currency: 'XRP', currencyType: 'crypto' },
];

/** A clock the spec moves by hand. */
export class Clock {
  ms = T0;
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function makeExchange(overrides: Partial<ExchangeOptions> = {}): { exchange: Exchange; clock: Clock } {
  const clock = new Clock();
  const exchange = new Exchange({ products: PRODUCTS, currencies: CURRENCIES, now: clock.now, seed: 7, ...overrides });
  return { exchange, clock };
}

/** Exact text of a decimal (what the server prints). */
export function text(value: Decimal | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toFixed();
}

/** The totals as plain text per currency. */
export function totalsText(exchange: Exchange): Record<string, string> {
  return Object.fromEntries(Object.entries(exchange.totals()).map(([currency, total]) => [currency, total.toFixed()]));
}

/** Runs `action` and returns the ExchangeError it throws (fails when it does not). */
export function refusal(action: () => unknown): {
  status: number;
  field: string | undefined;
  code: string | undefined;
  message: string;
} {
  try {
    action();
  } catch (error) {
    if (error instanceof Error && error.name === 'ExchangeError') {
      const typed = error as Error & { status: number; field: string | undefined; code: string | undefined };
      return { status: typed.status, field: typed.field, code: typed.code, message: typed.message };
    }
    throw error;
  }
  throw new Error('expected an ExchangeError, nothing was thrown');
}
