import { Command } from 'commander';
import { withClient, withClientOptions } from '../context.js';
import { renderTable, toJsonText } from '../output.js';

/** `quoine balances`: every balance, with what is reserved. */
export function balancesCommand(): Command {
  return withClientOptions(new Command('balances')).description('show your balances (needs credentials)').action(async (_options: unknown, command: Command) => {
    await withClient(command, async (client, g) => {
      const { fiatAccounts, cryptoAccounts } = await client.accounts.list();
      const accounts = [...fiatAccounts, ...cryptoAccounts];
      if (g.json) return void console.log(toJsonText(accounts));
      const rows = accounts.map((a) => [a.currency, a.balance, a.reservedBalance, a.reservedBalance ? a.balance.minus(a.reservedBalance) : null]);
      console.log(renderTable(['currency', 'balance', 'reserved', 'free'], rows));
    });
  });
}
