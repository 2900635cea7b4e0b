import type { IncomingHttpHeaders } from 'node:http';

/**
 * Why a request to a control route (`/__sandbox/...`) must be refused as one a web browser could
 * have sent on behalf of a page the user is visiting, or `undefined` when it may proceed. Control
 * routes change how the sandbox answers everyone, and a page can POST `text/plain` anywhere without
 * a CORS preflight; so a control request must look like one from a test process:
 * - its `Host` is a loopback name (`127.0.0.1`, `localhost`, `[::1]`: a DNS-rebound page has its own host name);
 * - it has no `Origin`, or a loopback one (a page elsewhere always sends its origin on POST);
 * - `Sec-Fetch-Site`, when sent, is `same-origin` or `none` (`cross-site`/`same-site` come from pages);
 * - a body is `application/json` (the simple, preflight-free types `text/plain`, forms, are refused).
 */
export function browserRequestRefusal(method: string, headers: IncomingHttpHeaders): string | undefined {
  if (!isLoopbackHost(headers.host)) return 'the Host header is not a loopback address';
  const origin = headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return 'cross-origin requests are refused';
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site requests are refused';
  if (method !== 'GET' && method !== 'DELETE' && !isJson(headers['content-type']))
    return 'the body must be sent as application/json';
  return undefined;
}

function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = /^(\[[^\]]*\]|[^:]*)(?::\d{1,5})?$/.exec(host.trim().toLowerCase())?.[1];
  return name !== undefined && (name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name));
}

function isLoopbackOrigin(origin: string): boolean {
  const match = /^https?:\/\/([^/]+)$/i.exec(origin.trim());
  return match?.[1] !== undefined && isLoopbackHost(match[1]);
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType.trim());
}
