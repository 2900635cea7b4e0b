// One attacker against the sandbox (issue 11): made-up tokens, forged JWTs, replays, slowloris,
// trickled bodies, bad request targets, fault-route CSRF and huge bodies, all at once. Another user
// on the same sandbox still gets every call answered, in order (no timing is asserted), memory held
// by the server stays within fixed bounds, and the ledger stays exact.
import { expect } from 'chai';
import type { Got } from 'got';
import jwt from 'jsonwebtoken';
import { connect } from 'node:net';
import { Quoine } from '../../../lib/client.js';
import type { Sandbox, SandboxToken } from '../../../lib/sandbox/index.js';
import { call, httpClient, nextNonce, startTestSandbox } from './helpers.js';

/** Sends `text` (then `more` chunks, if any, until the server closes); resolves once the socket is closed. */
function rawSocket(sandbox: Sandbox, text: string, more?: () => string | undefined): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(sandbox.port, '127.0.0.1', () => {
      socket.write(text);
      if (more === undefined) return;
      const pump = (): void => {
        const chunk = more();
        if (chunk === undefined || socket.destroyed) return;
        socket.write(chunk, () => setImmediate(pump));
      };
      pump();
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined); // the server cutting a huge body resets the connection
    socket.on('close', () => resolve(received));
  });
}

/** Runs `attack` over and over until `stop()` says so; counts the rounds. */
async function repeat(stop: () => boolean, attack: (round: number) => Promise<unknown>): Promise<number> {
  let round = 0;
  while (!stop()) await attack(round++);
  return round;
}

const totalsText = (sandbox: Sandbox): Record<string, string> =>
  Object.fromEntries(Object.entries(sandbox.exchange.totals()).map(([currency, total]) => [currency, total.toFixed()]));

