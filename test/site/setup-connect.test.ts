import { afterEach, describe, expect, inject, test } from 'vitest';
import { commands } from 'vitest/browser';
import { OVERLAYS } from '../../src/registry/overlays.js';
import { usedScopes } from '../../src/registry/overlay-entry.js';
import { parseConfig } from '../../src/config/parse.js';
import { QUICK_POLL_CLIENT_ID } from '../helpers/http.js';
import { ALWAYS_ASKING_CLIENT_PREFIX, DENYING_CLIENT_ID } from '../helpers/oauth.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { fake } from '../helpers/fake-servers.js';
import { CLICK, SETUP, SetupPage, authorizeRequests, consentShown, tokenOf, validated } from '../helpers/setup-page.js';

let setup: SetupPage | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

const overlay = (name: string) => OVERLAYS.find((candidate) => candidate.name === name)!;
const scopesOf = (name: string) => usedScopes(overlay(name));
let clients = 0;
/** A client id of its own per test: the fake remembers what each client was granted. */
const newClient = (prefix = 'app') => `${prefix}-${Date.now()}-${++clients}`;

/** A drop target on the setup page that keeps what each drop carried, as OBS's preview would receive it. */
const DROP_ZONE = `(() => {
  const zone = document.createElement('div');
  zone.id = 'obs-preview';
  zone.style.cssText = 'position:fixed;right:0;bottom:0;width:240px;height:135px;background:#222;z-index:9';
  window.drops = [];
  zone.addEventListener('dragover', (e) => e.preventDefault());
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    window.drops.push({ uriList: e.dataTransfer.getData('text/uri-list'), text: e.dataTransfer.getData('text/plain') });
  });
  document.body.append(zone);
})()`;

