import type { Route } from '../router.js';
import { accountRoutes } from './accounts.js';
import { feeRoutes } from './fees.js';
import { fundingRoutes } from './funding.js';
import { lendingRoutes } from './lending.js';
import { marketRoutes } from './market.js';
import { orderRoutes } from './orders.js';
import { tradingRoutes } from './trading.js';

/** Every endpoint the sandbox serves, in matching order. */
export const allRoutes: readonly Route[] = [
  ...marketRoutes,
  ...orderRoutes,
  ...accountRoutes,
  ...lendingRoutes,
  ...tradingRoutes,
  ...fundingRoutes,
  ...feeRoutes,
];
