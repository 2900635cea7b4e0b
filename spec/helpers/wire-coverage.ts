/** Compares wire bodies with the entities built from them: which wire fields did no entity field read? */
import { Decimal } from 'decimal.js';

/** `volume_24h` → `volume24h`, `buy_price_levels` → `buyPriceLevels`: the entity naming rule. */
export const camel = (wire: string): string => wire.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A class instance that is an entity (not a Decimal, a Date, an array or a plain object). */
export function isEntity(value: unknown): value is object {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Decimal) &&
    !(value instanceof Date) &&
    !Array.isArray(value) &&
    value.constructor !== Object
  );
}

/** A parsed JSON object. */
export function isWireObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor === Object;
}

/**
 * `Class.wire_field` for every field of a wire object (at any depth) that has no entity field of
 * its camelCase name in the entity built from it. Arrays are compared item by item; raw JSON
 * fields (`settings`, `conditions` …) are plain objects and are not descended into.
 */
export function droppedWireFields(wire: unknown, entity: unknown): string[] {
  const dropped = new Set<string>();
  const walk = (w: unknown, e: unknown): void => {
    if (Array.isArray(w) && Array.isArray(e)) {
      w.forEach((item, i) => walk(item, e[i]));
    } else if (isWireObject(w) && isEntity(e)) {
      const fields = e as Record<string, unknown>;
      for (const [key, value] of Object.entries(w)) {
        if (camel(key) in fields) walk(value, fields[camel(key)]);
        else dropped.add(`${e.constructor.name}.${key}`);
      }
    }
  };
  walk(wire, entity);
  return [...dropped].sort();
}
