/**
 * Which hosts are this machine. Unencrypted transports (`http:` for REST, `ws:` for the realtime
 * feed) are allowed only to them: anywhere else, signed tokens would cross a network in clear.
 * @module
 */

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Whether a URL's `hostname` is loopback: `localhost`, 127.0.0.0/8 or `[::1]`. Give it the
 * `hostname` of a WHATWG `URL`, which has already lower-cased names and normalised IP addresses
 * (`127.1` → `127.0.0.1`, `[0:0:0:0:0:0:0:1]` → `[::1]`).
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}
