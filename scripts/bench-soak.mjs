// `npm run bench -- soak`: issue 23's "twelve hours on air". The dock and the overlays in one
// browser context (OBS's profile) on Playwright's fake clock, against the local Helix, EventSub and
// chat servers, through a simulated 12-hour stream: chat every simulated second, an EventSub event
// every 10 s, a hype train and a poll every hour, EventSub and chat cut every 30 minutes. At the end
// of some hours, per page after a GC: JS heap, DOM nodes and event listeners (CDP), live timers
// (an init script). Hour 1 against hour 12 must stay within 5 %. At the first and the last sampled
// hour, a heap snapshot of each page splits its heap into V8's compiled code, V8's internals, console
// messages and the objects the page's scripts hold (scripts/heap-snapshot.mjs): what a growing heap is made of.
// SOAK_HEAP_DIFF=goal,dock (page names) prints what grew between those snapshots, by constructor;
// SOAK_HEAP_SAVE=dir keeps them as files for DevTools; SOAK_PAGES=dock,chat opens only those pages.
// SOAK_JIT=off is the control run: the same stream with V8's compilers off (V8_COMPILERS_OFF).
import { join } from 'node:path';
import { openConnected, sleep, startTwitchFakes } from './bench-pages.mjs';
import { HEAP_PARTS, takeHeapSnapshot } from './heap-snapshot.mjs';

// SOAK_HOURS shortens the run (a trial); the figures stand for 12.
const HOURS = Number(process.env.SOAK_HOURS ?? 12);
const STEP_SECONDS = 10;
const STEPS_PER_HOUR = 3600 / STEP_SECONDS;
// Chat at SOAK_CHAT_RATE lines per simulated second (default 2, not the stream's 20: see the README's
// "Twelve hours on air" for why the lower rate shows the same), pushed as one frame per step.
const CHAT_RATE = Number(process.env.SOAK_CHAT_RATE ?? 2);
const SAMPLE_HOURS = [...new Set([1, 2, 4, 6, 8, 10, HOURS])].filter((hour) => hour <= HOURS);
const FLAT_LIMIT = 0.05;
const pageNames = (variable) => (process.env[variable] ?? '').split(',').filter(Boolean);
const HEAP_DIFF_PAGES = pageNames('SOAK_HEAP_DIFF');
const HEAP_SAVE_DIR = process.env.SOAK_HEAP_SAVE;
// V8 compiles a function to machine code once it has run enough (Sparkplug, then Maglev and Turbofan),
// and Chromium keeps baseline code for good (V8's --flush-baseline-code is off): code that runs once
// every half hour (a reconnect, a hype train) reaches that budget hours into the stream, so the heap
// gains compiled code for as long as the stream is young to V8. With the compilers off, bytecode is all
// the code there is, and V8 flushes what has not run lately: the heap is then what the pages hold.
const V8_COMPILERS_OFF = ['--no-sparkplug', '--no-maglev', '--no-turbofan'];
const JIT_OFF = process.env.SOAK_JIT === 'off';
// Minutes past each hour: the connections cut, the hype train's and the poll's phases.
const DROP_MINUTES = [15, 45];
const HYPE_TRAIN = { begin: 20, progress: [21, 22, 23], end: 25 };
const POLL = { begin: 35, end: 38 };
const CHANNEL = 'teststreamer';
// A 60 s keepalive (Twitch accepts 10–600): the notifications every 10 s keep the session alive, as
// keepalives would, while the fake clock runs far ahead of the fake server's real-time keepalives.
const EVENTSUB_QUERY = '?keepalive_timeout_seconds=60';

