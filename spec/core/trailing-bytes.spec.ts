/**
 * A broken server that sends bytes past the end of its response (or a body on a 204) makes the
 * HTTP parser fail after the answer was read. That late error must never crash the process: the
 * call gets its answer or a typed error, and nothing is left unhandled.
 */
import { expect } from 'chai';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Quoine } from '../../lib/client.js';
import { QuoineError } from '../../lib/core/errors.js';

const ANSWERS = {
  'garbage after a complete body':
    'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n[]garbage',
  'junk after a chunked body':
    'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n2\r\n[]\r\n0\r\n\r\nJUNK',
  'junk after an error body': 'HTTP/1.1 500 X\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}JUNK',
  'a 204 that carries a body': 'HTTP/1.1 204 No Content\r\n\r\n[]garbage',
} as const;

describe('a server that sends bytes past the end of its response', () => {
  let server: Server;
  let answer = '';
  const sockets = new Set<Socket>();
  const uncaught: unknown[] = [];
  const record = (error: unknown): void => {
    uncaught.push(error);
  };
  let closedAll: (() => void) | undefined;
  const allClosed = (): Promise<void> =>
    sockets.size === 0 ? Promise.resolve() : new Promise((resolve) => (closedAll = resolve));

  before(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        if (sockets.size === 0) closedAll?.();
      });
      socket.on('error', () => undefined);
      socket.once('data', () => socket.write(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // mocha's own handler would fail the run on an uncaught error; record it instead, to assert on it.
    process.prependListener('uncaughtException', record);
  });
  after(async () => {
    process.off('uncaughtException', record);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  for (const [name, text] of Object.entries(ANSWERS)) {
    it(`${name}: the call settles with an answer or a typed error, and the process lives`, async () => {
      answer = text;
      uncaught.length = 0;
      const client = new Quoine({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        tokenId: '42',
        secret: 'a-secret-of-some-length',
        maxRetries: 0,
        rateLimit: false,
      });
      try {
        const outcome = await client.orders.get(1).then(
          () => 'answered',
          (error: unknown) => error,
        );
        if (outcome !== 'answered') expect(outcome).to.be.instanceOf(QuoineError);
        // The parser's late error destroys the client's socket: once the server sees it closed, the error has fired.
        await allClosed();
      } finally {
        await client.close();
      }
      expect(uncaught.map(String)).to.deep.equal([]);
    });
  }
});
