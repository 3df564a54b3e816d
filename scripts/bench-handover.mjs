// `npm run bench -- handover`: issue 23's handover under load. Overlay pages of the built site
// share one EventSub connection; every page is slowed 6× (CDP Emulation.setCPUThrottlingRate)
// once connected, and the page holding the connection is closed. A new owner must be subscribed within 10 s, one
// socket open after it, and every remaining page must show each of the next events exactly once.
// RUNS runs per kind of origin: a secure one (http://127.0.0.1, Web Locks elect the owner) and a
// non-secure one (a host name mapped to 127.0.0.1, as OBS's `http://absolute/`: the pages elect the
// owner over a BroadcastChannel, channel-election.ts). A failed run prints what each page saw, its
// console, its traffic on the shared channels and the fake server's timeline. Each origin's summary
// gives every run's handover time and a table of the handover's phases (PHASES), timed in the page
// that took over (an init script marks its Web Lock, EventSub socket and subscription POSTs).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openConnected, sleep, startTwitchFakes } from './bench-pages.mjs';
import { percentile } from './stats.mjs';

/** Mapped to 127.0.0.1 by the bench's `--host-resolver-rules`: plain http on a name is no secure context. */
export const INSECURE_HOST = 'overlays.handover.test';

const RUNS = Number(process.env.HANDOVER_RUNS ?? 20);
/** HANDOVER_FIGURES=file.json writes every run's handover time and phases there. */
const FIGURES = process.env.HANDOVER_FIGURES;
/** HANDOVER_TRACE=1 prints every run's evidence, not only a failed run's. */
const TRACE = process.env.HANDOVER_TRACE === '1';
const THROTTLE = 6;
const HANDOVER_LIMIT_MS = 10_000;
const SIZE = { width: 800, height: 600 };
// The owner-to-be first, then the pages that stay: alert boxes and event lists.
const STAYING = ['alerts', 'alerts', 'events', 'events'];
/** How long a page may take to show an event, and how long after the last one a second copy is waited for. */
const SHOW_TIMEOUT_MS = 15_000;
const SETTLE_MS = 1500;

const fmt = (n) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a');

/**
 * In every page (an init script), in epoch ms: each alert the alert box starts (`ovl-alert-show`),
 * the page's console, and what it posts and hears on the shared EventSub channels (the relay and
 * the election), so a failed run can be read message by message.
 */
function recordPage() {
  const seen = (window.handover = { shows: [], channel: [], locks: [], sockets: [], posts: [] });
  // The handover's steps as this page takes them: the Web Lock granted, the EventSub socket
  // created, open and welcomed, each subscription POST sent.
  if (navigator.locks) {
    const request = LockManager.prototype.request;
    LockManager.prototype.request = function (name, ...rest) {
      const granted = rest.at(-1);
      rest[rest.length - 1] = (lock) => {
        seen.locks.push({ at: Date.now(), name });
        return granted(lock);
      };
      return request.call(this, name, ...rest);
    };
  }
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url, protocols) {
      super(url, protocols);
      if (!String(url).includes('tag=')) return;
      const socket = { created: Date.now(), open: NaN, welcome: NaN, session: '' };
      seen.sockets.push(socket);
      this.addEventListener('open', () => (socket.open = Date.now()));
      const welcomed = (e) => {
        socket.welcome = Date.now();
        socket.session = JSON.parse(e.data).payload?.session?.id;
        this.removeEventListener('message', welcomed);
      };
      this.addEventListener('message', welcomed);
    }
  };
  const nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    const answer = nativeFetch.call(this, input, init);
    if (init?.method === 'POST' && String(input).endsWith('/eventsub/subscriptions')) {
      seen.posts.push({ sent: Date.now() });
    }
    return answer;
  };
  const Native = window.BroadcastChannel;
  const summary = (data) => {
    if (typeof data !== 'object' || data === null) return String(data);
    const { kind, page } = data;
    if (kind === 'notification') return `notification ${data.notification?.type} ${data.notification?.messageId}`;
    if (kind === 'status') return `status ${data.status?.state} session=${data.session.slice(0, 8)} live=${data.live?.length}`;
    return page ? `${kind} ${page}` : String(kind);
  };
  const shared = (name) => name.startsWith('ovl:eventsub');
  const post = Native.prototype.postMessage;
  Native.prototype.postMessage = function (data) {
    if (shared(this.name)) seen.channel.push({ at: Date.now(), out: true, name: this.name, what: summary(data) });
    return post.call(this, data);
  };
  window.BroadcastChannel = class extends Native {
    constructor(name) {
      super(name);
      // Before the page's own `onmessage`: this records when the page got to the message.
      if (shared(name)) this.addEventListener('message', (e) => seen.channel.push({ at: Date.now(), out: false, name, what: summary(e.data) }));
    }
  };
  const giveUp = Date.now() + 60_000;
  const attach = () => {
    const box = document.querySelector('ovl-alerts');
    if (box) box.addEventListener('ovl-alert-show', (e) => seen.shows.push({ at: Date.now(), event: JSON.stringify(e.detail) }));
    else if (!document.querySelector('ovl-event-list') && Date.now() < giveUp) setTimeout(attach, 20);
  };
  attach();
}

