/**
 * (issue 7) Order placements per second over loopback HTTP against `startSandbox({ market: false,
 * rateLimit: false })` running in a child process (so the server's work is not charged to the
 * client's thread), one at a time on a keep-alive connection: the SDK's
 * `client.orders.limitBuy` vs a raw got POST of the same body, signed the same way (HS256 JWT of
 * `{path, nonce, token_id}`), as the baseline. Each side uses its own token of the demo user (a
 * nonce is per token), and every order rests (a bid far below the market), so the book and the
 * matching cost stay the same for both. Medians of interleaved rounds. The raw `node:http` rows
 * (a keep-alive agent, the JWT signed with a KeyObject, `JSON.parse`) are the floor: what any
 * client pays over this socket.
 */
import { createSecretKey } from 'node:crypto';
import http from 'node:http';
import got from 'got';
import jwt from 'jsonwebtoken';
import { Quoine } from '../lib/client.js';
import { measureInterleaved, ratios, type Measurement, type Row } from './measure.js';
import { startChild } from './support-child.js';
import type { SandboxReply, SandboxRequest } from './support-sandbox-child.js';

const PRODUCT = 5;
const QUANTITY = '0.001';
const PRICE = '500000';
/**
 * Interleaved rounds of every case, and the time each case runs per round (medians, as the parse
 * and realtime suites): measured once each, one after the other, the second case (the SDK, one at
 * a time) ran while both processes were still warming up, and read ~1,600/s where it holds
 * ~2,800/s from the third second on.
 */
const ROUNDS = 5;
const ROUND_MS = 600;

/**
 * Placements with a client order id carry no nonce, so the SDK sends them outside the signing
 * lane, in parallel (over its pool of 8 connections): how a bot's test suite places fast.
 */
const IN_FLIGHT = 8;

/** A measurement of batches of `n` placements, per placement. */
function perPlacement(m: Measurement, n: number): Measurement {
  return { name: m.name, ms: m.ms / n };
}

