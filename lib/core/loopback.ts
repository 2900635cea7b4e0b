/**
 * Which hosts are this machine. Unencrypted transports (`http:` for REST, `ws:` for the realtime
 * feed) are allowed only to them: anywhere else, signed tokens would cross a network in clear.
 * @module
 */

/** `localhost`, 127.0.0.0/8, `[::1]`, and 127.0.0.0/8 mapped into IPv6 (`[::ffff:7f00:1]`). */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\])$/;

/**
 * Whether a URL's `hostname` is loopback: `localhost`, 127.0.0.0/8 or `[::1]`. Give it the
 * `hostname` of a WHATWG `URL`, which has already lower-cased names and normalised IP addresses
 * (`127.1` → `127.0.0.1`, `[0:0:0:0:0:0:0:1]` → `[::1]`).
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/**
 * Whether a host as a person types it (`127.0.0.1`, `::1`, `[::1]`, `localhost`, a name) is
 * loopback: normalised the way a URL would be, then {@link isLoopbackHost}.
 */
export function isLoopbackAddress(host: string): boolean {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  try {
    return isLoopbackHost(new URL(`http://${bracketed}`).hostname);
  } catch {
    return false;
  }
}
