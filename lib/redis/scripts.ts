/**
 * The Lua scripts of the Redis coordinator. Each runs atomically on the server and reads the
 * time from the server (`TIME`), so every process and machine shares one clock for nonces and
 * for the rate-limit window. Times are whole milliseconds; Lua numbers hold them exactly.
 *
 * Keys of one coordinator (`K` is its `key` option):
 * - `K:lane` — the lane's holder: its fencing number, with the lease as the key's expiry;
 * - `K:fence` — the fencing counter (`INCR`), one number per grant, never reused;
 * - `K:nonce` — the last nonce handed out;
 * - `K:queue` / `K:seen` — processes waiting for the lane: their queue ticket, and when they last asked;
 * - `K:ticket` — the queue's ticket counter;
 * - `K:slots` — the rate-limit window: slot id → the time it counts from;
 * - `K:slot-id` — the slot id counter;
 * - `K:pause` — the time before which no slot is granted (a `Retry-After`);
 * - channel `K:lane-free` — published when the lane is released.
 * @module
 */

/** The server's time in ms, as the first lines of every script. */
const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * Takes the lane for `waiter` if it is free and `waiter` is first in the queue (waiters not seen
 * for `staleMs` are dropped from it), else queues `waiter`.
 *
 * KEYS: lane, fence, nonce, queue, seen, ticket. ARGV: waiter, leaseMs, staleMs, floor.
 * Returns `{1, fence, nonce, now}` when granted, else `{0, waitMs}` (the lease's remaining time,
 * or 0 when the lane is free but another process is first).
 *
 * The nonce is `max(now, last + 1, floor + 1)`: the server's clock in ms, strictly above every
 * nonce handed out before and above the caller's own last one (`floor`), so nonces never go back,
 * even when Redis restarts empty or its clock steps back. The caller waits until `now` reaches the
 * nonce before it sends, so nonces never run ahead of the clock and a Redis that restarts empty
 * (no `last`) reseeds above all of them with `now + 1`: a nonce handed out in this very
 * millisecond may equal `now`.
 */
export const ACQUIRE_LANE = `${NOW}
local waiter, leaseMs, staleMs, floor = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
for _, w in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', now - staleMs)) do
  redis.call('ZREM', KEYS[4], w)
  redis.call('ZREM', KEYS[5], w)
end
redis.call('ZADD', KEYS[5], now, waiter)
local ttl = redis.call('PTTL', KEYS[1])
local first = redis.call('ZRANGE', KEYS[4], 0, 0)[1]
if ttl == -2 and (first == nil or first == waiter) then
  redis.call('ZREM', KEYS[4], waiter)
  redis.call('ZREM', KEYS[5], waiter)
  local fence = redis.call('INCR', KEYS[2])
  local last = redis.call('GET', KEYS[3])
  local nonce = math.max(now + 1, floor + 1)
  if last then nonce = math.max(now, tonumber(last) + 1, floor + 1) end
  redis.call('SET', KEYS[3], string.format('%d', nonce))
  redis.call('SET', KEYS[1], fence, 'PX', leaseMs)
  return {1, fence, string.format('%d', nonce), string.format('%d', now)}
end
if redis.call('ZSCORE', KEYS[4], waiter) == false then
  redis.call('ZADD', KEYS[4], redis.call('INCR', KEYS[6]), waiter)
end
redis.call('PEXPIRE', KEYS[4], staleMs * 2)
redis.call('PEXPIRE', KEYS[5], staleMs * 2)
if ttl < 0 then ttl = 0 end
return {0, ttl}
`;

/** KEYS: lane. ARGV: fence, leaseMs. Extends the lease if `fence` still holds it: 1, else 0. */
export const RENEW_LANE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

/**
 * KEYS: lane. ARGV: fence, channel. Frees the lane if `fence` still holds it and tells the
 * waiters: 1, else 0 (the lease had expired; whoever holds the lane now keeps it).
 */
export const RELEASE_LANE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', ARGV[2], ARGV[1])
  return 1
end
return 0
`;

/** KEYS: queue, seen. ARGV: waiter. A waiter that gave up leaves the queue. */
export const LEAVE_QUEUE = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`;

/**
 * A slot of the sliding window: at most `requests` slots whose time is within the last
 * `intervalMs`. A slot's time is its grant until {@link RELEASE_SLOT} moves it to the request's
 * completion (the in-process rule: the exchange counts a request when it arrives, after the
 * grant and before the completion).
 *
 * KEYS: slots, pause, slot-id. ARGV: requests, intervalMs.
 * Returns `{1, id}` when granted, else `{0, waitMs}`.
 */
export const ACQUIRE_SLOT = `${NOW}
local requests, interval = tonumber(ARGV[1]), tonumber(ARGV[2])
local pause = tonumber(redis.call('GET', KEYS[2]) or '0')
if pause > now then return {0, pause - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - interval)
if redis.call('ZCARD', KEYS[1]) < requests then
  local id = redis.call('INCR', KEYS[3])
  redis.call('ZADD', KEYS[1], now, id)
  redis.call('PEXPIRE', KEYS[1], interval * 2)
  return {1, id}
end
local earliest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
return {0, math.max(1, earliest + interval - now)}
`;

/** KEYS: slots. ARGV: id, intervalMs. The request completed: its slot counts from now. */
export const RELEASE_SLOT = `${NOW}
redis.call('ZADD', KEYS[1], 'XX', 'GT', now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return 1
`;

/** KEYS: pause. ARGV: ms. No slot is granted for `ms` from now (a later pause is kept). */
export const PAUSE = `${NOW}
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%d', untilMs), 'PX', tonumber(ARGV[1]) + 1000)
end
return 1
`;
