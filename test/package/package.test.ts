import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../helpers/chat.js';
import { openLocalFile, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

/**
 * The package as a developer gets it: `npm pack`, installed into a fresh project, a page there
 * that imports a source and an element by the package's name, type-checked by tsc (our .d.ts
 * included) and built by Vite, then run against the fake TMI server.
 */
// Packing, installing, type-checking and building take a while on a loaded 2-core machine: once per run.
describe('the installed package', { timeout: 120_000 }, () => {
  test('packs only the library and declares its entries, types and side effects', async () => {
    const { files, manifest } = await commands.packageConsumer();
    expect(files.filter((file) => !['package.json', 'README.md', 'LICENSE', 'custom-elements.json'].includes(file) && !file.startsWith('lib/'))).toEqual([]);
    expect(manifest.customElements).toBe('custom-elements.json');
    const exported = manifest.exports as Record<string, { types: string; import: string } | string>;
    for (const entry of Object.values(exported)) {
      if (typeof entry === 'string') continue;
      expect(files, entry.import).toContain(entry.import.replace(/^\.\//, ''));
      expect(files, entry.types).toContain(entry.types.replace(/^\.\//, ''));
    }
    expect(manifest.dependencies).toEqual({ lit: expect.any(String), 'tmi.js': expect.any(String) });
    // The site build reads the same field: its element modules (src/**/ovl-*.ts) define elements too.
    expect(manifest.sideEffects).toEqual(['./lib/elements/*.js', './src/**/ovl-*.ts']);
    // lit and tmi.js are imported, not bundled in.
    expect(files.some((file) => /node_modules|lit-html|tmi\.js/.test(file))).toBe(false);
  });

  test('every module that defines an element is named ovl-*.ts, so `sideEffects` keeps it in every build', () => {
    const sources = import.meta.glob<string>('../../src/**/*.ts', { query: '?raw', import: 'default', eager: true });
    const defining = Object.entries(sources).filter(([, text]) => /@customElement\(|customElements\.define\(/.test(text)).map(([path]) => path);
    expect(defining.length).toBeGreaterThanOrEqual(7);
    expect(defining.filter((path) => !/\/ovl-[^/]+\.ts$/.test(path))).toEqual([]);
  });

  test('custom-elements.json names every part, custom property and event the elements use', async () => {
    const { elements } = await commands.packageConsumer();
    const sources = import.meta.glob<string>('../../src/components/**/*.ts', { query: '?raw', import: 'default', eager: true });
    const folders = new Map<string, { parts: Set<string>; props: Set<string>; events: Set<string>; tags: string[] }>();
    for (const module of elements.modules) {
      for (const element of module.declarations ?? []) {
        if (!element.tagName) continue;
        const folder = module.path.replace(/[^/]+$/, '');
        const known = folders.get(folder) ?? { parts: new Set(), props: new Set(), events: new Set(), tags: [] };
        known.tags.push(element.tagName);
        element.cssParts?.forEach((p) => known.parts.add(p.name));
        element.cssProperties?.forEach((p) => known.props.add(p.name));
        element.events?.forEach((e) => known.events.add(e.name));
        folders.set(folder, known);
      }
    }
    expect(folders.size).toBeGreaterThanOrEqual(6);
    for (const [folder, known] of folders) {
      const text = Object.entries(sources)
        .filter(([path]) => path.replace(/^(\.\.\/)+/, '').replace(/[^/]+$/, '') === folder)
        .map(([, source]) => source)
        .join('\n');
      const used = (pattern: RegExp) => new Set([...text.matchAll(pattern)].flatMap((m) => m[1]!.trim().split(/\s+/)));
      // part="a b", part: 'a', .part = 'a', setAttribute('part', 'a'); ${…} parts are their literal choices.
      const parts = used(/\bpart(?:=|: |\s*=\s*|', )["'`]([a-z][a-z -]*)["'`]/g);
      expect([...parts].filter((p) => !known.parts.has(p)), `${known.tags.join(', ')}: parts`).toEqual([]);
      expect([...used(/var\((--ovl-[a-z-]+)/g)].filter((p) => !known.props.has(p)), `${known.tags.join(', ')}: custom properties`).toEqual([]);
      expect([...used(/fire\(this, '(ovl-[a-z-]+)'/g)].filter((e) => !known.events.has(e)), `${known.tags.join(', ')}: events`).toEqual([]);
    }
  });

  test('a page built from it shows live chat with no console errors', async () => {
    const { dist } = await commands.packageConsumer();
    const channel = uniqueChannel('pkg');
    const page: OverlayPage = await openLocalFile(`${dist}/index.html?channel=${channel}&port=${fake.tmiPort}`);
    try {
      await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
      await commands.tmiPush(channel, [privmsg(channel, 'hello from the package', { login: 'pkgviewer', displayName: 'PkgViewer' })]);
      await expect.poll(() => page.text('ovl-chat', '[part~="line"]'), { timeout: 5000 }).toEqual(['PkgViewer: hello from the package']);
      expect(await page.eval('document.body.dataset.state')).toBe('connected');
      expect(await page.errors()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
