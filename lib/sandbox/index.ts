/**
 * `quoine/sandbox`: an embedded Quoine exchange for tests and demos. {@link startSandbox} serves the
 * REST API v2 of quoine-api.md on loopback, backed by an in-memory exchange with a seeded market
 * maker, JWT auth, the documented rate limit, both wire type profiles and fault injection.
 * @module
 */
export { startSandbox, DEMO_BALANCES, type Sandbox, type SandboxOptions } from './server/start.js';
export type { SandboxToken } from './server/auth/token-registry.js';
export { FaultInjector, type FaultAction, type FaultMatch, type FaultSpec } from './server/faults.js';
export type { Profile } from './server/profile.js';
export type { NonceErrorStyle } from './server/settings.js';
export { Exchange, ExchangeError, MarketMaker, Decimal } from './exchange/index.js';
