/**
 * The realtime URL rule, REST's `http:` rule applied to websockets: `wss:` anywhere, plain `ws:`
 * only to a loopback host (the sandbox), since the feed carries the signed auth token.
 * @module
 */
import { QuoineRequestError } from '../core/errors.js';
import { isLoopbackHost } from '../core/loopback.js';

/** Returns `value` when it is a usable Tap URL; throws a {@link QuoineRequestError} naming the problem. */
export function checkTapUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) {
    throw new QuoineRequestError(`url must be a ws:// or wss:// URL, got ${JSON.stringify(value)}`, 'url');
  }
  if (url.protocol === 'ws:' && !isLoopbackHost(url.hostname)) {
    throw new QuoineRequestError(
      `url ${url.origin} is plain ws: the feed and the signed auth token would travel unencrypted; use wss (ws is allowed only on loopback, e.g. the sandbox)`,
      'url',
    );
  }
  if (url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new QuoineRequestError('url must not carry a fragment or credentials', 'url');
  }
  return value;
}
