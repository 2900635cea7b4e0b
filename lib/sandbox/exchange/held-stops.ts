/**
 * The stop and trailing-stop orders waiting for their trigger, per product (the rules are stated
 * in engine.ts): holding, releasing, trailing the anchor and finding the next to fire.
 * @module
 */
import { maxDecimal, minDecimal, type Decimal } from './decimal.js';
import { triggerPrice, type OrderState } from './order-state.js';

/** Held stop orders, per product, in placement order. */
export class HeldStops {
  readonly #held = new Map<number, OrderState[]>();

  /** Holds the order until its trigger. */
  hold(order: OrderState): void {
    order.held = true;
    let held = this.#held.get(order.product.id);
    if (held === undefined) {
      held = [];
      this.#held.set(order.product.id, held);
    }
    held.push(order);
  }

  /** Takes the order out of the held list (fired or cancelled). */
  release(order: OrderState): void {
    const held = this.#held.get(order.product.id) ?? [];
    held.splice(held.indexOf(order), 1);
    order.held = false;
  }

  /**
   * Moves the trailing stops' anchors to the last price `last`, then returns the first held order
   * of the product whose trigger it reached (buy: ≥, sell: ≤), if any.
   */
  nextTriggered(productId: number, last: Decimal): OrderState | undefined {
    const held = this.#held.get(productId);
    if (held === undefined || held.length === 0) return undefined;
    for (const order of held) {
      if (order.orderType !== 'trailing_stop') continue;
      // Without a price at placement, the first price becomes the anchor.
      if (order.trailAnchor === null) order.trailAnchor = last;
      else
        order.trailAnchor =
          order.side === 'sell' ? maxDecimal(order.trailAnchor, last) : minDecimal(order.trailAnchor, last);
    }
    return held.find((order) => {
      const trigger = triggerPrice(order);
      return order.side === 'buy' ? last.greaterThanOrEqualTo(trigger) : last.lessThanOrEqualTo(trigger);
    });
  }
}
