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

/** Answers 404 on a raw upgrade socket and destroys it. */
export function refuseUpgrade(socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nNot Found');
}
