/**
 * How the property specs run: from one fixed seed, so every run of the suite (CI's included)
 * tries the same cases and a failure reproduces; `FC_SEED=<n> npm test` explores another seed.
 */
import type fc from 'fast-check';

/** The seed of every property spec: 20261207, or `FC_SEED`. */
export const SEED = process.env.FC_SEED === undefined ? 20261207 : Number(process.env.FC_SEED);

/** fast-check parameters for `numRuns` runs from {@link SEED}. */
export function runs<T = unknown>(numRuns: number): fc.Parameters<T> {
  return { seed: SEED, numRuns };
}
