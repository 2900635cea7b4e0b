/** The setup the realtime specs share: a fresh fake Tap per test, and every client closed after it. */
import { Clients } from './clients.js';
import { FakeTap } from './fake-tap.js';

/** What {@link useFakeTap} gives a `describe` block. */
export interface FakeTapFixture {
  /** This test's server (started in `beforeEach`, closed in `afterEach`). */
  readonly tap: FakeTap;
  /** Makes clients of it; each is closed after the test, before the server. */
  readonly clients: Clients;
}

/**
 * Registers, in the calling `describe`, a `beforeEach` that starts a {@link FakeTap} on a free
 * loopback port and an `afterEach` that closes every client made through `clients`, then the server.
 */
export function useFakeTap(): FakeTapFixture {
  const clients = new Clients();
  let current: FakeTap | undefined;
  beforeEach(async () => {
    current = await FakeTap.start();
  });
  afterEach(async () => {
    await clients.closeAll();
    await current?.close();
    current = undefined;
  });
  return {
    get tap(): FakeTap {
      if (!current) throw new Error('the fake tap exists only inside a test');
      return current;
    },
    clients,
  };
}
