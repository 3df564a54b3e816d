import { SharedEventSubSource } from '../../../../src/sources/eventsub/shared/shared-eventsub-source.js';
import { HelixClient } from '../../../../src/twitch/helix-client.js';
import { Backoff } from '../../../../src/core/backoff.js';
import { realSchedule } from '../../../../src/core/schedule.js';
import { sharedNames } from '../../../../src/sources/eventsub/shared/shared-protocol.js';
import { throttleLikeHiddenPage } from '../../../helpers/hidden-page-timers.js';

/**
 * A test-only overlay page: one SharedEventSubSource configured from the query, as an OBS
 * browser source would run it. The test opens several in one browser context and reads what
 * each received through `window.shared`, `window.received`, `window.errors`, `window.states`, `window.outcomes`, `window.revocations`
 * and `window.session` (the `session-notification`s, heard while this page holds the connection).
 *
 * Query: helix (fake HTTP origin), client, token, user, eventsub (URL with a `tag`), type
 * (repeatable); `election=channel` to do without Web Locks, as in OBS's local-file mode; `vanish`
 * to not stop on pagehide (as the overlay boot does), like a page that crashed; `timing` =
 * heartbeat,lease,claim ms for the channel election; `hidden-wake` = ms to throttle the page's
 * own timers to, as Chromium does on a hidden page (throttleLikeHiddenPage); `page-timers` to run
 * the source's timers on the page's own timers rather than the default worker. `window.election`
 * counts the messages heard on the election channel, by kind.
 */
// Vitest serves this page and rewrites each `import()` in it into a call to its test runner,
// which only its own test frames define: here, as in its workers, the import just runs. The
// source loads its EventSub client that way once it opens a session of its own.
Object.assign(globalThis, { __vitest_browser_runner__: { wrapDynamicImport: (load: () => Promise<unknown>) => load() } });
const query = new URL(location.href).searchParams;
if (query.has('hidden-wake')) throttleLikeHiddenPage(Number(query.get('hidden-wake')));
const [heartbeatMs, leaseMs, claimMs] = (query.get('timing') ?? '').split(',').map(Number);
const helixOrigin = query.get('helix') ?? '';
const user = query.get('user') ?? '';
const source = new SharedEventSubSource({
  helix: new HelixClient({ token: query.get('token') ?? '', clientId: query.get('client') ?? '', endpoints: { helix: `${helixOrigin}/helix`, id: `${helixOrigin}/id` }, maxRetries: 0 }),
  userId: user,
  url: query.get('eventsub') ?? '',
  subscriptions: query.getAll('type').map((type) => ({ type, version: '1', condition: { broadcaster_user_id: user } })),
  backoff: new Backoff({ initialMs: 50, maxMs: 200, jitter: 0 }),
  ...(query.get('election') === 'channel' && { locks: null }),
  ...(heartbeatMs && leaseMs && claimMs && { electionTiming: { heartbeatMs, leaseMs, claimMs } }),
  ...(query.has('page-timers') && { schedule: realSchedule }),
});

const received: { type: string; id: string; n: unknown }[] = [];
const errors: string[] = [];
const states: string[] = [];
const outcomes: unknown[] = [];
const revocations: unknown[] = [];
const session: { type: string; n: unknown; live: string[] }[] = [];
source.addEventListener('notification', (e) => received.push({ type: e.detail.type, id: e.detail.messageId, n: e.detail.event.n }));
source.addEventListener('error', (e) => errors.push(e.detail.message));
source.addEventListener('status', (e) => states.push(e.detail.state));
source.addEventListener('subscriptions', (e) => outcomes.push(e.detail));
source.addEventListener('revocation', (e) => revocations.push(e.detail));
source.addEventListener('session-notification', (e) => session.push({ type: e.detail.notification.type, n: e.detail.notification.event.n, live: [...e.detail.live].sort() }));
const election: Record<string, number> = {};
const electionChannel = new BroadcastChannel(sharedNames(user).election);
electionChannel.onmessage = ({ data }: MessageEvent<{ kind: string }>) => void (election[data.kind] = (election[data.kind] ?? 0) + 1);
Object.assign(window, { election, shared: source, received, errors, states, outcomes, revocations, session });
source.start();
if (!query.has('vanish')) window.addEventListener('pagehide', () => source.stop(), { once: true });