describe('setup page: one Connect with Twitch (production build, fake id.twitch.tv)', { timeout: 60_000 }, () => {
  test('from opening the page to three overlays dragged into OBS: one consent for the union, then a token per overlay with only its scopes; clicks ≤ picked + 2', async () => {
    setup = await SetupPage.open();
    const clientId = newClient();
    await setup.fill(CLICK.clientId, clientId);
    const picked = ['chat', 'alerts', 'events'];
    expect(await setup.eval<boolean[]>(`${JSON.stringify(picked)}.map((name) => ${SETUP}.shadowRoot.querySelector('ovl-overlay-card[data-overlay="' + name + '"]').picked)`)).toEqual([true, true, true]);
    await commands.pageSnapshot(setup.id, 'setup-1-gallery', { docs: true });

    const popup = await setup.clickForPopup(CLICK.connect);
    await consentShown(popup);
    await setup.click(CLICK.authorize, popup);
    await expect.poll(() => setup!.status(), { timeout: 15_000 }).toBe('Connected as teststreamer. Each of the 3 picked overlays’ links has its own token, with only the scopes it uses, after the #.');
    // The page closed its popup; it never reloaded (the address bar never held a token).
    await expect.poll(() => commands.pageIsClosed(popup)).toBe(true);
    expect(await setup.eval('location.href')).toBe(`${inject('siteOrigin')}/?dev-origin=${fake.httpOrigin}`);

    // One consent screen, for the union; then each overlay's own scopes, granted without asking and without force_verify.
    const union = [...new Set(picked.flatMap(scopesOf))];
    expect(await authorizeRequests(clientId)).toEqual({ scopes: [union, scopesOf('chat'), scopesOf('alerts'), scopesOf('events')], forced: false, consents: 1 });

    const tokens = new Set<string>();
    for (const name of picked) {
      const link = await setup.link(name);
      const token = tokenOf(link)!;
      tokens.add(token);
      const validation = await validated(token);
      expect(validation.scopes, name).toEqual(scopesOf(name));
      expect(validation.login).toBe('teststreamer');
    }
    // Each link its own token; the union's token is in none.
    expect(tokens.size).toBe(3);
    expect(await setup.link('chat')).toMatch(/\/overlays\/chat\/\?channel=teststreamer#token=\w+$/);
    expect(await setup.expiry()).toBe('Tokens valid for 58 more days; connect again to renew every link.');
    await commands.pageSnapshot(setup.id, 'setup-2-connected', { docs: true });

    // Three drags into "OBS": each carries the whole link (token and channel) with the Browser Source's name and size.
    await setup.eval(DROP_ZONE);
    for (const name of picked) {
      const href = await setup.eval<string>(`${SETUP}.shadowRoot.querySelector('ovl-overlay-card[data-overlay="${name}"]').shadowRoot.querySelector('[part="link"]').shadowRoot.querySelector('[part="drag"]').getAttribute('href')`);
      expect(href, 'no secret in the href shown on hover').not.toContain('#');
      await setup.drag(CLICK.drag(name), '#obs-preview');
    }
    const drops = await setup.eval<{ uriList: string; text: string }[]>('window.drops');
    expect(drops).toHaveLength(3);
    for (const [i, name] of picked.entries()) {
      const { title, obs, schema } = overlay(name);
      const dropped = new URL(drops[i]!.uriList);
      expect(drops[i]!.text).toBe(drops[i]!.uriList);
      expect([dropped.searchParams.get('layer-name'), dropped.searchParams.get('layer-width'), dropped.searchParams.get('layer-height')]).toEqual([title, String(obs.width), String(obs.height)]);
      // OBS reads the name without turning + into a space.
      expect(drops[i]!.uriList).toContain(`layer-name=${encodeURIComponent(title)}`);
      expect(tokenOf(drops[i]!.uriList)).toBe(tokenOf(await setup.link(name)));
      // The overlay itself ignores what OBS reads, without a warning.
      expect(parseConfig(schema, dropped).problems).toEqual([]);
    }
    expect(new URL(drops[0]!.uriList).searchParams.get('channel')).toBe('teststreamer');

    expect(setup.clicks).toBeLessThanOrEqual(picked.length + 2);
    // No token in this tab's storage, nor in the log.
    const storage = await setup.storage();
    for (const token of tokens) expect(storage).not.toContain(token);
    const errors = (await setup.page.errors()).join('\n');
    for (const token of tokens) expect(errors).not.toContain(token);
  });

  test('Copy URL copies the clean link, token and channel included', async () => {
    setup = await SetupPage.open();
    await commands.pageAllowClipboard(setup.id);
    await setup.fill(CLICK.clientId, newClient());
    const popup = await setup.clickForPopup(CLICK.connect);
    await consentShown(popup);
    await setup.click(CLICK.authorize, popup);
    await expect.poll(() => setup!.status(), { timeout: 15_000 }).toMatch(/^Connected as teststreamer/);
    for (const name of ['chat', 'alerts']) {
      await setup.click(CLICK.copy(name));
      const copied = await setup.eval<string>('navigator.clipboard.readText()');
      expect(copied).toBe(await setup.link(name));
      expect(tokenOf(copied)).toMatch(/^granted\d+$/);
      expect(copied).not.toContain('layer-');
    }
    expect(await setup.eval<string>('navigator.clipboard.readText()')).toMatch(/\/overlays\/alerts\/#token=granted\d+$/);
    expect(new URL(await setup.link('chat')).searchParams.get('channel')).toBe('teststreamer');
  });

  test('where Twitch asks again for each subset, the popup shows each consent screen and the flow still ends with a token per overlay', async () => {
    setup = await SetupPage.open();
    const clientId = newClient(ALWAYS_ASKING_CLIENT_PREFIX);
    await setup.fill(CLICK.clientId, clientId);
    await setup.click(CLICK.mine('events'));
    const popup = await setup.clickForPopup(CLICK.connect);
    for (let screen = 1; screen <= 3; screen++) {
      // The screen of this very request (its own state), not the last one still on show while the popup moves on.
      await expect.poll(async () => (await authorizeRequests(clientId)).scopes.length, { timeout: 15_000 }).toBe(screen);
      const [asked] = (await commands.httpRequests('/id/oauth2/authorize')).filter((request) => request.url.includes(`client_id=${clientId}&`)).slice(-1);
      const state = new URL(asked!.url, fake.httpOrigin).searchParams.get('state')!;
      await expect
        .poll(() => commands.pageEval(popup, `location.search.includes(${JSON.stringify(state)}) && Boolean(document.getElementById('authorize'))`).catch(() => false), { timeout: 15_000 })
        .toBe(true);
      await setup.click(CLICK.authorize, popup);
    }
    await expect.poll(() => setup!.status(), { timeout: 15_000 }).toMatch(/^Connected as teststreamer. Each of the 2 picked overlays’ links has its own token/);
    expect(await authorizeRequests(clientId)).toMatchObject({ scopes: [[...new Set([...scopesOf('chat'), ...scopesOf('alerts')])], scopesOf('chat'), scopesOf('alerts')], consents: 3 });
    expect((await validated(tokenOf(await setup.link('alerts'))!)).scopes).toEqual(scopesOf('alerts'));
  });

  test('a blocked popup says so; continuing in this tab keeps the choices and typed settings, and comes back with every link', async () => {
    setup = await SetupPage.open();
    // What a popup blocker answers.
    await setup.eval('window.open = () => null');
    const clientId = newClient();
    await setup.fill(CLICK.clientId, clientId);
    await setup.click(CLICK.mine('events'));
    await setup.click(CLICK.mine('goal'));
    await setup.click(CLICK.settings('chat'));
    await setup.fill(CLICK.field('channel'), 'mychannel');
    await setup.fill(CLICK.field('max-messages'), '25');
    await setup.click(CLICK.connect);
    expect(await setup.status()).toMatch(/^Your browser blocked the Twitch window\./);

    await setup.click(CLICK.continueInTab);
    await expect.poll(() => setup!.eval<string>('location.href').catch(() => ''), { timeout: 10_000 }).toMatch(/\/id\/oauth2\/authorize\?/);
    await consentShown(setup.id);
    await setup.click(CLICK.authorize);
    // Back on the setup page, which goes on to each overlay's own token by itself, then is done.
    await expect.poll(() => setup!.status().catch(() => ''), { timeout: 20_000 }).toMatch(/^Connected as teststreamer. Each of the 3 picked overlays’ links has its own token/);
    const back = new URL(await setup.eval<string>('location.href'));
    expect([back.pathname, back.searchParams.get('overlay'), back.hash]).toEqual(['/', 'chat', '']);
    expect(await authorizeRequests(clientId)).toEqual({
      scopes: [[...new Set(['chat', 'alerts', 'goal'].flatMap(scopesOf))], scopesOf('chat'), scopesOf('alerts'), scopesOf('goal')],
      forced: false,
      consents: 1,
    });
    // The choices and the typed settings survived the trips; the typed channel stayed.
    expect(await setup.texts('chat')).toMatchObject({ channel: 'mychannel', maxMessages: '25' });
    expect(await setup.link('events')).toBe('');
    expect((await validated(tokenOf(await setup.link('goal'))!)).scopes).toEqual(['channel:read:goals']);
    expect(new URL(await setup.link('chat')).search).toBe('?channel=mychannel&max-messages=25');
    expect(await setup.eval<string>(`${SETUP}.shadowRoot.querySelector('ovl-url-builder').shadowRoot.getElementById('channel').value`)).toBe('mychannel');
    // The tokens crossed the trips in this tab's sessionStorage only, and are gone from it now.
    const storage = await setup.storage();
    for (const name of ['chat', 'alerts', 'goal']) expect(storage).not.toContain(tokenOf(await setup.link(name))!);
  });

  test('a message from another origin, or with a state the page did not issue, is ignored', async () => {
    setup = await SetupPage.open();
    const clientId = newClient();
    await setup.fill(CLICK.clientId, clientId);
    const popup = await setup.clickForPopup(CLICK.connect);
    await consentShown(popup);
    const pending = (await commands.httpRequests('/id/oauth2/authorize')).map((request) => new URL(request.url, fake.httpOrigin)).filter((url) => url.searchParams.get('client_id') === clientId)[0]!;
    const state = pending.searchParams.get('state')!;
    // Every message the page receives, to know each forged one has arrived before looking at what it did.
    await setup.eval(`window.received = []; window.addEventListener('message', (e) => window.received.push(e.data?.answer ?? ''))`);
    const received = () => setup!.eval<string[]>('window.received');
    const answer = (token: string, forState: string) => `access_token=${token}&scope=&state=${forState}&token_type=bearer`;

    // Another origin, with the state the page really issued.
    const forged = JSON.stringify({ type: 'ovl-twitch-login', answer: answer('fromelsewhere', state) });
    await setup.eval(`document.body.append(Object.assign(document.createElement('iframe'), { src: 'data:text/html,' + encodeURIComponent('<script>parent.postMessage(${forged.replaceAll('"', '\\"')}, "*")</script>') }))`);
    // This origin, but not the popup.
    await setup.eval(`window.postMessage(${JSON.stringify({ type: 'ovl-twitch-login', answer: answer('notthepopup', state) })}, location.origin)`);
    // The popup, on this site's callback page, with a state the page never issued.
    await commands.pageGoto(popup, `${inject('siteOrigin')}/auth.html#${answer('forgedstate', 'forged')}`);
    await expect.poll(received, { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining('fromelsewhere'), expect.stringContaining('notthepopup'), expect.stringContaining('forgedstate')]));
    expect(await setup.status()).toMatch(/^Waiting for Twitch in the Twitch window/);
    expect(await commands.pageIsClosed(popup)).toBe(false);
    for (const name of ['chat', 'alerts', 'events']) expect(await setup.link(name)).not.toMatch(/fromelsewhere|notthepopup|forgedstate/);

    // The real answer still goes through.
    await commands.pageGoto(popup, pending.href);
    await setup.click(CLICK.authorize, popup);
    await expect.poll(() => setup!.status(), { timeout: 15_000 }).toMatch(/^Connected as teststreamer/);
    expect(tokenOf(await setup.link('chat'))).toMatch(/^granted\d+$/);
  });

  test('the connected login fills every channel field but one typed by hand, which stays; the fields stay editable', async () => {
    setup = await SetupPage.open('?overlay=stream-info');
    await setup.fill(CLICK.clientId, newClient());
    await setup.fill(CLICK.field('channel'), 'twitch.tv/OtherChannel');
    await setup.click('ovl-setup-page #mine');
    const popup = await setup.clickForPopup(CLICK.connect);
    await consentShown(popup);
    await setup.click(CLICK.authorize, popup);
    await expect.poll(() => setup!.status(), { timeout: 15_000 }).toMatch(/^Connected as teststreamer/);
    const channels = await setup.eval<Record<string, string>>(`Object.fromEntries(['chat', 'stream-info', 'heatmap', 'studio'].map((name) => [name, ${SETUP}.draftOf(name).texts.channel]))`);
    expect(channels).toEqual({ chat: 'teststreamer', 'stream-info': 'twitch.tv/OtherChannel', heatmap: 'teststreamer', studio: 'teststreamer' });
    expect(new URL(await setup.link('stream-info')).searchParams.get('channel')).toBe('otherchannel');
    expect((await validated(tokenOf(await setup.link('stream-info'))!)).scopes).toEqual([]);
    // Editable afterwards, and remembered (not the token) for the next visit.
    await setup.click(CLICK.back);
    await setup.click(CLICK.settings('chat'));
    await setup.fill(CLICK.field('channel'), 'thirdchannel');
    expect(new URL(await setup.link('chat')).searchParams.get('channel')).toBe('thirdchannel');
    const remembered = await setup.eval<string>(`localStorage.getItem('ovl.settings.chat')`);
    expect(JSON.parse(remembered)).toEqual({ texts: { channel: 'thirdchannel' }, touched: ['channel'] });
    expect(await setup.storage()).not.toMatch(/granted\d+/);
  });

  test('a refused login is shown and fills nothing', async () => {
    setup = await SetupPage.open();
    await setup.fill(CLICK.clientId, DENYING_CLIENT_ID);
    const popup = await setup.clickForPopup(CLICK.connect);
    await expect.poll(() => setup!.status(), { timeout: 10_000 }).toBe('Twitch did not grant access: The user denied you access');
    await expect.poll(() => commands.pageIsClosed(popup)).toBe(true);
    expect(await setup.link('alerts')).toBe('');
  });

  test('an answer the tab did not ask for, back from a same-tab trip, is said to be ignored and fills nothing', async () => {
    setup = await SetupPage.open();
    await setup.eval(`sessionStorage.setItem('ovl.auth.return', location.href)`);
    await commands.pageGoto(setup.id, `${inject('siteOrigin')}/auth.html#access_token=stolen&scope=&state=whatever&token_type=bearer`);
    await expect.poll(() => setup!.status().catch(() => ''), { timeout: 10_000 }).toMatch(/did not match a login started on this page/);
    expect(await setup.eval('location.hash')).toBe('');
    for (const name of ['chat', 'alerts', 'events']) expect(await setup.link(name)).not.toContain('stolen');
  });

  test('"Connect with a code" shows each code to enter, then fills the picked links', async () => {
    setup = await SetupPage.open();
    await setup.fill(CLICK.clientId, QUICK_POLL_CLIENT_ID);
    await setup.click(CLICK.mine('events'));
    await setup.click(CLICK.connectWithCode);
    await expect.poll(() => setup!.status(), { timeout: 5000 }).toBe('Code 1 of 2: Go to https://www.twitch.tv/activate and enter the code ABCDEFGH. This page waits for you.');
    // The fake answers "pending" twice per code at this client's 1 s interval: about 6 s in all.
    // On the real clock: a fake one would also run every animation frame of the gallery's
    // previews for each second it is moved ahead, which cost this test up to a minute.
    await expect.poll(() => setup!.status(), { timeout: 30_000, interval: 250 }).toMatch(/^Connected as teststreamer/);
    expect((await validated(tokenOf(await setup.link('chat'))!)).scopes).toEqual(scopesOf('chat'));
    expect((await validated(tokenOf(await setup.link('alerts'))!)).scopes).toEqual(scopesOf('alerts'));
  });
});

describe('setup page: Live preview of an event overlay with the minted token', { timeout: 60_000 }, () => {
  test('the event list’s live preview subscribes with its own token and lists a real event', async () => {
    setup = await SetupPage.open('', {}, `dev-origin=${fake.httpOrigin}&dev-eventsub=${fake.eventsubUrl}`);
    await setup.fill(CLICK.clientId, newClient());
    const popup = await setup.clickForPopup(CLICK.connect);
    await consentShown(popup);
    await setup.click(CLICK.authorize, popup);
    await expect.poll(() => setup!.status(), { timeout: 15_000 }).toMatch(/^Connected as teststreamer/);
    const token = tokenOf(await setup.link('events'))!;
    await setup.click(CLICK.settings('events'));
    await setup.click(CLICK.live);
    const frame = `${SETUP}.shadowRoot.querySelector('ovl-url-builder').shadowRoot.querySelector('[part="preview"]').frame`;
    await expect.poll(() => setup!.eval<string | null>(`${frame}?.getAttribute('src') ?? null`)).toMatch(new RegExp(`/overlays/events/\\?dev-origin=.*&dev-eventsub=.*#token=${token}$`));
    const rows = `[...(${frame}.contentDocument.querySelector('ovl-event-list')?.shadowRoot.querySelectorAll('[part="text"]') ?? [])].map((row) => row.textContent)`;
    await expect.poll(async () => (await commands.esSessions()).some((session) => session.types.includes('channel.raid')), { timeout: 10_000 }).toBe(true);
    await commands.esNotify('channel.raid', { ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_name: 'LiveRaider', from_broadcaster_user_login: 'liveraider', viewers: 7 });
    await expect.poll(() => setup!.eval<string[]>(rows), { timeout: 10_000 }).toEqual(['LiveRaider raided with 7 viewers']);
  });
});