/** What a page shows now: its alert box's alerts so far or its event list's rows, and its `?debug` notes. */
const readPage = (page) =>
  page.evaluate(() => {
    const rows = [...(document.querySelector('ovl-event-list')?.shadowRoot?.querySelectorAll('[part="text"]') ?? [])].map((row) => row.textContent.trim());
    const notes = [...(document.querySelector('ovl-status-panel')?.shadowRoot?.querySelectorAll('.note') ?? [])].map((note) => note.textContent.trim());
    const list = document.querySelector('ovl-event-list') !== null;
    return { list, shown: list ? rows : window.handover.shows.map((show) => show.event), notes, secure: isSecureContext, locks: 'locks' in navigator };
  });

const roleOf = (notes) => notes.find((note) => note.startsWith('eventsub:')) ?? 'eventsub: ?';
const times = (shown, name) => shown.filter((text) => text.includes(name)).length;

/** A handover's steps, each timed from the one before: [name, what ends it]. */
const PHASES = [
  ['election', 'a page elected (Web Lock granted, or its claim stood)'],
  ['code', 'its session code loaded and started'],
  ['connect', 'its WebSocket open'],
  ['welcome', 'session_welcome read'],
  ['subscribe', 'the last subscription created at the fake Helix'],
  // The bench's own delay: its process also runs the fakes and the site's server, as starved as the pages.
  ['seen', 'the bench saw the session hold them all'],
];

/**
 * Where a handover's time went, read from the page whose session took over (its marks, in epoch
 * ms) and the fake server's subscriptions on that session (`subs`). Null if no page has that session.
 */
async function phasesOf(staying, closed, handoverMs, session, subs) {
  for (const { page } of staying) {
    const marks = await page.evaluate(() => window.handover);
    const socket = marks.sockets.find((s) => s.session === session);
    if (!socket) continue;
    const channel = marks.channel.filter((m) => m.at >= closed);
    const relay = channel.filter((m) => m.out && !m.name.endsWith(':election'));
    const election = channel.filter((m) => m.name.endsWith(':election'));
    const takeover = relay.find((m) => m.what.startsWith('status connecting'))?.at ?? NaN;
    const lock = marks.locks.find((m) => m.at >= closed)?.at ?? NaN;
    const ends = [
      Number.isFinite(lock) ? lock : takeover,
      relay.find((m) => m.what.startsWith('owner'))?.at ?? NaN,
      socket.open,
      socket.welcome,
      Math.max(...subs.map((s) => s.at)),
      closed + handoverMs,
    ];
    const phases = Object.fromEntries(PHASES.map(([name], i) => [name, ends[i] - (i === 0 ? closed : ends[i - 1])]));
    const posts = marks.posts.filter((p) => p.sent >= socket.welcome);
    return {
      ...phases,
      // How the page was elected: its Web Lock granted, or over the BroadcastChannel once the old owner
      // resigned or its lease ran out; there, when this page claimed (the claim stands 0.5 s later).
      elected: Number.isFinite(lock) ? 'lock' : election.some((m) => !m.out && m.what.startsWith('resign')) ? 'resign' : 'lease',
      claimedAfter: (election.find((m) => m.out && m.what.startsWith('claim'))?.at ?? NaN) - closed,
      // With Web Locks: from the grant to the page saying it took over (setRole, handing on what was relayed).
      handOnMs: takeover - lock,
      // Subscription POSTs sent on the session (more than its subscriptions: retries), and the first one's delay.
      posts: posts.length,
      firstPostAfterWelcome: (posts[0]?.sent ?? NaN) - socket.welcome,
    };
  }
  return null;
}

