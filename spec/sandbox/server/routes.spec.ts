import { expect } from 'chai';
import { allRoutes } from '../../../lib/sandbox/server/routes/index.js';
import { Router } from '../../../lib/sandbox/server/router.js';

/** Every endpoint of quoine-api.md §7 (row number, method, an example path, public or private). */
const REFERENCE: ReadonlyArray<readonly [number, string, string, 'public' | 'private']> = [
  [1, 'GET', '/products', 'public'],
  [2, 'GET', '/products/5', 'public'],
  [3, 'GET', '/products/5/price_levels', 'public'],
  [4, 'GET', '/executions', 'public'],
  [6, 'GET', '/ir_ladders/USD', 'public'],
  [7, 'GET', '/currencies', 'public'],
  [8, 'GET', '/fees', 'public'],
  [9, 'GET', '/products/5/ohlc', 'public'],
  [10, 'GET', '/products/604/funding_rate_history', 'public'],
  [11, 'POST', '/orders', 'private'],
  [12, 'GET', '/orders', 'private'],
  [13, 'GET', '/orders/2914273073', 'private'],
  [14, 'GET', '/orders/client:my-order-1', 'private'],
  [15, 'PUT', '/orders/2914273073', 'private'],
  [16, 'PUT', '/orders/client:my-order-1', 'private'],
  [17, 'PUT', '/orders/2914273073/cancel', 'private'],
  [18, 'PUT', '/orders/client:my-order-1/cancel', 'private'],
  [19, 'PUT', '/orders/cancel_all', 'private'],
  [20, 'GET', '/orders/2914273073/trades', 'private'],
  [21, 'GET', '/orders/2914273073/executions', 'private'],
  [22, 'GET', '/executions/me', 'private'],
  [23, 'GET', '/fiat_accounts', 'private'],
  [24, 'POST', '/fiat_accounts', 'private'],
  [25, 'GET', '/crypto_accounts', 'private'],
  [26, 'GET', '/accounts/balance', 'private'],
  [27, 'GET', '/accounts/main_asset', 'private'],
  [28, 'GET', '/accounts', 'private'],
  [29, 'GET', '/accounts/USD', 'private'],
  [30, 'GET', '/accounts/USD/reserved_balance_details', 'private'],
  [31, 'POST', '/loan_bids', 'private'],
  [32, 'GET', '/loan_bids', 'private'],
  [33, 'PUT', '/loan_bids/3580/close', 'private'],
  [34, 'GET', '/loans', 'private'],
  [35, 'PUT', '/loans/144825', 'private'],
  [36, 'GET', '/trades/57896/loans', 'private'],
  [37, 'GET', '/trading_accounts', 'private'],
  [38, 'GET', '/trading_accounts/1759', 'private'],
  [39, 'PUT', '/trading_accounts/1759', 'private'],
  [40, 'GET', '/users/leverage_limitation', 'private'],
  [41, 'GET', '/trades', 'private'],
  [42, 'PUT', '/trades/57896/close', 'private'],
  [43, 'PUT', '/trades/close_all', 'private'],
  [44, 'PUT', '/trades/57896', 'private'],
  [45, 'PUT', '/trades/57896/adjust_margin', 'private'],
  [47, 'GET', '/crypto_withdrawals', 'private'],
  [48, 'POST', '/crypto_withdrawals', 'private'],
  [49, 'PUT', '/crypto_withdrawal/2/cancel', 'private'],
  [50, 'GET', '/crypto_withdrawals/crypto_networks', 'private'],
  [51, 'GET', '/crypto_withdrawal_addresses', 'private'],
  [52, 'GET', '/withdrawals', 'private'],
  [53, 'POST', '/withdrawals', 'private'],
  [54, 'PUT', '/withdrawals/7/cancel', 'private'],
  [55, 'GET', '/fund_infos', 'private'],
  [56, 'POST', '/fund_infos', 'private'],
  [57, 'GET', '/bank_accounts', 'private'],
  [58, 'GET', '/transactions', 'private'],
  [59, 'GET', '/balance_history', 'private'],
  [60, 'GET', '/user/fee_tier', 'private'],
  [61, 'GET', '/user/fees', 'private'],
  [62, 'POST', '/fees/estimate', 'private'],
];

describe('sandbox routing table', () => {
  const router = new Router(allRoutes);

  for (const [row, method, path, access] of REFERENCE) {
    it(`#${row} ${method} ${path} is served (${access})`, () => {
      const match = router.match(method, path);
      expect(match, `${method} ${path}`).to.not.equal(undefined);
      expect(match!.route.auth).to.equal(access === 'private');
      expect(router.match(method, `${path}/`)?.route).to.equal(match!.route);
    });
  }

  it('routes literal paths before {id} ones', () => {
    expect(router.match('PUT', '/orders/cancel_all')?.route.template).to.equal('/orders/cancel_all');
    expect(router.match('PUT', '/trades/close_all')?.route.template).to.equal('/trades/close_all');
    expect(router.match('GET', '/accounts/balance')?.route.template).to.equal('/accounts/balance');
    expect(router.match('GET', '/executions/me')?.route.template).to.equal('/executions/me');
    expect(router.match('GET', '/orders/client:42')?.route.template).to.equal('/orders/client:{clientOrderId}');
  });
});
