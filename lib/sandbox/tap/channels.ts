/**
 * Liquid Tap channel names (quoine-api.md §8.5: lower-case pair codes and currencies) and the
 * registry of who listens to which channel.
 * @module
 */

/** Channel names per record; `pair` and currency codes are lower-cased here. */
export const TapChannels = {
  product: (pair: string, productId: number): string => `product_cash_${pair.toLowerCase()}_${productId}`,
  ladder: (pair: string, side: 'buy' | 'sell'): string => `price_ladders_cash_${pair.toLowerCase()}_${side}`,
  executions: (pair: string): string => `executions_cash_${pair.toLowerCase()}`,
  executionDetails: (pair: string): string => `execution_details_cash_${pair.toLowerCase()}`,
  myOrders: (fundingCurrency: string): string => `user_account_${fundingCurrency.toLowerCase()}_orders`,
  myTrades: (fundingCurrency: string): string => `user_account_${fundingCurrency.toLowerCase()}_trades`,
  myExecutions: (pair: string): string => `user_executions_cash_${pair.toLowerCase()}`,
  account: (currency: string): string => `user_account_${currency.toLowerCase()}`,
} as const;

/** Who listens to which channel; a member is whatever a connection is (kept generic for specs). */
export class ChannelRegistry<Member> {
  readonly #members = new Map<string, Set<Member>>();

  add(channel: string, member: Member): void {
    let set = this.#members.get(channel);
    if (set === undefined) {
      set = new Set();
      this.#members.set(channel, set);
    }
    set.add(member);
  }

  remove(channel: string, member: Member): void {
    const set = this.#members.get(channel);
    if (set === undefined) return;
    set.delete(member);
    if (set.size === 0) this.#members.delete(channel);
  }

  /** The channel's members (a copy: sending may drop a member); empty when nobody listens. */
  members(channel: string): Member[] {
    const set = this.#members.get(channel);
    return set === undefined ? [] : [...set];
  }

  has(channel: string): boolean {
    return this.#members.has(channel);
  }
}