const DOCK = { width: 400, height: 900 };
const OVERLAY = { width: 800, height: 600 };
const ALL_PAGES = [
  ['dock', '', DOCK],
  ['chat', `&channel=${CHANNEL}`, { width: 450, height: 800 }],
  ['alerts', '', OVERLAY],
  ['events', '', OVERLAY],
  ['goal', '', OVERLAY],
  ['hype-train', '', OVERLAY],
  ['poll', '', OVERLAY],
  ['stream-info', `&channel=${CHANNEL}`, OVERLAY],
  ['label', '&show=latest-cheer', { width: 600, height: 60 }],
  ['subathon', '&start=now&length=1440&tier1=5', { width: 500, height: 100 }],
  ['credits', '&roll-offline=false', OVERLAY],
  ['emote-wall', `&channel=${CHANNEL}`, { width: 1280, height: 720 }],
  ['emote-combo', `&channel=${CHANNEL}`, OVERLAY],
];
const PAGES = pageNames('SOAK_PAGES').length > 0 ? ALL_PAGES.filter(([name]) => pageNames('SOAK_PAGES').includes(name)) : ALL_PAGES;
// The kinds of the event every 10 s, in turn.
const EVENT_KINDS = [
  'channel.follow', 'channel.subscribe', 'channel.cheer', 'channel.follow', 'channel.raid', 'channel.subscription.gift', 'channel.follow',
  'channel.subscription.message', 'channel.channel_points_custom_reward_redemption.add', 'channel.goal.progress', 'channel.charity_campaign.donate', 'channel.bits.use',
];

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/**
 * In every page, after the fake clock's own script: counts live timers (set − cleared − fired
 * one-shots) and animation frames (requested − cancelled − run), wrapping the clock's functions.
 */
function countTimers() {
  const timers = new Set();
  const frames = new Set();
  const { setTimeout: setOne, setInterval: setEvery, clearTimeout: clearOne, clearInterval: clearEvery, requestAnimationFrame: request, cancelAnimationFrame: cancel } = window;
  window.setTimeout = function (callback, ...rest) {
    const id = setOne.call(this, typeof callback === 'function' ? (...args) => (timers.delete(id), callback(...args)) : callback, ...rest);
    timers.add(id);
    return id;
  };
  window.setInterval = function (...args) {
    const id = setEvery.apply(this, args);
    timers.add(id);
    return id;
  };
  // Browsers let either clear function clear either kind.
  window.clearTimeout = function (id) {
    timers.delete(id);
    return clearOne.call(this, id);
  };
  window.clearInterval = function (id) {
    timers.delete(id);
    return clearEvery.call(this, id);
  };
  window.requestAnimationFrame = function (callback) {
    const id = request.call(this, (time) => (frames.delete(id), callback(time)));
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    frames.delete(id);
    return cancel.call(this, id);
  };
  window.soakTimers = () => ({ timers: timers.size, frames: frames.size });
}

/** One page's figures after a GC: JS heap used, the renderer's DOM counters, live timers. */
async function measure(open) {
  for (let i = 0; i < 3; i++) await open.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await open.cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await open.cdp.send('Memory.getDOMCounters');
  const { timers, frames } = await open.page.evaluate(() => window.soakTimers());
  return { heap: usedSize, nodes, listeners: jsEventListeners, timers: timers + frames };
}

