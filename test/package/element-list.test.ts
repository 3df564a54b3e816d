import { describe, expect, test } from 'vitest';
import manifest from '../../package.json';
import rootModule from '../../src/index.ts?raw';
import { PACKAGE_ELEMENTS } from '../../src/package-elements.js';

/** `ovl-event-list` → `OvlEventList`. */
const className = (tag: string) => tag.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
const tagOf = (module: string) => module.split('/').at(-1)!.replace(/\.ts$/, '');
const listed = Object.entries(PACKAGE_ELEMENTS);

// vite.lib.config.ts builds its entries from the list; what cannot be built from it is held to it here.
describe('the package’s element list (src/package-elements.ts)', () => {
  test('package.json exports each element, and nothing else, under elements/<name>, with its types', () => {
    const exported = Object.entries(manifest.exports).filter(([path]) => path.startsWith('./elements/'));
    expect(Object.fromEntries(exported)).toEqual(
      Object.fromEntries(
        listed.map(([name, module]) => [`./elements/${name}`, { types: `./lib/types/${module.replace(/\.ts$/, '.d.ts')}`, import: `./lib/elements/${name}.js` }]),
      ),
    );
  });

  test('the package root exports the type of each element', () => {
    const exports = [...rootModule.matchAll(/^export type \{ ([^}]+) \} from '\.\/([^']+)\.js';$/gm)].map(([, names, module]) => ({ names: names!.split(', '), module }));
    for (const [, module] of listed) {
      const path = module.replace(/\.ts$/, '');
      expect(exports.find((e) => e.module === path)?.names, path).toContain(className(tagOf(module)));
    }
  });

  test('each listed module defines its element, and every element module of src/components/ is listed', () => {
    const sources = import.meta.glob<string>('../../src/components/**/ovl-*.ts', { query: '?raw', import: 'default', eager: true });
    const defining = Object.entries(sources)
      .filter(([, text]) => /@customElement\(|customElements\.define\(/.test(text))
      .map(([path, text]) => ({ module: path.replace('../../src/', ''), text }));
    expect(defining.map((d) => d.module).sort()).toEqual(listed.map(([, module]) => module).sort());
    for (const { module, text } of defining) {
      // Lit's decorator, or the platform's call (<ovl-label>, the one element without Lit).
      expect(text, module).toMatch(new RegExp(`@customElement\\('${tagOf(module)}'\\)|customElements\\.define\\('${tagOf(module)}',`));
      expect(text, module).toContain(`export class ${className(tagOf(module))} `);
    }
  });
});
