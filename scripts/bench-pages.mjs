// What the benches that drive the built overlay pages share (bench-dock.mjs, bench-soak.mjs): the
// local Twitch fakes (Helix, EventSub, chat) on 127.0.0.1, an overlay's URL on them with a token
// scoped for every EventSub type, and a page opened until its connection is up.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the fake Helix, EventSub and TMI servers (test/node/), loaded through the Vite dev server
 * `server`. `url(siteOrigin, overlay, query, eventsubQuery)` opens `overlay` of the site served at
 * `siteOrigin` on them, in `?debug`.
 */
export async function startTwitchFakes(server) {
  const { FakeHttpServer } = await server.ssrLoadModule('/test/node/fake-http.ts');
  const { FakeEventSubServer } = await server.ssrLoadModule('/test/node/fake-eventsub.ts');
  const { FakeTmiServer } = await server.ssrLoadModule('/test/node/fake-tmi.ts');
  const { scopedToken } = await server.ssrLoadModule('/test/helpers/http.ts');
  const { EVENT_SCOPES } = await server.ssrLoadModule('/src/sources/eventsub/subscription-catalog.ts');
  const [helix, eventsub, tmi] = await Promise.all([FakeHttpServer.start(), FakeEventSubServer.start(), FakeTmiServer.start()]);
  helix.eventsub = eventsub;
  const token = scopedToken(EVENT_SCOPES);
  return {
    helix,
    eventsub,
    tmi,
    url: (siteOrigin, overlay, query = '', eventsubQuery = '') =>
      `${siteOrigin}/overlays/${overlay}/?debug${query}&dev-origin=${helix.origin}&dev-chat=127.0.0.1:${tmi.port}&dev-eventsub=${encodeURIComponent(eventsub.url + eventsubQuery)}#token=${token}`,
    close: () => Promise.all([helix.close(), eventsub.close(), tmi.close()]),
  };
}

/**
 * A new page of `context` at `size`, once every status chip (a chip per connection) says
 * connected. `prepare(page)` runs before the page loads (listeners, CDP emulation).
 */
export async function openConnected(context, url, size, prepare = async () => {}) {
  const page = await context.newPage();
  await prepare(page);
  await page.setViewportSize(size);
  await page.goto(url);
  const chips = () => [...(document.querySelector('ovl-status-panel')?.shadowRoot?.querySelectorAll('[part="chip"]') ?? [])].map((chip) => chip.textContent.replace(/\s+/g, ' ').trim());
  try {
    await page.waitForFunction(() => {
      const states = [...(document.querySelector('ovl-status-panel')?.shadowRoot?.querySelectorAll('[part="chip"]') ?? [])].map((chip) => chip.getAttribute('data-state'));
      return states.length > 0 && states.every((state) => state === 'connected');
    }, null, { timeout: 30_000 });
  } catch (error) {
    throw new Error(`${new URL(url).pathname} did not connect (${(await page.evaluate(chips)).join('; ') || 'no status chip'}): ${error.message}`);
  }
  return page;
}
