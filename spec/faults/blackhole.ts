/**
 * A loopback port whose TCP accept queue is full, so a new connection hangs in the handshake:
 * the only way to produce a genuine connect timeout without leaving the machine. A python3
 * listener with backlog 0 that never accepts, and one connection that fills its queue.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** The stuck port, and how to release it. */
export interface Blackhole {
  readonly url: string;
  close(): void;
}

/** Starts a blackhole on 127.0.0.1. */
export async function startBlackhole(): Promise<Blackhole> {
  const script =
    'import socket,time\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(600)';
  const child: ChildProcess = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
  });
  // One completed handshake fills the queue; every later SYN is dropped.
  const filler = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    filler.once('connect', resolve);
    filler.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      filler.destroy();
      child.kill();
    },
  };
}
