// Slow clients, bad request targets and what gets logged (issue 11).
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { connect } from 'node:net';
import { logText } from '../../../lib/sandbox/server/log-text.js';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { call, httpClient, nextNonce, startTestSandbox } from './helpers.js';

/** Writes `text` on a raw socket and never more; resolves with all the server sent once it closes. */
function stall(sandbox: Sandbox, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(sandbox.port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

/** Characters that must never reach a log line raw: C0/C1 controls, line separators, bidi overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('sandbox slow clients, request targets and logs (issue 11)', () => {
  const running: Sandbox[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
  });
  const start = async (options: Parameters<typeof startTestSandbox>[0] = {}) => {
    const sandbox = await startTestSandbox(options);
    running.push(sandbox);
    return sandbox;
  };

  describe('timeouts', () => {
    it('cuts a client that never finishes its headers (slowloris) with 408 after headersTimeoutSeconds', async () => {
      const sandbox = await start({ headersTimeoutSeconds: 0.3, requestTimeoutSeconds: 0.6 });
      const received = await stall(sandbox, 'GET /products HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      expect(received).to.match(/^HTTP\/1\.1 408 /);
    });

    it('cuts a client that never finishes its body with 408 after requestTimeoutSeconds', async () => {
      const sandbox = await start({ headersTimeoutSeconds: 0.3, requestTimeoutSeconds: 0.6 });
      const received = await stall(
        sandbox,
        'POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"order":',
      );
      expect(received).to.match(/^HTTP\/1\.1 408 /);
      expect(sandbox.stats().inFlight).to.equal(0);
    });

    it("defaults to 30 s for a request and 10 s for headers, far below Node's 5 minutes", async () => {
      const sandbox = await start();
      expect(sandbox.httpServer.requestTimeout).to.equal(30_000);
      expect(sandbox.httpServer.headersTimeout).to.equal(10_000);
    });

    it('refuses timeouts that are not a number of seconds, or headers longer than the request', async () => {
      for (const options of [
        { requestTimeoutSeconds: 0 },
        { requestTimeoutSeconds: Number.NaN },
        { headersTimeoutSeconds: -1 },
        { requestTimeoutSeconds: 5, headersTimeoutSeconds: 6 },
      ]) {
        let error: unknown;
        try {
          await start(options);
        } catch (e) {
          error = e;
        }
        expect(error, JSON.stringify(options))
          .to.be.instanceOf(RangeError)
          .and.have.property('message')
          .that.matches(/TimeoutSeconds/);
      }
    });
  });

  describe('request targets', () => {
    // Targets the URL parser cannot read (an invalid port or host after `//`, a bad absolute form)
    // answered 500; `*` and other non-path targets are not the API's.
    for (const [target, status] of [
      ['//x:99999/orders', 404],
      ['//[zz]/', 404],
      ['http://[::1/orders', 400],
      ['*', 400],
      ['http://x:99999/orders', 400],
    ] as const) {
      it(`answers ${status} to the target ${target}, never 500`, async () => {
        const sandbox = await start();
        const received = await stall(sandbox, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        expect(received).to.match(new RegExp(`^HTTP/1\\.1 ${status} `));
        if (status === 400) expect(received).to.include('{"message":"Bad Request: invalid request target"}');
        expect(sandbox.warnings.join('\n')).to.not.include('internal error');
      });
    }
  });

  describe('logs', () => {
    it('never logs an unverified token_id, however it is written', async () => {
      const sandbox = await start();
      const client = httpClient(sandbox);
      const hostile = 'x\n[sandbox] token 1 verified\u001b[2J\r\u2028\u202e';
      const payload = Buffer.from(JSON.stringify({ token_id: hostile, nonce: 1, path: '/accounts/balance' })).toString(
        'base64url',
      );
      const response = await client('accounts/balance', {
        headers: { 'X-Quoine-API-Version': undefined, 'X-Quoine-Auth': `eyJhbGciOiJub25lIn0.${payload}.` },
      });
      expect(response.statusCode).to.equal(401);
      expect(sandbox.warnings.join('\n')).to.not.include('[sandbox] token 1 verified');
      for (const line of sandbox.warnings) expect(line).to.not.match(UNSAFE);
    });

    it('escapes what a verified request puts in a warning (a path claim with control characters)', async () => {
      const sandbox = await start();
      const user = sandbox.createToken({});
      const claim = 'accounts/balance#\u001b[31m\r\nFAKE LINE\u2028\u202e';
      const token = jwt.sign({ token_id: user.tokenId, nonce: Number(nextNonce()), path: claim }, user.secret, {
        noTimestamp: true,
      });
      expect((await call(httpClient(sandbox), 'GET', '/accounts/balance', { token })).statusCode).to.equal(200);
      const warning = sandbox.warnings.find((line) => line.includes('path claim'));
      expect(warning).to.be.a('string').and.include('\\u001b[31m\\r\\nFAKE LINE\\u2028\\u202e');
      for (const line of sandbox.warnings) expect(line).to.not.match(UNSAFE);
    });

    it('logText quotes, escapes and bounds request data', () => {
      expect(logText('a"b\\c\n\r\t\u0000\u001b\u007f\u0085\u2028\u2029\u202e\u2066\ufeff')).to.equal(
        '"a\\"b\\\\c\\n\\r\\t\\u0000\\u001b\\u007f\\u0085\\u2028\\u2029\\u202e\\u2066\\ufeff"',
      );
      expect(logText('x'.repeat(10_000))).to.have.length(203);
      expect(logText('\ud800')).to.equal('"\\ud800"');
    });
  });
});
