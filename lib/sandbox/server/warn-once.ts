/** Most distinct warnings remembered; beyond, the oldest is forgotten (and may be warned again). */
export const MAX_REMEMBERED_WARNINGS = 1_000;

/**
 * Soft checks warn once per kind and caller, so a client's habit does not flood the log. Keys
 * must name a verified token or a client IP (never an unverified claim), and at most
 * `max` keys are remembered, so a stream of distinct callers cannot grow it without bound.
 */
export class OnceWarner {
  private readonly warned = new Set<string>();

  constructor(
    private readonly warn: (message: string) => void,
    private readonly max: number = MAX_REMEMBERED_WARNINGS,
  ) {}

  /** Warns `message()` unless `key` was warned about already. */
  once(key: string, message: () => string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    if (this.warned.size > this.max) this.warned.delete(this.warned.values().next().value as string);
    this.warn(message());
  }

  /** How many keys are remembered (for memory checks). */
  get size(): number {
    return this.warned.size;
  }
}
