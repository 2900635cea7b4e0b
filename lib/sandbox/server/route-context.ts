import type { Exchange } from '../exchange/index.js';
import type { Catalogue } from './catalogue.js';
import type { Params } from './params.js';
import type { Profile } from '../profile.js';
import { HttpError, textResponse } from './responses.js';
import { AUTH_FAILED_TEXT } from '../settings.js';

/** What every handler gets: the exchange, the server-wide profile, the request's parameters. */
export interface RouteContext {
  readonly exchange: Exchange;
  readonly catalogue: Catalogue;
  readonly profile: Profile;
  /** `profile === 'liquid'`: the switch every serializer takes. */
  readonly liquid: boolean;
  /** Decoded path parameters (`{id}` → `params.id`). */
  readonly path: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The JSON body (numbers as source text), plus query parameters for non-GET requests. */
  readonly params: Params;
  /** The caller's user (private routes only). */
  readonly userId: number | undefined;
}

/** The authenticated caller's user id; only private routes call this. */
export function callerId(context: RouteContext): number {
  if (context.userId === undefined) throw new HttpError(textResponse(401, AUTH_FAILED_TEXT));
  return context.userId;
}

/** A numeric path parameter, or 404 with `message` (an id that cannot exist is simply not found). */
export function pathId(context: RouteContext, name: string, message: string): number {
  const text = context.path[name] ?? '';
  if (!/^\d{1,15}$/.test(text)) throw HttpError.notFound(message);
  return Number(text);
}
