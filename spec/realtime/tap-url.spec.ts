/**
 * Plain `ws:` carries the feed and the signed auth token unencrypted: like REST's plain `http:`,
 * it is allowed only to a loopback host (the sandbox), and refused when the client is made.
 */
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { QuoineRealtime } from '../../lib/realtime/index.js';

/** The error `fn` throws. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('realtime: plain ws only to loopback', () => {
  const refused = [
    'ws://tap.liquid.com/app/LiquidTapClient',
    'ws://10.0.0.7:3000/app/LiquidTapClient',
    'ws://192.168.1.2/app',
    'ws://[2001:db8::1]:3000/app',
    'ws://[::ffff:10.0.0.1]/app',
    'ws://localhost.evil.example/app', // a name that starts like localhost
    'ws://127.0.0.1.nip.io/app', // a name that starts like 127.0.0.1
    'ws://0.0.0.0:3000/app', // every interface is not loopback
  ];
  for (const url of refused) {
    it(`refuses ${url} at construction with a QuoineRequestError naming plain ws`, () => {
      const error = thrown(() => new QuoineRealtime({ url, tokenId: '1', secret: 's' }));
      expect(error).to.be.instanceOf(QuoineRequestError);
      expect((error as QuoineRequestError).field).to.equal('url');
      expect((error as Error).message).to.match(/plain ws/);
      expect((error as Error).message).to.match(/wss/);
    });
  }

  const allowed = [
    'ws://127.0.0.1:3000/app/LiquidTapClient',
    'ws://127.8.9.10/app',
    'ws://localhost:3000/app',
    'ws://LOCALHOST:3000/app',
    'ws://[::1]:3000/app',
    'ws://[0:0:0:0:0:0:0:1]:3000/app',
    'wss://tap.liquid.com/app/LiquidTapClient',
    'wss://10.0.0.7/app',
  ];
  for (const url of allowed) {
    it(`allows ${url}`, () => {
      const tap = new QuoineRealtime({ url });
      expect(tap.state).to.equal('disconnected');
      void tap.close();
    });
  }

  it('refuses credentials and fragments in the url (ws would send or choke on them)', () => {
    for (const url of ['wss://user:pass@tap.liquid.com/app', 'ws://127.0.0.1:3000/app#x']) {
      expect(() => new QuoineRealtime({ url })).to.throw(QuoineRequestError, /url/);
    }
  });

  it('new Quoine({ tapUrl }) refuses a plain ws url to another host when the client is made, not on first use', () => {
    const error = thrown(
      () => new Quoine({ baseUrl: Quoine.LIQUID, tapUrl: 'ws://tap.liquid.com/app/LiquidTapClient' }),
    );
    expect(error).to.be.instanceOf(QuoineRequestError);
    expect((error as Error).message).to.match(/plain ws/);
  });

  it('an http baseUrl on loopback maps to a ws tap on the same host, which is allowed', async () => {
    const client = new Quoine({ baseUrl: 'http://127.0.0.1:3000' });
    expect(client.realtime.url).to.equal('ws://127.0.0.1:3000/app/LiquidTapClient');
    await client.close();
  });
});
