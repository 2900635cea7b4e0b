import { inspect } from 'node:util';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { Quoine } from '../lib/client.js';
import { QuoineRequestError } from '../lib/core/errors.js';
import { VERSION } from '../lib/version.js';

describe('Quoine client options', () => {
  it('has the presets and defaults to the embedded sandbox', () => {
    expect(Quoine.QUOINEX).to.equal('https://api.quoine.com');
    expect(Quoine.QRYPTOS).to.equal('https://api.qryptos.com');
    expect(Quoine.LIQUID).to.equal('https://api.liquid.com');
    expect(new Quoine().baseUrl).to.equal('http://127.0.0.1:3000');
    expect(new Quoine({ baseUrl: Quoine.LIQUID }).baseUrl).to.equal('https://api.liquid.com');
    expect(new Quoine({ baseUrl: 'https://example.test/api/' }).baseUrl).to.equal('https://example.test/api');
  });

  it('refuses plain http except on loopback', () => {
    for (const ok of ['http://127.0.0.1:3000', 'http://localhost:1', 'http://[::1]:8080', 'http://127.5.5.5'])
      expect(() => new Quoine({ baseUrl: ok }), ok).not.to.throw();
    expect(() => new Quoine({ baseUrl: 'http://api.quoine.com' })).to.throw(QuoineRequestError, /plain http/);
    expect(() => new Quoine({ baseUrl: 'http://10.0.0.1' })).to.throw(QuoineRequestError, /plain http/);
    expect(() => new Quoine({ baseUrl: 'ftp://x' })).to.throw(QuoineRequestError, /https/);
    expect(() => new Quoine({ baseUrl: 'not a url' })).to.throw(QuoineRequestError, /not a URL/);
    expect(() => new Quoine({ baseUrl: 'https://user:pw@x.test' })).to.throw(QuoineRequestError, /credentials/);
  });

  it('needs tokenId and secret together, and validates numbers', () => {
    expect(() => new Quoine({ tokenId: 1 })).to.throw(QuoineRequestError, /go together/);
    expect(() => new Quoine({ secret: 's' })).to.throw(QuoineRequestError, /go together/);
    expect(() => new Quoine({ tokenId: 1, secret: '' })).to.throw(QuoineRequestError, /secret/);
    expect(() => new Quoine({ timeout: 0 })).to.throw(QuoineRequestError, /timeout/);
    expect(() => new Quoine({ maxRetries: -1 })).to.throw(QuoineRequestError, /maxRetries/);
    expect(() => new Quoine({ rateLimit: { requests: 0, intervalMs: 1 } })).to.throw(QuoineRequestError, /rateLimit/);
    expect(new Quoine({ tokenId: undefined, secret: undefined }).authenticated).to.equal(false);
    expect(new Quoine({ tokenId: '12', secret: 's' }).authenticated).to.equal(true);
  });

  it('keeps the secret out of inspect and JSON', () => {
    const client = new Quoine({ tokenId: 77, secret: 'do-not-print-me' });
    expect(inspect(client, { depth: 20, showHidden: true })).not.to.include('do-not-print-me');
    expect(JSON.stringify(client)).not.to.include('do-not-print-me');
  });

  it('points client.realtime at the sandbox feed for a loopback base URL, and at Liquid Tap otherwise', async () => {
    const local = new Quoine({ baseUrl: 'http://127.0.0.1:4567' });
    expect(local.realtime.url).to.equal('ws://127.0.0.1:4567/app/LiquidTapClient');
    expect(local.realtime).to.equal(local.realtime);
    expect(local.realtime.state).to.equal('disconnected');
    await local.close();
    expect(new Quoine({ baseUrl: Quoine.LIQUID }).realtime.url).to.equal('wss://tap.liquid.com/app/LiquidTapClient');
    expect(new Quoine({ tapUrl: 'ws://127.0.0.1:1/app/x' }).realtime.url).to.equal('ws://127.0.0.1:1/app/x');
    const secretive = new Quoine({ tokenId: 5, secret: 'realtime-secret-value' });
    expect(inspect(secretive.realtime, { depth: 20, showHidden: true })).not.to.include('realtime-secret-value');
    expect(inspect(secretive, { depth: 20, showHidden: true })).not.to.include('realtime-secret-value');
  });

  it('reports the package version in the User-Agent', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});