/**
 * One run in a fresh browser context: opens the pages, throttles them, closes the owner, sends
 * the next events. Returns the handover time and what went wrong, with the evidence when it did.
 */
async function run(browser, fakes, origin, tag, index, raid, follow, sub) {
  const { eventsub } = fakes;
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  await context.addInitScript(recordPage);
  const consoles = new Map();
  const timeline = [];
  const at0 = Date.now();
  const note = (what) => timeline.push(`${String(Date.now() - at0).padStart(6)} ms  ${what}`);
  const subscribe = eventsub.subscribe;
  /** Each subscription the fake Helix created for this run's pages: when, on which session. */
  const subscribed = [];
  eventsub.subscribe = (body, scopes) => {
    const answer = subscribe.call(eventsub, body, scopes);
    const session = eventsub.list().find((s) => s.id === body.transport?.session_id);
    if (session?.tag === tag) {
      note(`server: ${body.type} subscribed on ${session.id.slice(0, 8)} (${answer.status})`);
      subscribed.push({ at: Date.now(), session: session.id });
    }
    return answer;
  };
  const problems = [];
  let handoverMs = NaN;
  let phases = null;
  const pages = [];
  try {
    const open = async (overlay) => {
      const entry = { overlay, page: null };
      pages.push(entry);
      // One second an alert, so the three after the handover play in seconds.
      const query = overlay === 'alerts' ? '&duration=1' : '';
      entry.page = await openConnected(context, fakes.url(origin, overlay, query, `?tag=${tag}`), SIZE, async (page) => {
        const lines = [];
        consoles.set(page, lines);
        page.on('console', (message) => lines.push(`${String(Date.now() - at0).padStart(6)} ms  ${message.type()}: ${message.text()}`));
        page.on('pageerror', (error) => lines.push(`${String(Date.now() - at0).padStart(6)} ms  pageerror: ${error.message}`));
      });
      // Slowed once connected: loading five pages at 6× would take most of the run's time.
      const cdp = await context.newCDPSession(entry.page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      note(`page ${pages.indexOf(entry)} (${overlay}) connected`);
      return entry.page;
    };
    const owner = await open('alerts');
    await Promise.all(STAYING.map((overlay) => open(overlay)));
    const first = await readPage(owner);
    if (roleOf(first.notes) !== 'eventsub: shared (owner)') problems.push(`the first page is not the owner: ${roleOf(first.notes)}`);
    const [session] = eventsub.list().filter((s) => s.tag === tag);
    if (eventsub.connections(tag).open !== 1) problems.push(`${eventsub.connections(tag).open} sockets open before the handover`);

    const everyoneShows = async (targets, names) => {
      const end = Date.now() + SHOW_TIMEOUT_MS;
      for (;;) {
        const views = await Promise.all(targets.map(({ page }) => readPage(page)));
        if (views.every((view) => names.every((name) => times(view.shown, name) >= 1)) || Date.now() > end) break;
        await sleep(200);
      }
      note('every page shows the events, or timed out');
      await sleep(SETTLE_MS);
      const views = await Promise.all(targets.map(({ page }) => readPage(page)));
      views.forEach((view, i) => {
        for (const name of names) {
          const n = times(view.shown, name);
          if (n !== 1) problems.push(`page ${pages.indexOf(targets[i])} (${targets[i].overlay}, ${roleOf(view.notes)}) showed ${name} ${n}×`);
        }
      });
      return views;
    };

    note(`server: notify channel.raid (${raid.from_broadcaster_user_name})`);
    eventsub.notify('channel.raid', raid);
    const [ownerView] = await everyoneShows(pages, [raid.from_broadcaster_user_name]);

    // The owner goes; from now on the open sockets are counted every 20 ms.
    let mostOpen = 0;
    const known = new Set([session?.id]);
    const counting = setInterval(() => {
      mostOpen = Math.max(mostOpen, eventsub.connections(tag).open);
      for (const { id } of eventsub.list().filter((s) => s.tag === tag && !known.has(s.id))) {
        known.add(id);
        note(`server: session ${id.slice(0, 8)} opened`);
      }
    }, 20);
    const closed = Date.now();
    note('owner page closing');
    await owner.close();
    note('owner page closed');
    const staying = pages.slice(1);
    const wanted = new Set(session?.types ?? []);
    let successor = null;
    while (!successor && Date.now() - closed < 30_000) {
      successor = eventsub.list().find((s) => s.tag === tag && s.id !== session?.id && [...wanted].every((type) => s.types.includes(type))) ?? null;
      if (!successor) await sleep(10);
    }
    handoverMs = successor ? Date.now() - closed : NaN;
    note(successor ? `server: session ${successor.id.slice(0, 8)} holds every subscription of the old one` : 'no new session with the old subscriptions after 30 s');
    if (successor) phases = await phasesOf(staying, closed, handoverMs, successor.id, subscribed.filter((s) => s.session === successor.id));
    if (!successor) problems.push('no new owner subscribed within 30 s');
    else if (handoverMs > HANDOVER_LIMIT_MS) problems.push(`the new owner was subscribed after ${fmt(handoverMs)}`);
    mostOpen = 0;

    const names = [follow.user_name, sub.user_name, raid.next.from_broadcaster_user_name];
    note(`server: notify channel.follow, channel.subscribe, channel.raid (${names.join(', ')})`);
    eventsub.notify('channel.follow', follow);
    eventsub.notify('channel.subscribe', sub);
    eventsub.notify('channel.raid', raid.next);
    const views = await everyoneShows(staying, names);
    clearInterval(counting);
    if (mostOpen !== 1) problems.push(`${mostOpen} sockets open at once after the handover`);
    if (problems.length > 0 || TRACE) {
      const lines = [`  run ${index + 1} (tag ${tag}) ${problems.length > 0 ? `failed: ${problems.join('; ')}` : 'passed'}`, '    fake EventSub server:', ...timeline.map((line) => `      ${line}`)];
      for (const [i, { overlay, page }] of pages.entries()) {
        const view = i === 0 ? ownerView : views[i - 1];
        lines.push(`    page ${i} (${overlay}${i === 0 ? ', closed' : ''}), ${roleOf(view.notes)}: showed ${JSON.stringify(view.shown)}`);
        lines.push(...(consoles.get(page) ?? []).map((line) => `      ${line}`));
        if (i > 0) {
          const traffic = await page.evaluate(() => window.handover.channel);
          lines.push(...traffic.map((m) => `      ${String(m.at - at0).padStart(6)} ms  ${m.out ? '→' : '←'} ${m.name.endsWith(':election') ? 'election' : 'relay'}: ${m.what}`));
        }
      }
      if (phases) lines.splice(1, 0, `    phases: ${PHASES.map(([name]) => `${name} ${fmt(phases[name])}`).join(', ')}; elected by ${phases.elected}`);
      if (problems.length === 0) console.log(lines.join('\n'));
      else return { handoverMs, phases, failure: lines.join('\n') };
    }
    return { handoverMs, phases, failure: null };
  } finally {
    eventsub.subscribe = subscribe;
    await context.close();
  }
}

/** The phase table: each phase's median and 95th percentile over the runs whose new owner was found. */
function printPhases(phased) {
  if (phased.length === 0) return;
  const cell = (text) => String(text).padStart(10);
  console.log(`    phases (${phased.length} runs; each from the one before):`);
  console.log(`      ${''.padEnd(4)}${PHASES.map(([name]) => cell(name)).join('')}`);
  for (const p of [50, 95]) console.log(`      p${p} ${PHASES.map(([name]) => cell(fmt(percentile(phased.map((run) => run[name]).filter(Number.isFinite), p)))).join('')}`);
  console.log(`      ${PHASES.map(([name, end]) => `${name}: ${end}`).join('; ')}`);
}

/** Each distinct viewer per event, so each row and alert is read by its name. */
function events(REFERENCE_EVENTS, origin, i) {
  const viewer = (name) => ({ user_id: String(900_000 + i * 10 + name.length), user_login: name.toLowerCase(), user_name: name });
  const raider = (name, n) => ({ ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: String(800_000 + i * 10 + n), from_broadcaster_user_login: name.toLowerCase(), from_broadcaster_user_name: name, viewers: 10 + n });
  const tag = `${origin}${i}`;
  return {
    raid: { ...raider(`RaiderA${tag}`, 1), next: raider(`RaiderB${tag}`, 2) },
    follow: { ...REFERENCE_EVENTS['channel.follow'], ...viewer(`Follower${tag}`) },
    sub: { ...REFERENCE_EVENTS['channel.subscribe'], ...viewer(`Subscriber${tag}`) },
  };
}

/** `siteDir`: the build that `port` serves, checked when a page cannot load. */
export async function handoverBench({ browser, server, port, siteDir }) {
  const { REFERENCE_EVENTS } = await server.ssrLoadModule('/test/fixtures/eventsub/reference-events.ts');
  const fakes = await startTwitchFakes(server);
  const origins = [
    ['secure', `http://127.0.0.1:${port}`],
    ['non-secure', `http://${INSECURE_HOST}:${port}`],
  ];
  const started = Date.now();
  const figures = [];
  console.log(`\nHandover under load (issue 23): the built site; per run a fresh browser context with an alert box that owns the shared`);
  console.log(`EventSub connection, then ${STAYING.length} more pages (${STAYING.join(', ')}), every page CPU-throttled ${THROTTLE}× once connected. A raid reaches every page;`);
  console.log(`the owner page closes; time until a new session holds its subscriptions (the fake server's); then a follow, a sub and a raid:`);
  console.log(`each remaining page must show each exactly once (${SETTLE_MS / 1000} s more waited for copies), with one socket open after the handover.`);
  try {
    for (const [kind, origin] of origins) {
      const probe = await browser.newPage();
      await probe.goto(`${origin}/overlays/alerts/`);
      const { secure, locks } = await probe.evaluate(() => ({ secure: isSecureContext, locks: navigator.locks !== undefined }));
      await probe.close();
      const handovers = [];
      const phased = [];
      const failures = [];
      for (let i = 0; i < RUNS; i++) {
        const { raid, follow, sub } = events(REFERENCE_EVENTS, kind === 'secure' ? 'S' : 'N', i);
        let result;
        try {
          result = await run(browser, fakes, origin, `handover-${kind}-${i}`, i, raid, follow, sub);
        } catch (error) {
          const page = await fetch(`http://127.0.0.1:${port}/overlays/alerts/`).then((response) => response.status, (failure) => failure.message);
          const built = existsSync(join(siteDir, 'overlays/alerts/index.html')) ? 'the build is there' : 'the build is gone';
          result = { handoverMs: NaN, failure: `  run ${i + 1} could not run (the site answers ${page}; ${built}): ${error.message.split('\n')[0]}` };
        }
        if (Number.isFinite(result.handoverMs)) handovers.push(result.handoverMs);
        if (result.phases) phased.push(result.phases);
        figures.push({ origin: kind, run: i + 1, handoverMs: result.handoverMs, passed: !result.failure, ...result.phases });
        if (result.failure) failures.push(result.failure);
        process.stdout.write(result.failure ? '✗' : '.');
      }
      console.log(`\n  ${kind} origin ${origin}: isSecureContext ${secure}, navigator.locks ${locks ? 'present' : 'undefined'} (${locks ? 'Web Locks' : 'BroadcastChannel'} election)`);
      console.log(`    ${RUNS - failures.length} of ${RUNS} runs passed`);
      console.log(`    handover (owner closed → a new session holds its subscriptions): p50 ${fmt(percentile(handovers, 50))}, p95 ${fmt(percentile(handovers, 95))}, max ${fmt(Math.max(...handovers))} (${handovers.length} runs)`);
      console.log(`    each run, in order: ${handovers.map((ms) => (ms / 1000).toFixed(1)).join(' ')} s`);
      printPhases(phased);
      for (const failure of failures) console.log(failure);
    }
    console.log(`\n  ${((Date.now() - started) / 60_000).toFixed(1)} min for ${2 * RUNS} runs`);
    if (FIGURES) writeFileSync(FIGURES, JSON.stringify(figures, null, 1));
  } finally {
    await fakes.close();
  }
}
