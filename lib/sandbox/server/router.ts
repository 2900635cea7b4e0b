import type { WireValue } from '../wire/json.js';
import type { RouteContext } from './route-context.js';

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One endpoint: a method, a path template such as `/orders/client:{clientOrderId}/cancel`, and its handler. */
export interface Route {
  readonly method: HttpMethod;
  readonly template: string;
  /** Private endpoints need a valid `X-Quoine-Auth` token (quoine-api.md §2.2). */
  readonly auth: boolean;
  /** Synchronous on purpose: nothing can interleave between reading and mutating the exchange. */
  readonly handle: (context: RouteContext) => WireValue;
}

/** A route that matched a request, with its decoded path parameters. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledRoute {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/** A public endpoint. */
export function publicRoute(method: HttpMethod, template: string, handle: (context: RouteContext) => WireValue): Route {
  return { method, template, auth: false, handle };
}

/** A private endpoint (JWT required; the context carries the caller's user id). */
export function privateRoute(
  method: HttpMethod,
  template: string,
  handle: (context: RouteContext) => WireValue,
): Route {
  return { method, template, auth: true, handle };
}

/**
 * Matches request paths against route templates. `{name}` captures one path segment (or the rest
 * of a segment, as in `client:{id}`); every path accepts an optional trailing slash. The first
 * matching route wins, so literal paths (`/orders/cancel_all`) are registered before `{id}` ones.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  constructor(routes: readonly Route[]) {
    for (const route of routes) this.routes.push(compile(route));
  }

  /** The route for a method and a path (without query), or `undefined`. */
  match(method: string, path: string): RouteMatch | undefined {
    for (const { route, pattern, names } of this.routes) {
      if (route.method !== method) continue;
      const found = pattern.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      let decodable = true;
      for (const [index, name] of names.entries()) {
        try {
          params[name] = decodeURIComponent(found[index + 1] ?? '');
        } catch {
          decodable = false;
        }
      }
      if (decodable) return { route, params };
    }
    return undefined;
  }
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.template
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const name = /^\{([a-zA-Z]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}
