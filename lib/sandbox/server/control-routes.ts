import type { FaultInjector, FaultSpec } from './faults.js';
import { jsonResponse, messageResponse, type SandboxResponse } from './responses.js';

/**
 * Loopback-only control routes, for tests written in another language or process:
 * - `POST /__sandbox/faults` with a {@link FaultSpec} as JSON (`path` as a string pattern) adds a fault;
 * - `DELETE /__sandbox/faults` clears them; `GET /__sandbox/faults` tells how many uses are left.
 * Not part of the exchange's API; never rate-limited, never faulted.
 */
export function controlRoutes(faults: FaultInjector): (method: string, path: string, bodyText: string) => SandboxResponse | undefined {
  return (method, path, bodyText) => {
    if (path.replace(/\/$/, '') !== '/__sandbox/faults') return undefined;
    if (method === 'DELETE') {
      faults.clear();
      return jsonResponse({ remaining: 0 });
    }
    if (method === 'GET') return jsonResponse({ remaining: faults.remaining });
    if (method !== 'POST') return undefined;
    try {
      const spec = JSON.parse(bodyText) as FaultSpec;
      if (typeof spec !== 'object' || spec === null || typeof spec.kind !== 'string') throw new TypeError('a fault needs a kind');
      faults.add(spec);
      return jsonResponse({ remaining: faults.remaining });
    } catch (error) {
      return messageResponse(400, error instanceof Error ? error.message : 'invalid fault');
    }
  };
}
