/**
 * Per-user lookups of a third-party service (7TV cosmetics, pronouns) start at most one per
 * this many ms: ten a second. A chat of new chatters would otherwise start one for each, as fast
 * as the service answers; issuing a request costs the page about half a millisecond of main
 * thread (measured with all providers on at 1,000 msg/s: README, Benchmarks), and the services
 * are small free ones. A chatter refused or still waiting is looked up on a later line.
 */
export const LOOKUP_SPACING_MS = 100;
