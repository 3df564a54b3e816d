import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { PACKAGE_ELEMENTS } from './src/package-elements.js';

const root = import.meta.dirname;

/**
 * The library build (`npm run build:lib`): ES modules in `lib/`, one entry for the package root
 * and one per element (src/package-elements.ts), so `import 'obs-overlay-kit/elements/chat'`
 * defines `<ovl-chat>` and pulls in nothing of the other elements. Shared code lands in
 * `lib/chunks/`. lit and tmi.js stay imports: they are the package's dependencies, deduplicated
 * by the user's bundler. package.json's `exports` names the same entries (test/package checks it).
 */
export const LIBRARY_ENTRIES: Record<string, string> = {
  index: 'src/index.ts',
  ...Object.fromEntries(Object.entries(PACKAGE_ELEMENTS).map(([name, module]) => [`elements/${name}`, `src/${module}`])),
};

export default defineConfig({
  // Never the site's public/ or HTML pages: only the modules below.
  publicDir: false,
  build: {
    outDir: 'lib',
    emptyOutDir: true,
    // OBS 28–30 embed Chromium 103, and so may the overlays built from this package.
    target: 'chrome103',
    minify: false,
    sourcemap: true,
    lib: {
      entry: Object.fromEntries(Object.entries(LIBRARY_ENTRIES).map(([name, file]) => [name, resolve(root, file)])),
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^tmi\.js($|\/)/],
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
