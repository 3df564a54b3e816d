// `npm run bench -- outage`: issue 23's "Twitch away", against Chromium's WebSocket throttle. The
// connections of overlay pages that share one renderer process (1, 2 and 4 of them: chat, EventSub,
// chat, EventSub) on real timers, each set in a browser context of its own (its own network context,
// so its own throttle), against the local chat and EventSub servers, which go away for
// OUTAGE_MINUTES (default 6) and come back. Real time, because Chromium counts a process's failed
// WebSockets per 2-minute period (services/network/websocket_throttler.cc): ten minutes stepped
// through in seconds would put all of them into one period. After six minutes, the handshakes that
// succeeded before the outage are forgotten, as they are after ten.
// For each WebSocket, DevTools tells when the page asked for it (Network.webSocketCreated) and when
// Chromium sent its handshake (Network.webSocketWillSendHandshakeRequest): the time between is
// Chromium's hold. The holds of the last two minutes show it at every point of its period; the
// return's is the one at the moment the servers came back.
import { sleep, startTwitchFakes } from './bench-pages.mjs';
import { median } from './stats.mjs';

const OUTAGE_MS = Number(process.env.OUTAGE_MINUTES ?? 6) * 60_000;
const CONNECTIONS = [1, 2, 4];
const PERIOD_MS = 120_000;
const BEFORE_OUTAGE_MS = 5000;

const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');

/** A browser context of its own with `count` connections, connected, and the WebSockets DevTools saw it open to `hosts`. */
async function openConnections(browser, devOrigin, count, servers, hosts) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const sockets = new Map();
  cdp.on('Network.webSocketCreated', ({ requestId, url }) => {
    if (hosts.includes(new URL(url).host)) sockets.set(requestId, { created: performance.now(), sent: NaN });
  });
  cdp.on('Network.webSocketWillSendHandshakeRequest', ({ requestId }) => {
    const socket = sockets.get(requestId);
    if (socket && Number.isNaN(socket.sent)) socket.sent = performance.now();
  });
  await cdp.send('Network.enable');
  await page.goto(`${devOrigin}/test/bench/bench.html`);
  await page.waitForFunction(() => 'outageStart' in window, null, { timeout: 60_000 });
  await page.evaluate(([n, s]) => window.outageStart(n, s), [count, servers]);
  return { count, context, page, sockets };
}

/** What one set of connections went through: WebSockets opened while away, Chromium's holds, and each connection's return. */
async function report({ count, page, sockets }, attempts, awayAt, backAt, backWall) {
  const connectedAt = await page.evaluate(() => window.outageConnected());
  const away = [...sockets.values()].filter((s) => s.created >= awayAt && s.created < backAt);
  const lastPeriod = away.filter((s) => s.created >= backAt - PERIOD_MS).map((s) => s.sent - s.created);
  const returned = [...sockets.values()].filter((s) => s.created >= backAt).map((s) => s.sent - s.created);
  const back = connectedAt.map((at) => at - backWall);
  console.log(
    `  ${String(count).padStart(11)}   ${String(attempts).padStart(8)}   ${String(away.length).padStart(10)}   ` +
      `${ms(median(lastPeriod)).padStart(9)}   ${ms(Math.max(...lastPeriod)).padStart(9)}   ` +
      `${returned.map(ms).join(', ').padEnd(34)}   ${back.map(ms).join(', ')}`,
  );
}

export async function outageBench({ browser, server, devOrigin }) {
  const fakes = await startTwitchFakes(server);
  const { GOOD_TOKEN, TEST_CLIENT_ID } = await server.ssrLoadModule('/test/helpers/http.ts');
  const servers = {
    tmiPort: fakes.tmi.port,
    eventsubUrl: fakes.eventsub.url,
    endpoints: { helix: `${fakes.helix.origin}/helix`, id: `${fakes.helix.origin}/id` },
    token: GOOD_TOKEN,
    clientId: TEST_CLIENT_ID,
  };
  const hosts = [`127.0.0.1:${fakes.tmi.port}`, new URL(fakes.eventsub.url).host];
  const runs = await Promise.all(CONNECTIONS.map((count) => openConnections(browser, devOrigin, count, servers, hosts)));
  try {
    console.log(`\nTwitch away for ${OUTAGE_MS / 60_000} min (chat and EventSub refuse), in real time: the connections of one renderer process`);
    console.log('(chat, EventSub, chat, EventSub), each set in a browser context of its own. "hold": how long Chromium held a WebSocket back');
    console.log('before sending its handshake (its throttle); "back": from the servers\u2019 return to each connection connected again.');
    await sleep(BEFORE_OUTAGE_MS);
    const awayAt = performance.now();
    fakes.tmi.outage.set(true);
    fakes.eventsub.outage.set(true);
    await sleep(OUTAGE_MS);
    const attempts = await Promise.all(runs.map(async ({ page }) => (await page.evaluate(() => window.outageStatus())).reduce((sum, status) => sum + status.attempt, 0)));
    const backAt = performance.now();
    const backWall = Date.now();
    fakes.tmi.outage.set(false);
    fakes.eventsub.outage.set(false);
    console.log('  connections   attempts   WebSockets   hold, last 2 min       the return\u2019s hold(s)               back after');
    console.log('                           while away   median         max');
    for (const [i, run] of runs.entries()) await report(run, attempts[i], awayAt, backAt, backWall);
  } finally {
    for (const run of runs) {
      await run.page.evaluate(() => window.outageStop());
      await run.context.close();
    }
    await fakes.close();
  }
}
