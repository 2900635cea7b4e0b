/**
 * Which upgrade requests are tap sockets: the path `/app/<key>` with any key and any query
 * (Liquid Tap ignored both, quoine-api.md §8.1). Others get a 404 and lose their socket.
 * @module
 */
import type { Duplex } from 'node:stream';

const TAP_PATH = /^\/app\/[^/?#]+\/?(?:\?.*)?$/;

/** Whether a request target is `/app/<key>`, optionally with a query. */
export function isTapPath(url: string | undefined): boolean {
  return url !== undefined && TAP_PATH.test(url);
}

/** Answers `status` (404 by default: not a tap path) on a raw upgrade socket and destroys it. */
export function refuseUpgrade(socket: Duplex, status: 404 | 503 = 404): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const reason = status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`,
  );
}
