import { Command, Option } from 'commander';
import { TradeStatus } from '../../constants.js';
import type { Trade } from '../../entities/trade.js';
import { withClient, withClientOptions } from '../context.js';
import { renderTable, toJsonText } from '../output.js';

/** `quoine trades`: your margin positions. */
export function tradesCommand(): Command {
  return withClientOptions(new Command('trades'))
    .description('list your trades (margin positions), newest first (needs credentials)')
    .addOption(new Option('--status <status>', 'only open or closed trades').choices(Object.values(TradeStatus)))
    .option('--all', 'every page, not just the first 20')
    .action(async (options: { status?: TradeStatus; all?: boolean }, command: Command) => {
      await withClient(command, async (client, g) => {
        const filters = options.status ? { status: options.status } : {};
        const trades: Trade[] = [];
        if (options.all) for await (const t of client.trades.list(filters)) trades.push(t);
        else trades.push(...(await client.trades.list({ ...filters, limit: 20 })).models);
        if (g.json) {
          console.log(toJsonText(trades));
          return;
        }
        const rows = trades.map((t) => [
          t.id,
          t.currencyPairCode,
          t.side,
          t.status,
          t.quantity,
          t.openPrice,
          t.closePrice,
          t.pnl,
          t.leverageLevel,
          t.createdAt,
        ]);
        console.log(
          renderTable(['id', 'pair', 'side', 'status', 'quantity', 'open', 'close', 'pnl', 'leverage', 'opened'], rows),
        );
      });
    });
}