function printHeapDiff(name, [firstHour, { kinds: first }], [lastHour, { kinds: last }]) {
  const grown = [...last].map(([key, sum]) => [key, sum.bytes - (first.get(key)?.bytes ?? 0), sum.count - (first.get(key)?.count ?? 0)]);
  const total = grown.reduce((bytes, [, delta]) => bytes + delta, 0);
  console.log(`\n  ${name}: heap snapshot, hour ${firstHour} → ${lastHour}, ${fmt(total / 1024)} kB more in all, Blink's objects outside the JS heap included; grew most (self size, objects):`);
  for (const [key, bytes, count] of grown.sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    ${fmt(bytes / 1024).padStart(8)} kB  ${`${count >= 0 ? '+' : ''}${count}`.padStart(7)}  ${key}`);
}

/** The events of the stream, built from the reference payloads: a new viewer each time, the fixture channel as broadcaster. */
function streamEvents(REFERENCE_EVENTS, channelId) {
  const broadcaster = { broadcaster_user_id: channelId, broadcaster_user_login: CHANNEL, broadcaster_user_name: 'Teststreamer' };
  const viewer = (i) => ({ user_id: String(60_000 + (i % 5000)), user_login: `fan_${i % 5000}`, user_name: `Fan_${i % 5000}` });
  return {
    next: (i) => {
      const type = EVENT_KINDS[i % EVENT_KINDS.length];
      const event = { ...REFERENCE_EVENTS[type], ...broadcaster };
      if ('user_id' in event) Object.assign(event, viewer(i));
      if (type === 'channel.raid') Object.assign(event, { from_broadcaster_user_id: String(20_000 + (i % 5000)), from_broadcaster_user_login: `raider${i % 5000}`, from_broadcaster_user_name: `Raider${i % 5000}`, viewers: 1 + (i % 200) });
      if (type === 'channel.goal.progress') Object.assign(event, { current_amount: 100 + (i % 400), target_amount: 1000 });
      return [type, event];
    },
    hypeTrain: (hour, phase, at, level) => {
      const id = `soak-train-${hour}`;
      const startedAt = new Date(at).toISOString();
      if (phase === 'end') return ['channel.hype_train.end', { ...REFERENCE_EVENTS['channel.hype_train.end'], ...broadcaster, id, level, total: 500 * level, started_at: startedAt, ended_at: new Date(at + 5 * 60_000).toISOString(), cooldown_ends_at: new Date(at + 65 * 60_000).toISOString() }];
      const begin = REFERENCE_EVENTS['channel.hype_train.begin'];
      return [`channel.hype_train.${phase}`, { ...begin, ...broadcaster, id, level, total: 500 * level - 250, progress: 250, goal: 500, started_at: startedAt, expires_at: new Date(at + 6 * 60_000).toISOString() }];
    },
    poll: (hour, phase, at) => {
      const id = `soak-poll-${hour}`;
      const type = `channel.poll.${phase}`;
      const times = phase === 'begin' ? { started_at: new Date(at).toISOString(), ends_at: new Date(at + 3 * 60_000).toISOString() } : { started_at: new Date(at - 3 * 60_000).toISOString(), ended_at: new Date(at).toISOString() };
      return [type, { ...REFERENCE_EVENTS[type], ...broadcaster, id, ...times }];
    },
  };
}

/** Chat for one step: ordinary lines from the bench pool, with now and then a sub notice, a deleted line or a timeout. */
function chatFeed({ benchLines, usernotice, clearmsg, timeout, roomId }) {
  const pool = benchLines(CHANNEL, 20_000);
  let sent = 0;
  return (count) => {
    const lines = [];
    for (let i = 0; i < count; i++, sent++) {
      if (sent % 97 === 0) lines.push(usernotice(CHANNEL, { msgId: 'resub', login: `viewer_${sent % 300}`, systemMsg: `viewer_${sent % 300} subscribed at Tier 1. They've subscribed for 7 months!`, params: { 'cumulative-months': '7', 'sub-plan': '1000' }, roomId, text: 'still here Kappa' }));
      else if (sent % 211 === 0) lines.push(clearmsg(CHANNEL, `viewer_${(sent - 1) % 300}`, `soak-${sent - 1}`, 'deleted'));
      else if (sent % 499 === 0) lines.push(timeout(CHANNEL, roomId, `viewer_${sent % 300}`, String(50_000 + (sent % 300)), 60));
      else lines.push(pool[sent % pool.length].replaceAll('@ID@', `soak-${sent}`));
    }
    return lines;
  };
}

function printTable(name, samples) {
  const hours = [...samples.keys()];
  const [first, last] = [samples.get(hours[0]), samples.get(hours.at(-1))];
  const rows = [['JS heap (kB)', (s) => s.heap / 1024], ['DOM nodes', (s) => s.nodes], ['listeners', (s) => s.listeners], ['live timers', (s) => s.timers]];
  const split = HEAP_PARTS.map((part) => [`  ${part}`, (s) => (s.parts ? s.parts.get(part) / 1024 : NaN)]);
  // Marked: the goal's figures, and the part of the heap that is the pages' own.
  const row = (label, read, marked = true) => {
    const change = read(first) === 0 ? (read(last) === 0 ? 0 : Infinity) : (read(last) - read(first)) / read(first);
    const values = hours.map((h) => (Number.isNaN(read(samples.get(h))) ? '' : fmt(read(samples.get(h)), 0)).padStart(12)).join('');
    const mark = marked ? (change <= FLAT_LIMIT ? '  ✓' : '  ✗') : '';
    console.log(`    ${label.padEnd(18)}${values}    ${`${change >= 0 ? '+' : ''}${fmt(100 * change)} %`.padStart(9)}${mark}`);
    return change <= FLAT_LIMIT;
  };
  console.log(`\n  ${name}`);
  console.log(`    ${'figure'.padEnd(18)}${hours.map((h) => `hour ${h}`.padStart(12)).join('')}    change`);
  const flat = rows.map(([label, read]) => row(label, read)).every(Boolean);
  console.log('    heap snapshot (kB), by what holds it:');
  const scriptsFlat = split.map(([label, read], i) => row(label, read, i === split.length - 1)).at(-1);
  return { flat, scriptsFlat };
}

