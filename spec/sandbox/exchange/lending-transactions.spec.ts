// Issue 11: GET /transactions understands a comma-separated transaction_type, and lending shows up
// as the 2020 capture records it (quoine-api.md §7.8): loan, repay, interest_transfer rows with
// their loan's currency, quantity and rate.
import { expect } from 'chai';
import { BTCUSD, makeExchange, totalsText } from './helpers.js';

const LENDING = 'interest_transfer,loan,repay,loan_fee';

describe('sandbox exchange: lending rows of the legacy transactions (issue 11)', () => {
  function lentAndRepaid() {
    const { exchange, clock } = makeExchange();
    const maker = exchange.createUser({ USD: '1000000', BTC: '100' });
    const borrower = exchange.createUser({ USD: '100000' });
    const lender = exchange.createUser({ USD: '5000' });
    exchange.createLoanBid(lender, { currency: 'USD', quantity: '1000', rate: '0.0001' });
    exchange.createOrder(maker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      price: '10000',
    });
    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '1', price: '9990' });
    const order = exchange.createOrder(borrower, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.5',
      leverageLevel: 10,
    });
    const tradeId = exchange.orderTrades(borrower, order.id)[0]?.id ?? 0;
    const loan = exchange.tradeLoans(borrower, tradeId)[0];
    const totals = totalsText(exchange);
    clock.advance(36 * 3600 * 1000);
    exchange.closeTrade(borrower, tradeId);
    return { exchange, lender, borrower, loanId: loan?.id ?? 0, totals };
  }

  it("lists the lender's loan, repay and interest_transfer rows for the comma-separated lending types, newest first", () => {
    const { exchange, lender, borrower } = lentAndRepaid();
    const lenderAccount = exchange.account(lender, 'USD').id;
    const borrowerAccount = exchange.account(borrower, 'USD').id;
    const rows = exchange.transactions(lender, { currency: 'USD', transactionType: LENDING });
    expect(
      rows.map((row) => [
        row.transactionType,
        row.grossAmount.toFixed(),
        row.fromAccountId,
        row.toAccountId,
        row.currency,
        row.actionId,
      ]),
    ).to.deep.equal([
      ['repay', '1000', borrowerAccount, lenderAccount, 'USD', null],
      ['interest_transfer', '0.2', null, lenderAccount, 'USD', null],
      ['loan', '-1000', lenderAccount, borrowerAccount, 'USD', null],
    ]);
    for (const row of rows) {
      expect([
        row.loan?.currency,
        row.loan?.quantity.toFixed(),
        row.loan?.rate.toFixed(),
        row.fromRole,
        row.toRole,
      ]).to.deep.equal(['USD', '1000', '0.0001', null, null]);
    }
    // Blanks around the commas are ignored; one type still works; the ids interleave with the history's.
    expect(
      exchange.transactions(lender, { transactionType: ' loan , repay ' }).map((row) => row.transactionType),
    ).to.deep.equal(['repay', 'loan']);
    expect(exchange.transactions(lender, { transactionType: 'interest_transfer' })).to.have.length(1);
    const all = exchange.transactions(lender);
    expect(all.map((row) => row.id)).to.deep.equal([...all.map((row) => row.id)].sort((a, b) => b - a));
    expect(all.map((row) => row.transactionType)).to.include.members(['funding', 'loan', 'repay', 'interest_transfer']);
  });

  it('shows the borrower the same loan from its side, and leaves the ledger exact', () => {
    const { exchange, borrower, totals } = lentAndRepaid();
    const rows = exchange.transactions(borrower, { transactionType: LENDING });
    // The rest of the 4,500 borrowed came from the house (no account: null on its side).
    expect(rows.map((row) => [row.transactionType, row.grossAmount.toFixed(), row.loan?.rate.toFixed()])).to.deep.equal(
      [
        ['repay', '-3500', '0.0005'],
        ['interest_transfer', '-3.5', '0.0005'],
        ['repay', '-1000', '0.0001'],
        ['interest_transfer', '-0.2', '0.0001'],
        ['loan', '3500', '0.0005'],
        ['loan', '1000', '0.0001'],
      ],
    );
    expect([rows[4]?.fromAccountId, rows[0]?.toAccountId]).to.deep.equal([null, null]);
    expect(exchange.transactions(borrower, { currency: 'BTC', transactionType: LENDING })).to.deep.equal([]);
    // Lending rows are a view: balances move only by the interest.
    expect(totalsText(exchange)).to.deep.equal(totals);
  });
});
