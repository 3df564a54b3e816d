import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { EventSubSource } from '../../src/sources/eventsub/eventsub-source.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { BROADCASTER_TOKEN, FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID } from '../helpers/http.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake, fakeTwitchEndpoints } from '../helpers/fake-servers.js';

/**
 * An overlay page (the production build) whose account already has the 3 EventSub connections
 * Twitch allows (§3.4; the fake enforces it), held here by plain EventSubSources as another
 * OBS or a browser tab would.
 */
const running: { stop(): void }[] = [];
let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
  running.splice(0).forEach((one) => one.stop());
  // The account's connections are free again before the next test (or file) opens one.
  await expect.poll(async () => (await commands.esSessions()).filter((s) => s.tag.startsWith('elsewhere-page') || s.tag.startsWith('limits-page')).length).toBe(0);
});

async function elsewhere(n: number): Promise<void> {
  const source = new EventSubSource({
    helix: new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints() }),
    subscriptions: [{ type: `test.elsewhere.${n}`, version: '1', condition: { broadcaster_user_id: FIXTURE_CHANNEL_ID } }],
    url: `${fake.eventsubUrl}?tag=elsewhere-page-${n}`,
  });
  running.push(source);
  source.start();
  await expect.poll(() => source.status.state, { timeout: 5000 }).toBe('connected');
}

describe('an overlay past the EventSub connections Twitch allows an account', () => {
  test('the card quotes Twitch and says what to close; each subscription was asked once, and the refused session is closed', async () => {
    for (const n of [1, 2, 3]) await elsewhere(n);
    const tag = `limits-page-${Math.random().toString(36).slice(2, 8)}`;
    const before = (await commands.httpRequests('/helix/eventsub/subscriptions')).length;
    const eventsub = encodeURIComponent(`${fake.eventsubUrl}?tag=${tag}`);
    page = await openPage(`/overlays/alerts/?dev-origin=${fake.httpOrigin}&dev-eventsub=${eventsub}#token=${BROADCASTER_TOKEN}`);
    const card = async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '';
    await expect.poll(card, { timeout: 10_000 }).toMatch(
      /^Twitch allows 3 EventSub connections per account and refused another \(The Twitch API answered 429: number of websocket transports limit exceeded\.\)\. Close the other overlay sets of this account, e\.g\. a second copy in another OBS or in a browser tab\./,
    );
    // One POST per subscription: a 429 naming the limit is not retried.
    const types = (await commands.httpRequests('/helix/eventsub/subscriptions')).slice(before).map((r) => (JSON.parse(r.body ?? '{}') as { type: string }).type);
    expect(types.length).toBeGreaterThan(1);
    expect(new Set(types).size).toBe(types.length);
    // The session Twitch refused everything of is closed at once, the next minutes away (eventsub-owner.test.ts steps that time).
    await expect.poll(() => commands.esConnections(tag)).toEqual({ opened: 1, open: 0 });
    // The card is over the overlay, which stays, to come back with the connection.
    expect(await page.eval('document.querySelector("ovl-alerts") !== null')).toBe(true);
  });
});
