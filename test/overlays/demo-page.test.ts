import { afterEach, describe, expect, inject, test } from 'vitest';
import { advancingBy, openPage, type OverlayPage } from '../helpers/page.js';
import { EVENT_KINDS } from '../../src/domain/stream-event.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

describe('demo page (production build)', () => {
  test('previews the chat overlay on the simulator and builds its OBS URL', async () => {
    page = await openPage('/', { width: 1280, height: 900, reducedMotion: true });
    await expect.poll(() => page!.attr('ovl-url-builder', '[part="preview"]', 'src'), { timeout: 5000 }).toEqual([expect.stringMatching(/overlays\/chat\/\?demo$/)]);
    const previewLines = `document.querySelector('ovl-url-builder').shadowRoot.querySelector('iframe').contentDocument.querySelector('ovl-chat')?.shadowRoot.querySelectorAll('[part~="line"]').length ?? 0`;
    await expect.poll(() => page!.eval<number>(previewLines), { timeout: 8000 }).toBeGreaterThan(2);

    // Fill the form as a streamer would; the URL follows, with the token after the #.
    await page.eval(`(() => {
      const root = document.querySelector('ovl-url-builder').shadowRoot;
      const fill = (id, value) => { const input = root.getElementById(id); input.value = value; input.dispatchEvent(new Event('input')); };
      fill('channel', 'mychannel');
      fill('max-messages', '25');
      fill('token', 'secret123');
      const box = root.getElementById('hide-commands'); box.checked = true; box.dispatchEvent(new Event('change'));
    })()`);
    const urlOf = `document.querySelector('ovl-url-builder').url`;
    await expect.poll(() => page!.eval<string>(urlOf)).toMatch(/\/overlays\/chat\/\?channel=mychannel&max-messages=25&hide-commands#token=secret123$/);
    const built = await page.eval<string>(urlOf);
    // The simulated chat shows real Twitch emote images from Twitch's CDN; the test browser
    // resolves no outside host (so nothing leaves the machine), which logs these and only these.
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
    await expect.poll(() => page!.eval<number>(previewLines), { timeout: 8000 }).toBeGreaterThan(2);
    await page.screenshot('demo-page');

    // The built URL, opened as OBS would, shows the chosen settings back in the builder.
    await page.eval(`document.querySelector('ovl-url-builder').load(${JSON.stringify(built.replace('mychannel', 'other'))})`);
    await expect.poll(() => page!.eval<string>(urlOf)).toBe(built.replace('mychannel', 'other'));
  });

  test('links can point at where the build is hosted, or at the files on disk for OBS', async () => {
    page = await openPage('/', { width: 1280, height: 900 });
    const setBase = (base: string) =>
      page!.eval(`(() => {
        const input = document.querySelector('ovl-base-url').shadowRoot.getElementById('base');
        input.value = ${JSON.stringify(base)};
        input.dispatchEvent(new Event('input'));
        document.querySelector('ovl-url-builder').setValue('channel', 'mychannel');
      })()`);
    // A build is not the dev server: no warning that its links stop with it.
    expect(await page.text('ovl-base-url', '[part="dev-note"]')).toEqual([]);
    const urlOf = `document.querySelector('ovl-url-builder').url`;
    await setBase('https://me.github.io/overlays/');
    await expect.poll(() => page!.eval<string>(urlOf)).toBe('https://me.github.io/overlays/overlays/chat/?channel=mychannel');
    // OBS's local-file handler serves files, not folders: the page is named.
    await setBase('http://absolute/C:/obs/dist/');
    await expect.poll(() => page!.eval<string>(urlOf)).toBe('http://absolute/C:/obs/dist/overlays/chat/index.html?channel=mychannel');
    // The preview stays on this page's own build.
    expect(await page.attr('ovl-url-builder', '[part="preview"]', 'src')).toEqual([expect.stringMatching(new RegExp(`^${inject('siteOrigin')}/overlays/chat/\\?`))]);
  });
});

/** Page-side expressions for the alerts overlay's builder and the `<ovl-alerts>` in its preview. */
const ALERTS_BUILDER = `[...document.querySelectorAll('ovl-url-builder')].find((b) => b.path === 'overlays/alerts/')`;
const PREVIEW = `${ALERTS_BUILDER}.shadowRoot.querySelector('[part="preview"]')`;
const PREVIEW_ALERTS = `${PREVIEW}.contentDocument?.querySelector('ovl-alerts')`;

/** Types into fields of the alerts builder; `commit` as leaving the field would (the preview reloads). */
const fill = (values: Record<string, string>, commit: boolean) =>
  page!.eval(`(() => {
    const root = ${ALERTS_BUILDER}.shadowRoot;
    for (const [id, value] of Object.entries(${JSON.stringify(values)})) {
      const input = root.getElementById(id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      if (${commit}) input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  })()`);
const clickTest = (kind: string) => page!.eval(`${ALERTS_BUILDER}.shadowRoot.querySelector('[part="test"][data-test="${kind}"]').click()`);
const testStatus = (kind: string) =>
  page!.eval<string | null>(`${ALERTS_BUILDER}.shadowRoot.querySelector('[part="test"][data-test="${kind}"]').closest('[part="group"]').querySelector('[part="test-status"]')?.textContent ?? null`);
/** The preview's alert on screen: its classes, its text, and whether that text holds any element. */
const shownAlert = () =>
  page!.eval<{ className: string; text: string; elementsInText: number } | null>(`(() => {
    const alert = ${PREVIEW_ALERTS}?.shadowRoot.querySelector('[part~="alert"]');
    const text = alert?.querySelector('[part="text"]');
    return alert ? { className: alert.className, text: text.textContent, elementsInText: text.children.length } : null;
  })()`);
/** Waits for the preview to run with `query` in its URL and its alert box to be up. */
const previewRunning = (query: string) =>
  expect.poll(() => page!.eval<boolean>(`${PREVIEW}.contentWindow.location.href.includes(${JSON.stringify(query)}) && Boolean(${PREVIEW_ALERTS})`), { timeout: 10_000 }).toBe(true);

describe('demo page: the alerts builder’s Test buttons', () => {
  test('every kind has its section and Test button, and each plays that kind’s alert in the preview', async () => {
    // On a clock the test moves ahead: each alert takes its second without the test waiting it out.
    page = await openPage('/', { width: 1280, height: 900, reducedMotion: true, clock: true });
    await expect.poll(() => page!.eval<string[]>(`[...${ALERTS_BUILDER}.shadowRoot.querySelectorAll('[part="test"]')].map((b) => b.dataset.test)`)).toEqual([...EVENT_KINDS]);
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
    for (const kind of EVENT_KINDS) {
      await clickTest(kind);
      const shown = () => page!.eval<{ id: string; className: string; text: string }[]>(`window.shownAlerts.filter((a) => a.id.startsWith('sample-${kind}-'))`);
      // The alerts queued ahead of it (the simulator's, the previous test's) play first, a second each.
      await expect.poll(advancingBy(page, 1000, shown), { timeout: 10_000 }).toEqual([{ id: expect.any(String), className: `alert ${kind}`, text: expect.stringMatching(/\w/) }]);
      expect((await shown())[0]!.text).not.toMatch(/[{}]|undefined|NaN/);
      expect(await testStatus(kind)).toMatch(/^Sent to the preview/);
    }
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  }, 60_000);

  test('a template typed into a kind’s field shows in its test alert, as text', async () => {
    page = await openPage('/', { width: 1280, height: 900, reducedMotion: true });
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
    await page.screenshot('demo-page-alert-test');
  });
});
