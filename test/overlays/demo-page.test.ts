import { afterEach, describe, expect, inject, test } from 'vitest';
import { commands } from 'vitest/browser';
import { advancingBy } from '../helpers/page.js';
import { BUILDER, CLICK, SetupPage } from '../helpers/setup-page.js';
import { fake } from '../helpers/fake-servers.js';
import { uniqueChannel } from '../helpers/chat.js';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { ALERT_KINDS } from '../../src/domain/stream-event.js';

let setup: SetupPage | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

/** The preview's iframe in the builder view, once it runs. */
const PREVIEW = `${BUILDER}.shadowRoot.querySelector('[part="preview"]').frame`;

describe('setup page: an overlay’s own view (production build)', { timeout: 60_000 }, () => {
  test('previews the chat overlay on the simulator at its OBS size and builds its OBS URL', async () => {
    setup = await SetupPage.open('?overlay=chat', { width: 1280, height: 900, reducedMotion: true }, '');
    await expect.poll(() => setup!.eval<string | null>(`${PREVIEW}?.getAttribute('src') ?? null`), { timeout: 5000 }).toMatch(/overlays\/chat\/\?demo$/);
    expect(await setup.eval<[string, string]>(`[${PREVIEW}.style.width, ${PREVIEW}.style.height]`)).toEqual(['450px', '800px']);
    const previewLines = `${PREVIEW}.contentDocument.querySelector('ovl-chat')?.shadowRoot.querySelectorAll('[part~="line"]').length ?? 0`;
    await expect.poll(() => setup!.eval<number>(previewLines), { timeout: 8000 }).toBeGreaterThan(2);

    // Fill the form as a streamer would; the URL follows, with the token after the #.
    await setup.fill(CLICK.field('channel'), 'mychannel');
    await setup.fill(CLICK.field('max-messages'), '25');
    await setup.fill(CLICK.field('token'), 'secret123');
    await setup.click(CLICK.field('hide-commands'));
    const urlOf = `${BUILDER}.url`;
    await expect.poll(() => setup!.eval<string>(urlOf)).toMatch(/\/overlays\/chat\/\?channel=mychannel&max-messages=25&hide-commands#token=secret123$/);
    const built = await setup.eval<string>(urlOf);
    // The simulated chat shows real Twitch emote images from Twitch's CDN; the test browser
    // resolves no outside host (so nothing leaves the machine), which logs these and only these.
    expect((await setup.page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
    await setup.eval('window.scrollTo(0, 0)');
    await expect.poll(() => setup!.eval<number>(previewLines), { timeout: 8000 }).toBeGreaterThan(2);
    await commands.pageSnapshot(setup.id, 'setup-3-builder', { docs: true });

    // The built URL, pasted into "Edit an existing URL", shows the chosen settings back in the builder.
    await setup.fill(CLICK.field('paste'), built.replace('mychannel', 'other'));
    await commands.pagePress(setup.id, 'Tab');
    await expect.poll(() => setup!.eval<string>(urlOf)).toBe(built.replace('mychannel', 'other'));

    // Remembered for the next visit, without the token; "Start over" forgets it.
    await commands.pageGoto(setup.id, `${inject('siteOrigin')}/?overlay=chat`);
    await expect.poll(() => setup!.eval<string>(urlOf).catch(() => '')).toBe(built.replace('mychannel', 'other').replace(/#.*$/, ''));
    expect(await setup.storage()).not.toContain('secret123');
    await setup.click('ovl-url-builder .start-over');
    await expect.poll(() => setup!.eval<string>(`localStorage.getItem('ovl.settings.chat')`)).toBeNull();
    expect(await setup.eval<string>(`${BUILDER}.shadowRoot.getElementById('channel').value`)).toBe('');
  });

  test('links can point at where the build is hosted, or at the files on disk for OBS', async () => {
    setup = await SetupPage.open('?overlay=chat', { width: 1280, height: 900 }, '');
    // A build is not the dev server: no warning that its links stop with it.
    expect(await setup.page.text('ovl-setup-page', 'ovl-base-url')).toHaveLength(1);
    expect(await setup.eval(`document.querySelector('ovl-setup-page').shadowRoot.querySelector('ovl-base-url').shadowRoot.querySelector('[part="dev-note"]')`)).toBeNull();
    await setup.fill(CLICK.field('channel'), 'mychannel');
    const urlOf = `${BUILDER}.url`;
    await setup.fill('ovl-base-url #base', 'https://me.github.io/overlays/');
    await expect.poll(() => setup!.eval<string>(urlOf)).toBe('https://me.github.io/overlays/overlays/chat/?channel=mychannel');
    // OBS's local-file handler serves files, not folders: the page is named.
    await setup.fill('ovl-base-url #base', 'http://absolute/C:/obs/dist/');
    await expect.poll(() => setup!.eval<string>(urlOf)).toBe('http://absolute/C:/obs/dist/overlays/chat/index.html?channel=mychannel');
    // The preview stays on this page's own build.
    expect(await setup.eval<string>(`${PREVIEW}.getAttribute('src')`)).toMatch(new RegExp(`^${inject('siteOrigin')}/overlays/chat/\\?`));
  });

  test('Live preview runs the chat overlay on the real channel (here the fake Twitch), with no token', async () => {
    const channel = uniqueChannel('live');
    setup = await SetupPage.open('?overlay=chat', { width: 1280, height: 900 }, `dev-chat=127.0.0.1:${fake.tmiPort}&dev-origin=${fake.httpOrigin}`);
    await setup.fill(CLICK.field('channel'), channel);
    await setup.fill(CLICK.field('emotes'), '');
    await commands.pagePress(setup.id, 'Tab');
    await setup.click(CLICK.live);
    await expect.poll(() => setup!.eval<string | null>(`${PREVIEW}?.getAttribute('src') ?? null`)).toMatch(new RegExp(`/overlays/chat/\\?channel=${channel}&emotes&dev-chat=`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    await commands.tmiPush(channel, [privmsg(channel, 'checking before going live', { login: 'someviewer', displayName: 'SomeViewer' })]);
    const lines = `[...(${PREVIEW}.contentDocument.querySelector('ovl-chat')?.shadowRoot.querySelectorAll('[part~="line"]') ?? [])].map((line) => line.textContent)`;
    await expect.poll(() => setup!.eval<string[]>(lines), { timeout: 5000 }).toEqual(['SomeViewer: checking before going live']);
  });
});

/** Page-side expressions for the alerts overlay's builder (its view) and the `<ovl-alerts>` in its preview. */
const ALERTS_BUILDER = BUILDER;
const PREVIEW_ALERTS = `${PREVIEW}?.contentDocument?.querySelector('ovl-alerts')`;

/** Types into fields of the alerts builder; `commit` as leaving the field would (the preview reloads). */
const fill = (values: Record<string, string>, commit: boolean) =>
  setup!.eval(`(() => {
    const root = ${ALERTS_BUILDER}.shadowRoot;
    for (const [id, value] of Object.entries(${JSON.stringify(values)})) {
      const input = root.getElementById(id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      if (${commit}) input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  })()`);
const clickTest = (kind: string) => setup!.eval(`${ALERTS_BUILDER}.shadowRoot.querySelector('[part="test"][data-test="${kind}"]').click()`);
const testStatus = (kind: string) =>
  setup!.eval<string | null>(`${ALERTS_BUILDER}.shadowRoot.querySelector('[part="test"][data-test="${kind}"]').closest('[part="group"]').querySelector('[part="test-status"]')?.textContent ?? null`);
/** The preview's alert on screen: its classes, its text, and whether that text holds any element. */
const shownAlert = () =>
  setup!.eval<{ className: string; text: string; elementsInText: number } | null>(`(() => {
    const alert = ${PREVIEW_ALERTS}?.shadowRoot.querySelector('[part~="alert"]');
    const text = alert?.querySelector('[part="text"]');
    return alert ? { className: alert.className, text: text.textContent, elementsInText: text.children.length } : null;
  })()`);
/** Waits for the preview to run with `query` in its URL and its alert box to be up. */
const previewRunning = (query: string) =>
  expect.poll(() => setup!.eval<boolean>(`Boolean(${PREVIEW}) && ${PREVIEW}.contentWindow.location.href.includes(${JSON.stringify(query)}) && Boolean(${PREVIEW_ALERTS})`), { timeout: 10_000 }).toBe(true);

describe('setup page: the alerts builder’s Test buttons', () => {
  test('every kind has its section and Test button, and each plays that kind’s alert in the preview', async () => {
    // On a clock the test moves ahead: each alert takes its second without the test waiting it out.
    setup = await SetupPage.open('?overlay=alerts', { width: 1280, height: 900, reducedMotion: true, clock: true }, '');
    const page = setup.page;
    await expect.poll(() => page.eval<string[]>(`[...${ALERTS_BUILDER}.shadowRoot.querySelectorAll('[part="test"]')].map((b) => b.dataset.test)`)).toEqual([...ALERT_KINDS]);
    // Silent and short, so thirteen alerts play quickly; the simulator keeps sending its own alerts meanwhile.
    await fill({ sound: 'none', duration: '1' }, true);
    await previewRunning('sound=none');
    // Every alert the preview shows, as shown: test alerts are the simulator's samples (ids `sample-<kind>-…`).
    await page.eval(`(() => {
      const alerts = ${PREVIEW_ALERTS};
      window.shownAlerts = [];
      alerts.addEventListener('ovl-alert-show', (e) => alerts.updateComplete.then(() => {
        const card = alerts.shadowRoot.querySelector('[part~="alert"]');
        window.shownAlerts.push({ id: e.detail.id, className: card.className, text: card.querySelector('[part="text"]').textContent });
      }));
    })()`);
    for (const kind of ALERT_KINDS) {
      await clickTest(kind);
      const shown = () => page.eval<{ id: string; className: string; text: string }[]>(`window.shownAlerts.filter((a) => a.id.startsWith('sample-${kind}-'))`);
      // The alerts queued ahead of it (the simulator's, the previous test's) play first, a second each.
      await expect.poll(advancingBy(page, 1000, shown), { timeout: 10_000 }).toEqual([{ id: expect.any(String), className: `alert ${kind}`, text: expect.stringMatching(/\w/) }]);
      expect((await shown())[0]!.text).not.toMatch(/[{}]|undefined|NaN/);
      expect(await testStatus(kind)).toMatch(/^Sent to the preview/);
    }
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  }, 60_000);

  test('a template typed into a kind’s field shows in its test alert, as text', async () => {
    setup = await SetupPage.open('?overlay=alerts', { width: 1280, height: 900, reducedMotion: true }, '');
    const page = setup.page;
    // Only raids alert from the simulator: any follow alert in the preview is the test one.
    await fill({ sound: 'none', events: 'raid' }, true);
    await previewRunning('events=raid');
    await page.eval(`${ALERTS_BUILDER}.shadowRoot.querySelector('[data-group="Follows"] .toggle').click()`);
    // Typed, not yet committed: the Test button reloads the preview with it before playing.
    await fill({ 'follow-template': '<b>{user}</b> <img src=x onerror="window.hacked=1">followed!' }, false);
    await clickTest('follow');
    await expect.poll(shownAlert, { timeout: 15_000 }).toEqual({ className: 'alert follow', text: expect.stringMatching(/^<b>\w+<\/b> <img src=x onerror="window.hacked=1">followed!$/), elementsInText: 0 });
    expect(await page.eval(`${PREVIEW}.contentWindow.location.search`)).toContain('follow-template=');
    expect(await page.eval(`${PREVIEW}.contentWindow.hacked ?? null`)).toBeNull();
    expect(await testStatus('follow')).toMatch(/^Sent to the preview/);
    await page.eval(`(() => {
      const root = ${ALERTS_BUILDER}.shadowRoot;
      root.querySelector('[data-group="General"] .toggle').click();
      root.querySelector('[data-group="Follows"]').scrollIntoView();
    })()`);
    await page.screenshot('setup-alerts-test');
  });
});
