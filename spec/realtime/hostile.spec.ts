/**
 * The realtime client against a hostile or broken Tap (issue 10): frames too large to hold,
 * floods of mid-size frames for a consumer that does not read, and servers that echo the signed
 * auth token or the secret back in every place a message can come from.
 */
import { inspect } from 'node:util';
import { expect } from 'chai';
import WebSocket from 'ws';
import {
  QuoineRealtimeError,
  RealtimeAuthError,
  RealtimeConnectionError,
  RealtimeLimitError,
  RealtimeOverflowError,
  RealtimeProtocolError,
} from '../../lib/realtime/index.js';
import { next, until } from './helpers/clients.js';
import { useFakeTap } from './helpers/use-fake-tap.js';
import { TAP_SECRET, type ClientFrame } from './helpers/fake-tap.js';
import { executionStrings } from './helpers/payloads.js';

const MiB = 1024 * 1024;

/** An execution payload padded with an unknown field to about `bytes` bytes. */
function paddedExecution(bytes: number): string {
  return `${executionStrings.slice(0, -1)},"pad":"${'x'.repeat(bytes)}"}`;
}

/** Everything an error shows: message, stack, util.inspect (hidden too) and JSON. */
function shown(error: unknown): string {
  const e = error as Error;
  return [e.message, String(e.stack), inspect(e, { showHidden: true, depth: 10 }), JSON.stringify(e)].join('\n');
}

/** The signed token of an auth request frame. */
function tokenOf(frame: ClientFrame): string {
  return (frame.data as { headers: Record<string, string> }).headers['X-Quoine-Auth'] ?? '';
}

