import { expect } from 'chai';
import { BTCUSD, makeExchange, refusal, text, totalsText } from './helpers.js';

describe('sandbox exchange: accounts, funding, history, fees', () => {
  it('accounts: fiat by creation or funding, crypto always; balances, free and reserved, main asset', () => {
    const { exchange } = makeExchange();
    const alice = exchange.createUser({ USD: '1000', BTC: '0.5' });
    expect(exchange.fiatAccounts(alice).map((a) => a.currency)).to.deep.equal(['USD']);
    expect(exchange.cryptoAccounts(alice).map((a) => a.currency)).to.deep.equal(['BTC', 'ETH', 'XRP']);
    const jpy = exchange.createFiatAccount(alice, 'JPY');
    expect(jpy).to.include({ currency: 'JPY', currencyType: 'fiat' });
    expect(exchange.fiatAccounts(alice).map((a) => a.currency)).to.deep.equal(['USD', 'JPY']);
    expect(refusal(() => exchange.createFiatAccount(alice, 'BTC'))).to.include({ field: 'currency' });
    expect(exchange.balances(alice).map((row) => [row.currency, row.balance.toFixed()])).to.deep.equal([
      ['USD', '1000'],
      ['JPY', '0'],
      ['BTC', '0.5'],
      ['ETH', '0'],
      ['XRP', '0'],
    ]);
    expect(refusal(() => exchange.account(alice, 'DOGE'))).to.include({ status: 404, message: 'Account not found' });
    const btc = exchange.account(alice, 'BTC');
    expect(btc.address).to.be.a('string');
    expect(text(btc.exchangeRate)).to.equal('10000');
    // USD 1000 + BTC 0.5 × 10000 (reference price) ; ETH via ETH/BTC has no USD product: 0
    expect(exchange.mainAsset(alice)).to.deep.include({ currency: 'USD' });
    expect(text(exchange.mainAsset(alice).totalAmount)).to.equal('6000');
    expect(text(exchange.deposit(alice, 'USD', '0.01').balance)).to.equal('1000.01');
    expect(refusal(() => exchange.deposit(alice, 'USD', '0'))).to.include({ field: 'amount' });
  });

  it('crypto withdrawals: pending with amount + fee reserved, cancel while pending, process, filters, addresses, networks', () => {
    const { exchange, clock } = makeExchange();
    const alice = exchange.createUser({ BTC: '1', ETH: '5', USD: '100' });
    const totals = totalsText(exchange);
    const first = exchange.createCryptoWithdrawal(alice, { currency: 'BTC', address: 'bc1-alice', amount: '0.1' });
    expect(first).to.include({
      state: 'pending',
      currency: 'BTC',
      address: 'bc1-alice',
      chainName: 'Bitcoin',
      network: null,
    });
    expect(text(first.withdrawalFee)).to.equal('0.0005');
    expect(text(exchange.account(alice, 'BTC').reservedBalance)).to.equal('0.1005');
    expect(exchange.cancelCryptoWithdrawal(alice, first.id).state).to.equal('cancelled');
    expect(text(exchange.account(alice, 'BTC').reservedBalance)).to.equal('0');
    expect(refusal(() => exchange.cancelCryptoWithdrawal(alice, first.id))).to.include({ status: 422 });

    clock.advance(5000);
    const second = exchange.createCryptoWithdrawal(alice, { currency: 'BTC', address: 'bc1-alice', amount: '0.2' });
    const eth = exchange.createCryptoWithdrawal(alice, {
      currency: 'ETH',
      address: '0xabc',
      amount: '1',
      network: 'ERC20',
    });
    expect(
      refusal(() =>
        exchange.createCryptoWithdrawal(alice, { currency: 'ETH', address: '0xabc', amount: '1', network: 'TRC20' }),
      ),
    ).to.include({ field: 'network' });
    expect(
      refusal(() => exchange.createCryptoWithdrawal(alice, { currency: 'BTC', address: 'x', amount: '0.0001' })),
    ).to.include({ field: 'amount' });
    expect(
      refusal(() => exchange.createCryptoWithdrawal(alice, { currency: 'BTC', address: 'x', amount: '5' })),
    ).to.include({ code: 'not_enough_free_balance' });
    expect(
      refusal(() => exchange.createCryptoWithdrawal(alice, { currency: 'USD', address: 'x', amount: '50' })),
    ).to.include({ field: 'currency' });
    const processed = exchange.processWithdrawal(second.id);
    expect(processed.state).to.equal('processed');
    expect(text(exchange.account(alice, 'BTC').balance)).to.equal('0.7995');
    expect(text(exchange.account(alice, 'BTC').reservedBalance)).to.equal('0');
    expect(exchange.cryptoWithdrawals(alice).map((w) => w.id)).to.deep.equal([eth.id, second.id, first.id]);
    expect(exchange.cryptoWithdrawals(alice, { currency: 'BTC', state: 'processed' }).map((w) => w.id)).to.deep.equal([
      second.id,
    ]);
    expect(exchange.cryptoWithdrawals(alice, { timestamp: first.createdAt + 1 }).map((w) => w.id)).to.deep.equal([
      eth.id,
      second.id,
    ]);
    expect(exchange.cryptoWithdrawalAddresses(alice, 'BTC').map((a) => a.address)).to.deep.equal(['bc1-alice']);
    expect(exchange.cryptoNetworks('ETH')).to.deep.equal([{ network: 'ERC20', currency: 'ETH' }]);
    expect(exchange.cryptoNetworks('BTC')).to.deep.equal([]);
    // Only the processed amount left the exchange; its fee went to the fee account.
    expect(totalsText(exchange)).to.deep.equal({ ...totals, BTC: '0.8' });
    expect(text(exchange.feeAccountBalances().find((row) => row.currency === 'BTC')?.balance)).to.equal('0.0005');
  });

  it('fiat withdrawals to the user’s bank account', () => {
    const { exchange } = makeExchange();
    const alice = exchange.createUser({ USD: '1000' });
    const [bank] = exchange.bankAccounts(alice);
    const withdrawal = exchange.createFiatWithdrawal(alice, {
      currency: 'USD',
      amount: '100',
      bankAccountId: bank?.id ?? 0,
    });
    expect(withdrawal).to.include({ state: 'pending', currency: 'USD' });
    expect(withdrawal.bankAccount.id).to.equal(bank?.id);
    expect(text(exchange.account(alice, 'USD').reservedBalance)).to.equal('105');
    expect(
      refusal(() => exchange.createFiatWithdrawal(alice, { currency: 'USD', amount: '100', bankAccountId: 999 })),
    ).to.include({ field: 'bank_account_id' });
    expect(
      refusal(() =>
        exchange.createFiatWithdrawal(alice, { currency: 'BTC', amount: '100', bankAccountId: bank?.id ?? 0 }),
      ),
    ).to.include({ field: 'currency' });
    expect(exchange.cancelFiatWithdrawal(alice, withdrawal.id).state).to.equal('cancelled');
    expect(refusal(() => exchange.cancelCryptoWithdrawal(alice, withdrawal.id))).to.include({ status: 404 });
    expect(exchange.fiatWithdrawals(alice).map((w) => [w.id, w.state])).to.deep.equal([[withdrawal.id, 'cancelled']]);
    expect(text(exchange.account(alice, 'USD').freeBalance)).to.equal('1000');
  });

  it('records every balance change in the history (newest first, filterable) and the legacy transactions', () => {
    const { exchange, clock } = makeExchange();
    const alice = exchange.createUser({ USD: '100000' });
    const bob = exchange.createUser({ BTC: '1' });
    clock.advance(10_000);
    exchange.createOrder(bob, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '0.1', price: '10000' });
    const buy = exchange.createOrder(alice, { orderType: 'market', productId: BTCUSD, side: 'buy', quantity: '0.1' });
    const executionId = buy.executions[0]?.id;
    const history = exchange.balanceHistory(alice);
    expect(
      history.map((e) => [e.currency, e.amount.toFixed(), e.sourceAction, e.sourceObjectType, e.balance.toFixed()]),
    ).to.deep.equal([
      ['USD', '-1.5', 'fee', 'Execution', '98998.5'],
      ['USD', '-1000', 'trade', 'Execution', '99000'],
      ['BTC', '0.1', 'trade', 'Execution', '0.1'],
      ['USD', '100000', 'deposit', 'Deposit', '100000'],
    ]);
    expect(history.slice(0, 3).every((e) => e.sourceObjectId === executionId)).to.equal(true);
    expect(exchange.balanceHistory(alice, { currency: 'BTC' })).to.have.length(1);
    expect(exchange.balanceHistory(alice, { timestampGte: (1_600_000_000_000 + 5000) / 1000 })).to.have.length(3);
    expect(
      exchange.balanceHistory(alice, { sourceObjectType: 'Execution', sourceObjectId: executionId ?? 0 }),
    ).to.have.length(3);
    const transactions = exchange.transactions(alice);
    expect(transactions.map((t) => [t.transactionType, t.grossAmount.toFixed(), t.executionId])).to.deep.equal([
      ['trade_fee', '-1.5', executionId],
      ['trade', '-1000', executionId],
      ['trade', '0.1', executionId],
      ['funding', '100000', null],
    ]);
    expect(exchange.transactions(alice, { transactionType: 'funding' })).to.have.length(1);
  });

  it('fee tier and fee estimates', () => {
    const { exchange, clock } = makeExchange();
    const alice = exchange.createUser({ USD: '100000', BTC: '1' });
    const bob = exchange.createUser({ USD: '100000', BTC: '1' });
    exchange.createOrder(bob, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '0.2', price: '10000' });
    exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.1',
      price: '10000',
    });
    expect(text(exchange.feeTier(alice).currencyPairVolume)).to.equal('1000');
    expect(exchange.feeTier(alice)).to.include({ feeTier: 0, inCurrency: 'USD' });
    clock.advance(31 * 86_400_000);
    expect(text(exchange.feeTier(alice).currencyPairVolume)).to.equal('0');
    const order = exchange.estimateOrderFee(alice, { productId: BTCUSD, side: 'buy', quantity: '0.5' });
    expect(order.feeOptions.default.map((line) => [line.feeType, line.amount.toFixed(), line.currency])).to.deep.equal([
      ['trade_fee', '7.5', 'USD'],
    ]);
    const priced = exchange.estimateOrderFee(alice, {
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      price: '12000',
    });
    expect(text(priced.feeOptions.default[0]?.amount)).to.equal('9');
    const withdraw = exchange.estimateWithdrawalFee(alice, { currency: 'BTC', amount: '0.1' });
    expect(
      withdraw.feeOptions.default.map((line) => [line.feeType, line.amount.toFixed(), line.currency]),
    ).to.deep.equal([['withdrawal_fee', '0.0005', 'BTC']]);
  });
});
