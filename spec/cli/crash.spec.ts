/**
 * A crash of the `quoine` command (an uncaught exception or unhandled rejection, as a hostile
 * server can trip one) prints ONE line `quoine: error: internal error: …` and exits 1: no dump of
 * the error object, no signed token (JWT) and no secret anywhere; the stack only with --debug,
 * scrubbed too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { redactorFor } from '../../lib/core/scrub.js';
import { crashHandler, describeCrash, secretsOf } from '../../lib/cli/crash.js';
import { runCli } from './run-cli.js';

const SECRET = 'hostile-spec-secret-0123456789abcdef';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJwYXRoIjoiL29yZGVycyJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

describe('quoine crashes with one scrubbed line', function () {
  this.timeout(60_000);

  describe('against a server that sends trailing garbage after a response', () => {
    let server: Server;
    let url: string;
    before(async () => {
      server = createServer((_request, response) => {
        response.socket?.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n[]garbage');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    for (const debug of [false, true]) {
      it(`a signed call prints one error line${debug ? ' (and a scrubbed stack with --debug)' : ''}, no token, no secret, exit 1`, async () => {
        const result = await runCli(['orders', '--base-url', url, ...(debug ? ['--debug'] : [])], {
          QUOINE_TOKEN_ID: '1',
          QUOINE_SECRET: SECRET,
        });
        const all = result.stdout + result.stderr;
        expect(result.code, all).to.equal(1);
        expect(all, 'no signed token').not.to.include('eyJ');
        expect(all, 'no secret').not.to.include(SECRET);
        const lines = result.stderr.trimEnd().split('\n');
        expect(lines[0], result.stderr).to.match(/^quoine: error: /);
        if (!debug) expect(lines, result.stderr).to.have.length(1);
        else
          expect(
            lines.slice(1).every((l) => /^\s+at |^\w*Error/.test(l)),
            'only the stack follows',
          ).to.equal(true);
      });
    }
  });

  describe('the handler', () => {
    const redact = redactorFor([SECRET]);
    const hostile = (): Error => {
      const error = new Error(`boom\nechoed ${JWT} and ${SECRET}\nsecond line`);
      error.stack = `Error: boom ${JWT}\n    at somewhere (file.js:1:1) ${SECRET}`;
      return error;
    };

    it('reports an uncaught error as one scrubbed line and exits 1', () => {
      const written: string[] = [];
      const exits: number[] = [];
      const handler = crashHandler(false, redact, { write: (t) => written.push(t), exit: (c) => exits.push(c) });
      handler(hostile());
      expect(written).to.have.length(1);
      expect(written[0]).to.equal('quoine: error: internal error: boom echoed [redacted] and [redacted] second line\n');
      expect(exits).to.deep.equal([1]);
    });

    it('with --debug adds the stack, scrubbed', () => {
      const text = describeCrash(hostile(), true, redact);
      expect(text.split('\n')).to.have.length(3);
      expect(text).not.to.include('eyJ').and.not.to.include(SECRET);
      expect(text).to.include('at somewhere (file.js:1:1) [redacted]');
    });

    it('reports a rejection with a non-Error reason, and a huge message is cut', () => {
      expect(describeCrash(`x${'y'.repeat(10_000)}`, false, redact)).to.match(
        /^quoine: error: internal error: xy+… \(truncated, 10001 characters\)$/,
      );
    });

    it('knows the secrets of --secret, --secret= and QUOINE_SECRET', () => {
      expect(
        secretsOf(['node', 'main', '--secret', 'a-flag-secret', '--secret=an-equals-secret'], {
          QUOINE_SECRET: 'an-env-secret',
        }),
      ).to.have.members(['a-flag-secret', 'an-equals-secret', 'an-env-secret']);
    });

    it('knows the passwords of --redis, --redis= and QUOINE_REDIS_URL, as written and decoded', () => {
      expect(
        secretsOf(['node', 'main', '--redis', 'redis://:flag-pw@h:1', '--redis=rediss://u:eq%40pw@h:2'], {
          QUOINE_REDIS_URL: 'redis://:env-pw@h:3',
        }),
      ).to.have.members(['flag-pw', 'flag-pw', 'eq%40pw', 'eq@pw', 'env-pw', 'env-pw']);
      expect(secretsOf(['node', 'main', '--redis', 'redis://h:1', '--redis', 'not a url'], {})).to.deep.equal([]);
    });
  });
});
