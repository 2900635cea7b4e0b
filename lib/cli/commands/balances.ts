import { Command } from 'commander';
import type { Decimal } from 'decimal.js';
import type { Quoine } from '../../client.js';
import { NotFoundError } from '../../core/errors.js';
import { withClient, withClientOptions } from '../context.js';
import { renderTable, toJsonText } from '../output.js';

/** `quoine balances`: every balance, with what is reserved. */
export function balancesCommand(): Command {
  return withClientOptions(new Command('balances'))
    .description('show your balances (needs credentials)')
    .action(async (_options: unknown, command: Command) => {
      await withClient(command, async (client, g) => {
        const { fiatAccounts, cryptoAccounts } = await client.accounts.list();
        const accounts = [...fiatAccounts, ...cryptoAccounts];
        if (g.json) {
          console.log(toJsonText(accounts));
          return;
        }
        const reserved = await reservedBalances(client, accounts);
        if (!reserved) {
          console.log(
            renderTable(
              ['currency', 'balance'],
              accounts.map((a) => [a.currency, a.balance]),
            ),
          );
          return;
        }
        const rows = accounts.map((a, i) => [
          a.currency,
          a.balance,
          reserved[i],
          a.balance.minus(reserved[i] as Decimal),
        ]);
        console.log(renderTable(['currency', 'balance', 'reserved', 'free'], rows));
      });
    });
}

/**
 * Each account's reserved balance, as the exchange states it: from the account list (Liquid era)
 * or, where the list lacks it (Quoine era), from `GET /accounts/{currency}`. Undefined when the
 * exchange does not serve that either: the table then leaves the columns out rather than guess
 * (what an order reserves depends on fee rules the API does not publish).
 */
async function reservedBalances(
  client: Quoine,
  accounts: ReadonlyArray<{ readonly currency: string; readonly reservedBalance: Decimal | null }>,
): Promise<Decimal[] | undefined> {
  try {
    const reserved: Decimal[] = [];
    for (const account of accounts) {
      const value = account.reservedBalance ?? (await client.accounts.get(account.currency)).reservedBalance;
      if (value === null) return undefined;
      reserved.push(value);
    }
    return reserved;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
