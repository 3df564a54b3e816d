/// <reference types="vitest/config" />
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { commands } from './test/node/commands.js';

const root = import.meta.dirname;

/** One build input per overlay page: overlays/<name>/index.html. */
function overlayPages(): Record<string, string> {
  const pages: Record<string, string> = { index: resolve(root, 'index.html') };
  for (const name of readdirSync(resolve(root, 'overlays'))) {
    const page = resolve(root, 'overlays', name, 'index.html');
    if (existsSync(page)) pages[name] = page;
  }
  return pages;
}

// Flags from toolchain.md: no sandbox as root, no background traffic into the closed network,
// fake media devices, and WebRTC candidates on loopback.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--allow-loopback-in-peer-connection',
  // Every host name but loopback fails to resolve: no test can reach Twitch or any real host,
  // not even an <img> of an emote.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  // Chromium 141+ stops a page that is not itself on the local network (an overlay loaded the
  // way OBS's "Local file" mode does, from http://absolute/) from reaching 127.0.0.1, where the
  // fakes stand in for Twitch's public hosts. OBS's Chromium 103/127 has no such check.
  '--disable-features=LocalNetworkAccessChecks',
];

export default defineConfig({
  // Relative asset URLs, so dist/ works from any sub-path and from OBS's local-file mode.
  base: './',
  build: {
    // OBS 28–30 embed Chromium 103; build.target does not polyfill, so the code stays off newer APIs.
    target: 'chrome103',
    rollupOptions: { input: overlayPages() },
  },
  // Pre-bundle tmi.js (CommonJS), or Vite re-optimises mid-run and reloads the test page.
  optimizeDeps: { include: ['tmi.js'] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/node/global-setup.ts'],
    testTimeout: 20_000,
    // With files running side by side on two cores, a page's work (a lazy chunk, a render) can
    // take longer than Vitest's 1 s default; a poll that passes returns as soon as it does.
    expect: { poll: { timeout: 5000 } },
    // Files run side by side in workers, each a browser session with its own context (its own
    // storage, locks and channels) and its own fake servers (test/node/fakes.ts). Much of a file's
    // time is spent waiting on sockets and timers, so even a 2-core machine gains from three at once.
    fileParallelism: true,
    maxWorkers: 3,
    browser: {
      enabled: true,
      headless: true,
      // A worker runs its files one after another in one page instead of a fresh page each:
      // loading the modules anew for every file cost a fifth of the suite's CPU time. Each test
      // cleans up after itself (sources stopped, elements removed) in its afterEach.
      isolate: false,
      screenshotDirectory: '.vitest/screenshots',
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: chromiumArgs,
        },
      }),
      instances: [{ browser: 'chromium' }],
      commands,
    },
  },
});
