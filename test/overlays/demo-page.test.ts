import { afterEach, describe, expect, inject, test } from 'vitest';
import { openPage, type OverlayPage } from '../helpers/page.js';

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