describe('realtime: hostile servers', () => {
  const fake = useFakeTap();
  const { clients } = fake;

  describe('memory stays bounded in bytes', () => {
    for (const declared of [200 * MiB, 50 * MiB]) {
      it(`a frame announcing ${declared / MiB} MB ends every subscription with RealtimeLimitError (maxFrameBytes) and does not reconnect`, async () => {
        const client = clients.public(fake.tap);
        const executions = client.executions('BTCJPY');
        const ladder = client.priceLadder('BTCJPY', 'buy');
        await Promise.all([executions.ready, ladder.ready]);

        fake.tap.sendOversizedFrameStart(declared, 64 * 1024); // the rest never comes: a client that waits for it hangs
        await until(() => executions.closed && ladder.closed, 'the subscriptions to end');
        for (const sub of [executions, ladder]) {
          expect(sub.error).to.be.instanceOf(RealtimeLimitError);
          expect(sub.error).not.to.be.instanceOf(RealtimeOverflowError);
          const error = sub.error as RealtimeLimitError;
          expect(error.limit).to.equal('maxFrameBytes');
          expect(error.max).to.equal(MiB); // the documented default
          expect(error.message).to.match(/maxFrameBytes/);
        }
        expect(client.state).to.equal('disconnected');
        expect(fake.tap.connections).to.have.length(1); // the same server would only do it again
        await fake.tap.waitFor(() => fake.tap.connections.every((c) => !c.open), 'the socket to be cut');
      });
    }

    it('maxFrameBytes is an option: a frame one byte over it is refused, one at it is read', async () => {
      const client = clients.public(fake.tap, { maxFrameBytes: 4096 });
      const executions = client.executions('BTCJPY');
      await executions.ready;
      const frameOf = (payload: string): string =>
        JSON.stringify({ event: 'created', channel: 'executions_cash_btcjpy', data: payload });
      const fits = paddedExecution(4096 - frameOf(paddedExecution(0)).length);
      expect(Buffer.byteLength(frameOf(fits))).to.equal(4096);
      fake.tap.sendRaw(frameOf(fits));
      expect((await next(executions)).id).to.equal(1011880);

      const over = frameOf(paddedExecution(4096 - frameOf(paddedExecution(0)).length + 1));
      expect(Buffer.byteLength(over)).to.equal(4097);
      fake.tap.sendRaw(over);
      await until(() => executions.closed, 'the subscription to end');
      expect((executions.error as RealtimeLimitError).limit).to.equal('maxFrameBytes');
      expect((executions.error as RealtimeLimitError).max).to.equal(4096);
    });

    it('mid-size frames for a consumer that does not read end it with RealtimeOverflowError (bufferBytes) long before bufferSize', async () => {
      const client = clients.public(fake.tap);
      const slow = client.executions('BTCJPY'); // iterated later, never in time
      let fastReceived = 0;
      const fast = client.executions('BTCJPY').on('data', () => fastReceived++);
      await Promise.all([slow.ready, fast.ready]);

      const payload = paddedExecution(512 * 1024); // 40 of them are 20 MB; bufferSize (1,000) would allow 500 MB
      for (let i = 0; i < 40; i++) fake.tap.publish('executions_cash_btcjpy', 'created', payload);
      await until(() => fastReceived === 40, 'forty deliveries');

      expect(slow.closed).to.equal(true);
      const error = slow.error as RealtimeOverflowError;
      expect(error).to.be.instanceOf(RealtimeOverflowError);
      expect(error).to.be.instanceOf(RealtimeLimitError);
      expect(error.limit).to.equal('bufferBytes');
      expect(error.max).to.equal(8 * MiB); // the documented default
      expect(error.message).to.match(/bufferBytes/);
      expect(fast.closed).to.equal(false); // a consumer that keeps up is unaffected
    });

    it('bufferBytes is an option of the client and of one subscription; a reading consumer frees its bytes', async () => {
      const client = clients.public(fake.tap, { bufferBytes: 64 * 1024 });
      const reader = client.executions('BTCJPY');
      const tight = client.executions('BTCJPY', { bufferBytes: 2048 });
      await Promise.all([reader.ready, tight.ready]);
      const payload = paddedExecution(1024); // ~1.2 kB a frame

      // The reader takes each message before the next: 200 frames (240 kB) never add up.
      for (let i = 0; i < 200; i++) {
        fake.tap.publish('executions_cash_btcjpy', 'created', payload);
        expect((await next(reader)).id).to.equal(1011880);
      }
      expect(reader.closed).to.equal(false);
      expect(tight.closed).to.equal(true);
      expect((tight.error as RealtimeOverflowError).limit).to.equal('bufferBytes');
      expect((tight.error as RealtimeOverflowError).max).to.equal(2048);
    });
  });

  describe('what the client sends stays bounded too', () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, saved to be restored and called with its socket as `this`
    const send = WebSocket.prototype.send;
    afterEach(() => {
      WebSocket.prototype.send = send;
    });

    it('a server that floods pusher:ping and reads nothing does not pile up pongs in the client', async () => {
      // What the client's socket holds unsent each time it sends a pong, observed on ws itself
      // (by hand: a sinon spy records a stack per call, too slow for 200,000 calls).
      let mostUnsent = 0;
      let pongs = 0;
      WebSocket.prototype.send = function (this: WebSocket, ...args: Parameters<WebSocket['send']>): void {
        if (typeof args[0] === 'string' && args[0].includes('"pusher:pong"')) {
          pongs++;
          mostUnsent = Math.max(mostUnsent, this.bufferedAmount);
        }
        send.apply(this, args);
      } as WebSocket['send'];
      const client = clients.public(fake.tap);
      const executions = client.executions('BTCJPY');
      await executions.ready;
      fake.tap.stopReading();
      const ping = JSON.stringify({ event: 'pusher:ping', data: '{}' });
      const flood = 200_000; // ~8 MB of pongs to answer them all: more than the kernel's socket buffers hold
      for (let i = 0; i < flood; i++) fake.tap.sendRaw(ping);
      fake.tap.publish('executions_cash_btcjpy', 'created', executionStrings); // a marker: once it is read, so is every ping
      expect((await next(executions)).id).to.equal(1011880);
      expect(pongs).to.be.greaterThan(0); // pings are still answered
      expect(mostUnsent).to.be.at.most(64 * 1024);
    });
  });

  describe('no signed token and no secret in any error', () => {
    /** Asserts that an error shows neither the secret nor any part of a token the client sent. */
    function expectClean(error: unknown): void {
      expect(error).to.be.instanceOf(QuoineRealtimeError);
      const text = shown(error);
      expect(text).not.to.include(TAP_SECRET);
      expect(text).not.to.match(/eyJ/); // every JWT starts with the base64 of '{"'
      const signatures: string[] = [];
      for (const frame of fake.tap.framesOf('quoine:auth_request')) {
        const [header, payload, signature] = tokenOf(frame).split('.');
        for (const part of [header, payload, signature]) expect(text).not.to.include(part?.slice(0, 12));
        signatures.push(signature ?? '');
      }
      // No 16 characters of a signature or of the secret, as they are or base64/base64url-decoded
      // from any run of the text (at each character alignment).
      const windows = [TAP_SECRET, ...signatures].flatMap((s) =>
        Array.from({ length: Math.max(0, s.length - 15) }, (_, i) => s.slice(i, i + 16)),
      );
      const decoded = [...text.matchAll(/[A-Za-z0-9+/_-]{16,}/g)].flatMap(([run]) =>
        [0, 1, 2, 3].map((skip) => Buffer.from(run.slice(skip), 'base64').toString('latin1')),
      );
      expect(
        windows.find((w) => text.includes(w)),
        'part of a signature or of the secret',
      ).to.equal(undefined);
      expect(
        windows.find((w) => decoded.some((d) => d.includes(w))),
        'an encoded signature or secret',
      ).to.equal(undefined);
    }

    const encodedEchoes: ReadonlyArray<[string, (token: string) => string]> = [
      ['the token base64-encoded', (token) => `bad ${Buffer.from(token).toString('base64')}`],
      ['the token base64url-encoded', (token) => `bad ${Buffer.from(token).toString('base64url')}`],
      [
        'the token base64-encoded inside a longer text (two bytes in)',
        (token) => `bad ${Buffer.from(`["${token}"]`).toString('base64')}`,
      ],
      [
        'the signature split by a space',
        (token) => `bad sig ${(token.split('.')[2] ?? '').slice(0, 20)} ${(token.split('.')[2] ?? '').slice(20)}`,
      ],
      [
        'the signature split by a newline',
        (token) => `bad sig ${(token.split('.')[2] ?? '').slice(0, 20)}\n${(token.split('.')[2] ?? '').slice(20)}`,
      ],
      [
        'the secret base64-encoded and split',
        () => `${Buffer.from(TAP_SECRET).toString('base64')} ${TAP_SECRET.slice(0, 16)} ${TAP_SECRET.slice(16)}`,
      ],
    ];
    for (const [what, echo] of encodedEchoes) {
      it(`auth_failure echoing ${what}`, async () => {
        fake.tap.refuseAuthWith = (request) => echo(tokenOf(request));
        const client = clients.private(fake.tap);
        const orders = client.myOrders('JPY');
        await until(() => orders.closed, 'the subscription to end');
        expect(orders.error).to.be.instanceOf(RealtimeAuthError);
        expect(orders.error?.message).to.match(/authentication refused: /);
        expectClean(orders.error);
      });

      it(`pusher:error 4001 echoing ${what}`, async () => {
        const client = clients.private(fake.tap);
        const orders = client.myOrders('JPY');
        await orders.ready;
        fake.tap.sendError(4001, echo(tokenOf(fake.tap.framesOf('quoine:auth_request')[0] as ClientFrame)));
        await until(() => orders.closed, 'the subscription to end');
        expect(orders.error).to.be.instanceOf(RealtimeProtocolError);
        expectClean(orders.error);
      });
    }

    it('auth_failure echoing the whole auth request and the secret', async () => {
      fake.tap.refuseAuthWith = (request) => `bad request ${JSON.stringify(request)} signed with ${TAP_SECRET}`;
      const client = clients.private(fake.tap);
      const orders = client.myOrders('JPY');
      await until(() => orders.closed, 'the subscription to end');
      expect(orders.error).to.be.instanceOf(RealtimeAuthError);
      expect(orders.error?.message).to.match(/authentication refused: bad request/);
      expectClean(orders.error);
    });

    it('auth_failure echoing the token split across JSON escapes and line breaks', async () => {
      fake.tap.refuseAuthWith = (request) => {
        const [h, p, s] = tokenOf(request).split('.');
        return `header=${h}\npayload=${p}\nsig=${s}`;
      };
      const client = clients.private(fake.tap);
      const orders = client.myOrders('JPY');
      await until(() => orders.closed, 'the subscription to end');
      expectClean(orders.error);
    });

    it('pusher:error 4001 echoing the token and the secret', async () => {
      const client = clients.private(fake.tap);
      const orders = client.myOrders('JPY');
      await orders.ready;
      const token = tokenOf(fake.tap.framesOf('quoine:auth_request')[0] as ClientFrame);
      fake.tap.sendError(4001, `refused ${token} / ${TAP_SECRET}`);
      await until(() => orders.closed, 'the subscription to end');
      expect(orders.error).to.be.instanceOf(RealtimeProtocolError);
      expectClean(orders.error);
    });

    it('a close reason carrying the start of the token (a reason holds only 123 bytes)', async () => {
      const client = clients.private(fake.tap, { reconnect: false });
      const orders = client.myOrders('JPY');
      await orders.ready;
      const token = tokenOf(fake.tap.framesOf('quoine:auth_request')[0] as ClientFrame);
      const cut = token.slice(0, token.lastIndexOf('.') + 4); // header.payload.abc: too short a third part to look like a JWT
      expect(Buffer.byteLength(cut)).to.be.at.most(123);
      fake.tap.closeWith(4500, cut);
      await until(() => orders.closed, 'the subscription to end');
      expect(orders.error).to.be.instanceOf(RealtimeConnectionError);
      expectClean(orders.error);
    });

    it('an unreadable frame and a non-fatal pusher:error echoing the token, on the error event', async () => {
      const client = clients.private(fake.tap);
      const errors: QuoineRealtimeError[] = [];
      client.on('error', (e) => errors.push(e));
      await client.myOrders('JPY').ready;
      const token = tokenOf(fake.tap.framesOf('quoine:auth_request')[0] as ClientFrame);
      fake.tap.sendRaw(`<html>proxy error for X-Quoine-Auth: ${token} (${TAP_SECRET})</html>`);
      fake.tap.sendError(1, `${TAP_SECRET} ${token}`);
      await until(() => errors.length === 2, 'two error events');
      for (const e of errors) expectClean(e);
    });

    it('a decode failure whose message quotes a value that is the token', async () => {
      const client = clients.private(fake.tap);
      const errors: QuoineRealtimeError[] = [];
      const orders = client.myOrders('JPY');
      await orders.ready;
      const token = tokenOf(fake.tap.framesOf('quoine:auth_request')[0] as ClientFrame);
      orders.on('error', (e) => errors.push(e));
      fake.tap.publish(
        'user_account_jpy_orders',
        'updated',
        JSON.stringify({ id: token, quantity: TAP_SECRET, price: token }),
      );
      await until(() => orders.closed, 'the subscription to end');
      expect(errors).to.have.length(1);
      expectClean(errors[0]);
    });
  });
});