describe('a sandbox under one attacker still serves another user (issue 11)', function () {
  this.timeout(120_000);
  let sandbox: Sandbox & { warnings: string[] };
  let attacker: Got;
  let victim: SandboxToken;

  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: 300, headersTimeoutSeconds: 0.5, requestTimeoutSeconds: 1 });
    attacker = httpClient(sandbox);
    victim = sandbox.createToken({ JPY: '100000000', BTC: '10' });
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  it('answers every call of the other user, in order, with bounded memory and an exact ledger', async () => {
    const maker = sandbox.createToken({ BTC: '100' });
    sandbox.exchange.createOrder(maker.userId, {
      orderType: 'limit',
      productId: 5,
      side: 'sell',
      quantity: '5',
      price: '1000000',
    });
    const totals = totalsText(sandbox);
    // A millisecond nonce, like the SDK's (a larger scale would poison the token for the victim's SDK).
    const captured = jwt.sign(
      { token_id: victim.tokenId, nonce: Date.now() - 60_000, path: '/accounts/balance' },
      victim.secret,
      { noTimestamp: true },
    );
    expect((await call(attacker, 'GET', '/accounts/balance', { token: captured })).statusCode).to.equal(200);

    let victimDone = false;
    const stop = (): boolean => victimDone;
    const part = (claims: object): string => Buffer.from(JSON.stringify(claims)).toString('base64url');
    const tally = { refused401: 0, other: [] as string[] };
    const expect401 = async (promise: Promise<{ statusCode: number; body: string }>): Promise<void> => {
      const response = await promise;
      if (response.statusCode === 401) tally.refused401 += 1;
      else tally.other.push(`${response.statusCode} ${response.body.slice(0, 80)}`);
    };

    const attacks = [
      // Made-up token ids, unsigned, some of them long.
      ...Array.from({ length: 3 }, (_, lane) =>
        repeat(stop, (round) => {
          const token = `${part({ alg: 'none' })}.${part({ token_id: `${lane}-${round}-${'9'.repeat(round % 50)}`, nonce: round, path: '/orders' })}.`;
          return expect401(
            call(attacker, 'POST', '/orders', {
              token,
              body: {
                order_type: 'limit',
                product_id: 5,
                side: 'buy',
                quantity: '1',
                price: '1',
                client_order_id: `f${round}`,
              },
            }),
          );
        }),
      ),
      // JWTs forged with the victim's token_id, to spend the victim's rate limit.
      ...Array.from({ length: 3 }, () =>
        repeat(stop, () =>
          expect401(
            call(attacker, 'GET', '/accounts/balance', {
              token: jwt.sign(
                { token_id: victim.tokenId, nonce: Number(nextNonce()), path: '/accounts/balance' },
                'guess',
                { noTimestamp: true },
              ),
            }),
          ),
        ),
      ),
      // The captured JWT replayed to place orders with fresh client_order_ids, and as it was.
      repeat(stop, (round) =>
        expect401(
          call(attacker, 'POST', '/orders', {
            token: captured,
            body: {
              order_type: 'limit',
              product_id: 5,
              side: 'buy',
              quantity: '0.001',
              price: '1000000',
              client_order_id: `replay-${round}`,
            },
          }),
        ),
      ),
      repeat(stop, () => expect401(call(attacker, 'GET', '/accounts/balance', { token: captured }))),
      // Slowloris: headers never finished, on 20 connections at a time.
      ...Array.from({ length: 20 }, () =>
        repeat(stop, () => rawSocket(sandbox, 'GET /accounts/balance HTTP/1.1\r\nHost: 127.0.0.1\r\nX-a: ')),
      ),
      // Bodies trickled forever, and huge bodies (declared, and chunked without a length).
      ...Array.from({ length: 5 }, () =>
        repeat(stop, () =>
          rawSocket(sandbox, 'POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n{'),
        ),
      ),
      repeat(stop, () =>
        rawSocket(sandbox, 'POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n\r\n', () =>
          'x'.repeat(65_536),
        ),
      ),
      repeat(stop, () => {
        let sent = 0;
        const chunk = `10000\r\n${'x'.repeat(0x10000)}\r\n`;
        return rawSocket(
          sandbox,
          'POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n',
          () => (sent++ < 200 ? chunk : undefined),
        );
      }),
      // Request targets the server cannot parse.
      repeat(stop, (round) =>
        rawSocket(
          sandbox,
          `GET ${['//x:99999/orders', '*', 'http://[::1/x'][round % 3]} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
        ),
      ),
      // A web page's cross-origin POST to the fault route: 503 for everyone, a thousand times.
      repeat(stop, (round) =>
        rawSocket(
          sandbox,
          [
            'POST /__sandbox/faults HTTP/1.1',
            `Host: 127.0.0.1:${sandbox.port}`,
            round % 2 === 0
              ? 'Content-Type: text/plain'
              : 'Content-Type: application/json\r\nOrigin: https://evil.example\r\nSec-Fetch-Site: cross-site',
            'Connection: close',
            'Content-Length: 43',
            '',
            '{"kind":"status","status":503,"times":1000}',
          ].join('\r\n'),
        ),
      ),
    ];

    // The other user, through the SDK: every call must succeed, and in order.
    const client = new Quoine({
      baseUrl: sandbox.url,
      tokenId: victim.tokenId,
      secret: victim.secret,
      rateLimit: false,
    });
    const placed: number[] = [];
    try {
      const start = await client.accounts.balances();
      expect(start.find((b) => b.currency === 'BTC')?.balance.toFixed()).to.equal('10');
      for (let i = 0; i < 10; i += 1) {
        const resting = await client.orders.limitBuy(5, '0.01', '900000', { clientOrderId: `victim-${i}` });
        expect(resting.status).to.equal('live');
        placed.push(resting.id);
        const filled = await client.orders.limitBuy(5, '0.01', '1000000');
        expect(filled.status).to.equal('filled');
        placed.push(filled.id);
      }
      const cancelled = await client.orders.cancelByClientId('victim-0');
      expect(cancelled.status).to.equal('cancelled');
      const balances = await client.accounts.balances();
      expect(balances.find((b) => b.currency === 'BTC')?.balance.toFixed()).to.equal('10.1');
    } finally {
      victimDone = true;
      await client.close();
    }
    const rounds = await Promise.all(attacks);
    await sandbox.idle();

    // The attack really ran, and nothing it sent was accepted.
    expect(
      rounds.every((count) => count > 0),
      `rounds per attack: ${rounds.join(', ')}`,
    ).to.equal(true);
    expect(tally.other, 'attacker requests that were not refused 401').to.deep.equal([]);
    // In order: ids increase in the order the calls were made, and nobody else placed on the victim's account.
    expect(placed).to.deep.equal([...placed].sort((a, b) => a - b));
    expect(
      sandbox.exchange
        .orders(victim.userId)
        .map((order) => order.id)
        .sort((a, b) => a - b),
    ).to.deep.equal(placed);
    // Bounded memory: only verified callers are remembered, and the CSRF left no fault.
    const stats = sandbox.stats();
    expect(stats.pendingFaults).to.equal(0);
    expect(stats.rateLimitKeys, 'rate-limit keys').to.be.at.most(2);
    expect(stats.nonceTokens, 'tokens with a nonce').to.equal(1);
    expect(stats.warningKeys, 'remembered warnings').to.be.at.most(2);
    expect(stats.inFlight).to.equal(0);
    expect(sandbox.warnings.join('\n')).to.not.include('internal error');
    // An exact ledger: totals unchanged, every reservation backed by a live order.
    expect(totalsText(sandbox)).to.deep.equal(totals);
    expect(sandbox.exchange.auditReservations()).to.deep.equal([]);
  });
});
