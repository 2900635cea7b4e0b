/**
 * The wire type profile, server-wide.
 * - `quoine`: the 2016–2018 docs: decimals as JSON strings, ids and times as numbers.
 * - `liquid`: the 2019–2021 live captures: mixed strings and numbers per endpoint (quoine-api.md §7).
 * @group Sandbox
 */
export type Profile = 'quoine' | 'liquid';

export const PROFILES: readonly Profile[] = ['quoine', 'liquid'];

/** The documented request budget per 5 minutes of each era (quoine-api.md §5). */
export function defaultRateLimit(profile: Profile): number {
  return profile === 'liquid' ? 600 : 300;
}