/** Runs the case. */
export async function run(): Promise<Row[]> {
  const sandbox = await startChild<SandboxReply>('support-sandbox-child.ts', {
    extraTokens: 1,
  } satisfies SandboxRequest);
  const { url } = sandbox.reply;
  const [sdkToken, rawToken] = sandbox.reply.tokens;
  if (sdkToken === undefined || rawToken === undefined) throw new Error('placement bench: the sandbox gave no tokens');
  const client = new Quoine({ baseUrl: url, tokenId: sdkToken.tokenId, secret: sdkToken.secret, rateLimit: false });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const pool = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const raw = got.extend({
    prefixUrl: url,
    agent: { http: agent },
    retry: { limit: 0 },
    headers: { 'X-Quoine-API-Version': '2', 'Content-Type': 'application/json', Accept: 'application/json' },
  });
  // The body the SDK sends for limitBuy(5, '0.001', '500000').
  const body = JSON.stringify({
    order: { order_type: 'limit', product_id: PRODUCT, side: 'buy', quantity: QUANTITY, price: PRICE },
  });
  let lastNonce = 0;
  // jsonwebtoken 9 first tries to read a string secret as a PEM key (createPrivateKey), which is
  // slow; a KeyObject skips that. The third row shows what that costs per placement.
  const secretKey = createSecretKey(Buffer.from(rawToken.secret, 'utf8'));
  const sign = (secret: string | typeof secretKey = rawToken.secret): string => {
    lastNonce = Math.max(Date.now(), lastNonce + 1);
    return jwt.sign({ path: '/orders', nonce: lastNonce, token_id: rawToken.tokenId }, secret, {
      algorithm: 'HS256',
      noTimestamp: true,
    });
  };
  let clientIds = 0;
  const { hostname, port } = new URL(url);
  const headers = { 'X-Quoine-API-Version': '2', 'Content-Type': 'application/json', Accept: 'application/json' };
  /** A POST /orders over node:http alone: `token` signs it, `text` is its body. */
  const post = (text: string, token: string, over: http.Agent): Promise<{ status: string }> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        {
          hostname,
          port,
          path: '/orders',
          method: 'POST',
          agent: over,
          headers: { ...headers, 'X-Quoine-Auth': token },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status: string }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(text);
    });
  /** A placement with a client order id, signed without a nonce (the exchange exempts it). */
  const postWithClientId = (): Promise<{ status: string }> => {
    const text = JSON.stringify({
      order: {
        order_type: 'limit',
        product_id: PRODUCT,
        side: 'buy',
        quantity: QUANTITY,
        price: PRICE,
        client_order_id: `raw-${++clientIds}`,
      },
    });
    const token = jwt.sign({ path: '/orders', token_id: rawToken.tokenId }, secretKey, {
      algorithm: 'HS256',
      noTimestamp: true,
    });
    return post(text, token, pool);
  };
  let rawLive = 0;
  let sdkLive = 0;
  try {
    // [name, one operation, placements per operation]
    const cases: Array<readonly [string, () => Promise<void>, number]> = [
      [
        'raw got POST /orders + JSON.parse (baseline)',
        async () => {
          const order = JSON.parse((await raw.post('orders', { body, headers: { 'X-Quoine-Auth': sign() } })).body) as {
            status: string;
          };
          if (order.status === 'live') rawLive++;
        },
        1,
      ],
      [
        'client.orders.limitBuy',
        async () => {
          const order = await client.orders.limitBuy(PRODUCT, QUANTITY, PRICE);
          if (order.status === 'live') sdkLive++;
        },
        1,
      ],
      [
        'raw got POST, JWT signed with a KeyObject',
        async () => {
          const order = JSON.parse(
            (await raw.post('orders', { body, headers: { 'X-Quoine-Auth': sign(secretKey) } })).body,
          ) as { status: string };
          if (order.status === 'live') rawLive++;
        },
        1,
      ],
      [
        `client.orders.limitBuy with a clientOrderId, ${IN_FLIGHT} in flight`,
        async () => {
          const orders = await Promise.all(
            Array.from({ length: IN_FLIGHT }, () =>
              client.orders.limitBuy(PRODUCT, QUANTITY, PRICE, { clientOrderId: `bench-${++clientIds}` }),
            ),
          );
          sdkLive += orders.filter((o) => o.status === 'live').length;
        },
        IN_FLIGHT,
      ],
      [
        'raw node:http POST, JWT signed with a KeyObject (the floor)',
        async () => {
          const order = await post(body, sign(secretKey), agent);
          if (order.status === 'live') rawLive++;
        },
        1,
      ],
      [
        `raw node:http POST with a client_order_id, ${IN_FLIGHT} in flight (the floor)`,
        async () => {
          const orders = await Promise.all(Array.from({ length: IN_FLIGHT }, postWithClientId));
          rawLive += orders.filter((o) => o.status === 'live').length;
        },
        IN_FLIGHT,
      ],
    ];
    const medians = await measureInterleaved(
      cases.map(([name, fn]) => [name, fn] as const),
      ROUNDS,
      ROUND_MS,
    );
    const measured = medians.map((m, k) => perPlacement(m, cases[k]?.[2] ?? 1));
    if (rawLive === 0 || sdkLive === 0) throw new Error('placement bench: the orders did not rest as live orders');
    const perSecond = Object.fromEntries(
      measured.map((m) => [m.name, `${Math.round(1000 / m.ms).toLocaleString('en')} placements/s`]),
    );
    for (const sdk of [measured[1], measured[3]]) {
      if (sdk !== undefined) perSecond[sdk.name] = `${perSecond[sdk.name] ?? ''}; issue 14 goal ≥ 2,000`;
    }
    return ratios('placement over loopback (sandbox)', measured, perSecond);
  } finally {
    await client.close();
    agent.destroy();
    pool.destroy();
    await sandbox.stop();
  }
}
