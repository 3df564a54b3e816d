import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * The library build (`npm run build:lib`): ES modules in `lib/`, one entry for the package root
 * and one per element, so `import 'obs-overlay-kit/elements/chat'` defines `<ovl-chat>` and
 * pulls in nothing of the other elements. Shared code lands in `lib/chunks/`. lit and tmi.js
 * stay imports: they are the package's dependencies, deduplicated by the user's bundler.
 * package.json's `exports` names the same entries (test/package/package.test.ts checks both).
 */
export const LIBRARY_ENTRIES: Record<string, string> = {
  index: 'src/index.ts',
  'elements/chat': 'src/components/chat/ovl-chat.ts',
  'elements/alerts': 'src/components/alerts/ovl-alerts.ts',
  'elements/event-list': 'src/components/event-list/ovl-event-list.ts',
  'elements/goal': 'src/components/goal/ovl-goal.ts',
  'elements/heatmap': 'src/components/heatmap/ovl-heatmap.ts',
  'elements/stream-info': 'src/components/stream-info/ovl-stream-info.ts',
  'elements/studio': 'src/components/studio/ovl-studio.ts',
  'elements/hype-train': 'src/components/hype-train/ovl-hype-train.ts',
  'elements/poll': 'src/components/poll/ovl-poll.ts',
  'elements/status-panel': 'src/components/status/ovl-status-panel.ts',
  'elements/setup-card': 'src/components/status/ovl-setup-card.ts',
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
