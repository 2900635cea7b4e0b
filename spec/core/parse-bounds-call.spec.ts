/**
 * A body beyond the lossless parser's bounds (more values or deeper nesting than any response of
 * the API) fails its call once, with an error that names the bound: asking again would bring the
 * same body, so even a read is not retried.
 */
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineResponseError } from '../../lib/core/errors.js';
import { MAX_JSON_DEPTH, MAX_JSON_VALUES } from '../../lib/core/json.js';
import { rejection } from '../helpers/rejection.js';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

const BODIES = {
  'too many values': { body: `[${'0,'.repeat(MAX_JSON_VALUES)}0]`, names: /more than 1000000 values/ },
  'nested too deep': {
    body: `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`,
    names: /deeper than 64 levels/,
  },
} as const;

describe('a response beyond the parse bounds', () => {
  let server: LoopbackServer;
  let body = '';
  before(async () => {
    server = await startLoopbackServer(() => ({ status: 200, body, headers: { 'content-type': 'application/json' } }));
  });
  after(() => server.close());

  for (const [name, { body: text, names }] of Object.entries(BODIES)) {
    it(`${name}: one request, a QuoineResponseError naming the bound`, async () => {
      body = text;
      server.requests.length = 0;
      const client = new Quoine({ baseUrl: server.url, rateLimit: false, maxRetries: 2 });
      try {
        const error = await rejection(client.products.list());
        expect(error).to.be.instanceOf(QuoineResponseError);
        expect(error.message).to.match(names);
        expect(server.requests).to.have.length(1);
      } finally {
        await client.close();
      }
    });
  }
});
