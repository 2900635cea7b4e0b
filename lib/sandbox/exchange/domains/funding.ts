/**
 * Funding: the crypto withdrawal filter and the catalogue's networks.
 * @module
 */
import type { CryptoWithdrawalFilter } from '../inputs.js';
import type { CryptoNetworkRecord, CryptoWithdrawalRecord } from '../records.js';
import type { ExchangeParts } from './parts.js';

/** `GET /crypto_withdrawals`: newest first, filtered. */
export function cryptoWithdrawals(
  parts: ExchangeParts,
  userId: number,
  filter: CryptoWithdrawalFilter,
): CryptoWithdrawalRecord[] {
  return parts.funding
    .cryptoOf(userId)
    .filter(
      (row) =>
        (filter.currency === undefined || row.currency === filter.currency) &&
        (filter.address === undefined || row.address === filter.address) &&
        (filter.state === undefined || row.state === filter.state) &&
        (filter.timestamp === undefined || row.createdAt >= filter.timestamp),
    );
}

/** `GET /crypto_withdrawals/crypto_networks?currency=`. */
export function cryptoNetworks(parts: ExchangeParts, currency: string): CryptoNetworkRecord[] {
  return (parts.config.currencies.get(currency)?.networks ?? []).map((network) => ({ network, currency }));
}
