// The fault-control route (issue 11): a web page the user visits cannot drive it, and no fault
// pattern can block the server.
import { expect } from 'chai';
import sinon from 'sinon';
import fc from 'fast-check';
import got, { type Got } from 'got';
import { request as httpRequest } from 'node:http';
import { parseFaultSpec } from '../../../lib/sandbox/server/control-routes.js';
import {
  FaultInjector,
  MAX_FAULT_BODY_SCAN,
  MAX_PENDING_FAULTS,
  globMatches,
} from '../../../lib/sandbox/server/faults.js';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { call, httpClient, startTestSandbox } from './helpers.js';
import { runs } from '../../helpers/property-runs.js';

/** A raw request with exactly the given headers (got would add its own Host, Content-Type…). */
function rawRequest(
  sandbox: Sandbox,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: sandbox.port, method, path, headers, setHost: false },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('sandbox fault-control route (issue 11)', () => {
  let sandbox: Sandbox;
  let client: Got;
  const fault = JSON.stringify({ path: '/products', kind: 'status', status: 503, times: 1000 });

  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: false });
    client = httpClient(sandbox);
  });
  afterEach(() => sandbox.faults.clear());
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  describe('refuses what a browser could send for a page on another origin', () => {
    const host = (): string => `127.0.0.1:${sandbox.port}`;
    const refused = async (headers: Record<string, string>, method = 'POST'): Promise<void> => {
      const response = await rawRequest(sandbox, method, '/__sandbox/faults', headers, method === 'POST' ? fault : '');
      expect(response.status, JSON.stringify(headers)).to.be.oneOf([403, 400]); // 400: Node itself refuses HTTP/1.1 without Host
      expect(sandbox.faults.remaining).to.equal(0);
      expect((await call(client, 'GET', '/products')).statusCode).to.equal(200);
    };

    it('a text/plain or form POST (no CORS preflight)', async () => {
      await refused({ Host: host(), 'Content-Type': 'text/plain' });
      await refused({ Host: host(), 'Content-Type': 'application/x-www-form-urlencoded' });
      await refused({ Host: host(), 'Content-Type': 'multipart/form-data; boundary=x' });
      await refused({ Host: host() });
    });

    it('an Origin that is not a loopback one, even with a JSON body', async () => {
      await refused({ Host: host(), 'Content-Type': 'application/json', Origin: 'https://evil.example' });
      await refused({ Host: host(), 'Content-Type': 'application/json', Origin: 'null' });
      await refused({ Host: host(), Origin: 'https://evil.example' }, 'DELETE');
    });

    it('Sec-Fetch-Site cross-site or same-site', async () => {
      await refused({ Host: host(), 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' });
      await refused({ Host: host(), 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-site' });
    });

    it('a Host that is not a loopback name (a DNS-rebound page)', async () => {
      await refused({ Host: `evil.example:${sandbox.port}`, 'Content-Type': 'application/json' });
      await refused({ 'Content-Type': 'application/json' });
    });

    it('still serves a test process: JSON body, loopback Host, no Origin or a loopback one', async () => {
      const direct = await rawRequest(
        sandbox,
        'POST',
        '/__sandbox/faults',
        { Host: host(), 'Content-Type': 'application/json; charset=utf-8' },
        JSON.stringify({ path: '/fees', kind: 'status', status: 503 }),
      );
      expect(direct).to.deep.equal({ status: 200, body: '{"remaining":1}' });
      const fromLoopbackPage = await rawRequest(sandbox, 'GET', '/__sandbox/faults', {
        Host: `localhost:${sandbox.port}`,
        Origin: `http://localhost:${sandbox.port}`,
        'Sec-Fetch-Site': 'same-origin',
      });
      expect(fromLoopbackPage).to.deep.equal({ status: 200, body: '{"remaining":1}' });
    });
  });

  describe('fault patterns', () => {
    it('matches a pattern built for catastrophic backtracking against a long URL at once', async () => {
      const control = got.extend({ prefixUrl: sandbox.url, retry: { limit: 0 }, throwHttpErrors: false });
      const pattern = `/${'*a'.repeat(60)}*b`;
      expect(
        (await control.post('__sandbox/faults', { json: { path: pattern, kind: 'status', status: 503 } })).statusCode,
      ).to.equal(200);
      const long = await client('a'.repeat(8000));
      expect(long.statusCode).to.equal(404); // the fault did not match, and the server answered
      expect(globMatches(pattern, `/${'a'.repeat(100_000)}`)).to.equal(false);
      expect(globMatches(pattern, `/${'a'.repeat(100_000)}b`)).to.equal(true);
    });

    it('matches * as any run of characters, exactly as a regular expression would (property, seed recorded)', () => {
      const reference = (pattern: string, text: string): boolean =>
        new RegExp(
          `^${pattern
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
          's',
        ).test(text);
      fc.assert(
        fc.property(
          fc.stringMatching(/^[ab*/]{0,8}$/),
          fc.stringMatching(/^[ab/]{0,12}$/),
          (pattern, text) => globMatches(pattern, text) === reference(pattern, text),
        ),
        runs(2000),
      );
    });

    it('refuses a pattern or body text over 256 characters, and more than the pending bound', () => {
      const faults = new FaultInjector();
      expect(() => faults.add({ path: `/${'x'.repeat(256)}`, kind: 'reset-before' })).to.throw(RangeError, /256/);
      expect(() => faults.add({ bodyContains: 'y'.repeat(257), kind: 'reset-before' })).to.throw(RangeError, /256/);
      for (let i = 0; i < MAX_PENDING_FAULTS; i += 1) faults.add({ kind: 'reset-before' });
      expect(() => faults.add({ kind: 'reset-before' })).to.throw(RangeError, /pending/);
      expect(faults.size).to.equal(MAX_PENDING_FAULTS);
    });

    it('bounds what one request costs to match, however many faults wait and however large its body', () => {
      // The reviewer's attack: every pending fault searched a whole 1 MB body on every request (9.9 s stall).
      expect(MAX_PENDING_FAULTS * MAX_FAULT_BODY_SCAN).to.be.at.most(64 * 1024 * 1024);
      const faults = new FaultInjector();
      faults.add({ bodyContains: 'needle', kind: 'reset-before' });
      const body = `${'b'.repeat(MAX_FAULT_BODY_SCAN)}needle`;
      expect(faults.take('POST', '/nope', body), 'text past the scanned prefix').to.equal(undefined);
      expect(faults.take('POST', '/nope', `needle${body}`)?.kind).to.equal('reset-before');
      // A fault whose method or path does not match never searches the body.
      const guarded = new FaultInjector();
      guarded.add({ method: 'POST', path: '/orders', bodyContains: 'x', kind: 'reset-before' });
      const includes = sinon.spy(String.prototype, 'includes');
      try {
        guarded.take('GET', '/orders', 'x');
        guarded.take('POST', '/products', 'x');
        expect(includes.callCount).to.equal(0);
      } finally {
        includes.restore();
      }
    });

    it('keys a fault to one request by a text of its body', () => {
      const faults = new FaultInjector();
      faults.add({ method: 'POST', path: '/orders', bodyContains: '"quantity":"0.0017"', kind: 'status', status: 503 });
      expect(faults.take('POST', '/orders', '{"quantity":"0.0018"}')).to.equal(undefined);
      expect(faults.take('POST', '/orders', '{"quantity":"0.0017"}')?.kind).to.equal('status');
    });
  });

  describe('fault JSON', () => {
    it('names the field that is wrong', () => {
      expect(() => parseFaultSpec({ kind: 'status' })).to.throw(TypeError, /needs a status/);
      expect(() => parseFaultSpec({ kind: 'explode' })).to.throw(TypeError, /kind must be one of/);
      expect(() => parseFaultSpec({ kind: 'delay', ms: 1e12 })).to.throw(TypeError, /ms must be/);
      expect(() => parseFaultSpec({ kind: 'status', status: 503, path: /x/ })).to.throw(TypeError, /path must be/);
      expect(() => parseFaultSpec({ kind: 'status', status: 503, extra: 1 })).to.throw(
        TypeError,
        /unknown fault field "extra"/,
      );
      expect(() => parseFaultSpec([])).to.throw(TypeError, /JSON object/);
      expect(parseFaultSpec({ kind: 'status', status: 503, path: '/orders/*', times: 2 })).to.deep.equal({
        kind: 'status',
        status: 503,
        path: '/orders/*',
        times: 2,
      });
    });
  });
});
