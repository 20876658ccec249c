/**
 * Sessions open at once. Device latency, not CPU, bounds the rate (the benchmark spends 20–90% of one
 * core at 256), so the default is high; lower it for an AAA server that limits concurrent logins.
 */
export const DEFAULT_CONCURRENCY = 256