export async function soakBench({ browser: shared, launch, server, siteOrigin }) {
  const started = Date.now();
  const { REFERENCE_EVENTS } = await server.ssrLoadModule('/test/fixtures/eventsub/reference-events.ts');
  const { FIXTURE_CHANNEL_ID } = await server.ssrLoadModule('/test/helpers/http.ts');
  const { benchLines } = await server.ssrLoadModule('/test/bench/chat-lines.ts');
  const { usernotice, clearmsg, timeout } = await server.ssrLoadModule('/src/simulator/tmi-lines.ts');
  const { roomIdOf } = await server.ssrLoadModule('/test/node/fake-tmi.ts');
  const fakes = await startTwitchFakes(server);
  const { eventsub, tmi } = fakes;
  const events = streamEvents(REFERENCE_EVENTS, FIXTURE_CHANNEL_ID);
  const chat = chatFeed({ benchLines, usernotice, clearmsg, timeout, roomId: roomIdOf(CHANNEL) });
  const browser = JIT_OFF ? await launch(V8_COMPILERS_OFF) : shared;
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  try {
    const clockStart = Date.now();
    await context.clock.install({ time: clockStart });
    await context.addInitScript(countTimers);
    const open = [];
    for (const [overlay, query, size] of PAGES) {
      const page = await openConnected(context, fakes.url(siteOrigin, overlay, query, EVENTSUB_QUERY), size).catch((error) => {
        throw new Error(`the ${overlay} page did not connect: ${error.message}`);
      });
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      open.push({ name: overlay, page, cdp: await context.newCDPSession(page), errors });
    }
    const counted = await open[0].page.evaluate(() => typeof window.soakTimers === 'function' && Date.now());
    if (!counted) throw new Error('the timer count did not install over the fake clock');
    console.log(`\nTwelve hours on air (issue 23): ${PAGES.map(([o]) => o).join(', ')}${JIT_OFF ? ` (the control run: V8's compilers off, ${V8_COMPILERS_OFF.join(' ')})` : ''}`);
    console.log(`in one browser context on Playwright's fake clock, against the local Helix, EventSub and chat servers. Simulated in steps of ${STEP_SECONDS} s:`);
    console.log(`chat ${CHAT_RATE} lines per simulated second (${STEP_SECONDS * CHAT_RATE} per step in one frame; 300 chatters; emotes, badges, replies, /me; a resub notice every 97 lines,`);
    console.log(`a deleted line every 211, a timeout every 499), an EventSub event every 10 s (${[...new Set(EVENT_KINDS)].length} kinds in turn), a hype train (begin, 3× progress, end) and a poll`);
    console.log(`(begin, end) every hour, and at :${DROP_MINUTES.join(' and :')} EventSub and chat cut (the sockets destroyed, as a network drop).`);

    let simulated = 0;
    let eventIndex = 0;
    let lines = 0;
    let sent = 0;
    const samples = new Map(open.map((o) => [o.name, new Map()]));
    const snapshots = new Map(open.map((o) => [o.name, []]));
    const send = ([type, event]) => (sent += eventsub.notify(type, event) > 0 ? 1 : 0);
    for (let hour = 1; hour <= HOURS; hour++) {
      for (let step = 0; step < STEPS_PER_HOUR; step++) {
        const second = step * STEP_SECONDS;
        const minuteStart = second % 60 === 0 ? second / 60 : null;
        const at = clockStart + simulated + (Date.now() - clockStart);
        if (minuteStart !== null && DROP_MINUTES.includes(minuteStart)) {
          eventsub.outage.set(true);
          eventsub.outage.set(false);
          tmi.drop(CHANNEL);
        }
        if (minuteStart === HYPE_TRAIN.begin) send(events.hypeTrain(hour, 'begin', at, 1));
        if (HYPE_TRAIN.progress.includes(minuteStart)) send(events.hypeTrain(hour, 'progress', at, 1 + HYPE_TRAIN.progress.indexOf(minuteStart)));
        if (minuteStart === HYPE_TRAIN.end) send(events.hypeTrain(hour, 'end', at, 4));
        if (minuteStart === POLL.begin) send(events.poll(hour, 'begin', at));
        if (minuteStart === POLL.end) send(events.poll(hour, 'end', at));
        send(events.next(eventIndex++));
        const batch = chat(STEP_SECONDS * CHAT_RATE);
        tmi.push(CHANNEL, batch, true);
        lines += batch.length;
        // One run per step: tmi.js waits 9,999 ms for the PONG to a PING it sends once a minute, so a PING
        // in a 10 s step has its answer (which arrives between steps) before its timeout is due.
        await context.clock.runFor(STEP_SECONDS * 1000);
        await sleep(1);
        simulated += STEP_SECONDS * 1000;
      }
      if (SAMPLE_HOURS.includes(hour)) {
        for (const o of open) {
          const sample = await measure(o);
          if (hour === SAMPLE_HOURS[0] || hour === HOURS) {
            const heap = await takeHeapSnapshot(o.cdp, HEAP_SAVE_DIR && join(HEAP_SAVE_DIR, `${o.name}-hour${hour}.heapsnapshot`));
            snapshots.get(o.name).push([hour, heap]);
            sample.parts = heap.parts;
          }
          samples.get(o.name).set(hour, sample);
        }
        console.log(`  hour ${String(hour).padStart(2)} simulated: ${lines.toLocaleString('en')} chat lines and ${eventIndex.toLocaleString('en')} events sent so far, ${fmt((Date.now() - started) / 1000, 0)} s since the bench started`);
      }
    }

    console.log(`\n  Per page, after a GC (CDP HeapProfiler.collectGarbage): JS heap used (Runtime.getHeapUsage), DOM nodes and JS event listeners`);
    console.log(`  (Memory.getDOMCounters), live timers and animation frames (set − cleared − fired). ✓: grew at most ${100 * FLAT_LIMIT} % from hour 1 to hour ${HOURS}.`);
    console.log(`  Below them, a heap snapshot's self sizes at hours ${SAMPLE_HOURS[0]} and ${HOURS}: V8's compiled code (bytecode, machine code, feedback, function infos), V8's internals`);
    console.log(`  (hidden classes, descriptor arrays, the tables on V8's own roots), console messages (what the page logged, which V8 keeps for DevTools: the last 1,000)`);
    console.log(`  and the objects the page's scripts hold (objects, arrays, strings, closures, numbers).`);
    const tables = open.map((o) => printTable(o.name, samples.get(o.name)));
    for (const name of HEAP_DIFF_PAGES) if (snapshots.get(name)?.length === 2) printHeapDiff(name, ...snapshots.get(name));
    const errors = open.flatMap((o) => o.errors.map((e) => `${o.name}: ${e}`));
    console.log(`\n  sent: ${lines.toLocaleString('en')} chat lines, ${sent.toLocaleString('en')} EventSub notifications reaching a session; chat joins ${tmi.joinCount(CHANNEL)}, EventSub sessions ${eventsub.connections('').opened} (the drops: ${2 * HOURS})`);
    console.log(`  uncaught page errors: ${errors.length === 0 ? 'none' : errors.slice(0, 10).join('; ')}`);
    console.log(`  took ${fmt((Date.now() - started) / 60_000)} min`);
    console.log('\nGoal (issue 23, twelve hours on air; this run)');
    const grown = open.filter((_, i) => !tables[i].flat).map((o) => o.name);
    console.log(`  heap, DOM nodes, listeners and timers within ${100 * FLAT_LIMIT} % from hour 1 to hour ${HOURS} on every page: ${grown.length === 0 ? '✓ met' : `✗ not met (${grown.join(', ')})`}`);
    const scriptsGrown = open.filter((_, i) => !tables[i].scriptsFlat).map((o) => o.name);
    console.log(`  (the split) objects the pages' scripts hold within ${100 * FLAT_LIMIT} %: ${scriptsGrown.length === 0 ? 'on every page' : `on every page but ${scriptsGrown.join(', ')}`}`);
  } finally {
    await context.close();
    if (browser !== shared) await browser.close();
    await fakes.close();
  }
}
