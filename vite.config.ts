/// <reference types="vitest/config" />
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EnvironmentOptions } from 'vite';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { commands } from './test/node/commands.js';
import { INSECURE_SITE_HOST } from './test/helpers/site.js';

const root = import.meta.dirname;

/** Every page of the site by name: the setup page (`index`), its login callback (`auth`) and each overlays/<name>/index.html. */
function sitePages(): Record<string, string> {
  const pages: Record<string, string> = { index: resolve(root, 'index.html'), auth: resolve(root, 'auth.html') };
  for (const name of readdirSync(resolve(root, 'overlays'))) {
    const page = resolve(root, 'overlays', name, 'index.html');
    if (existsSync(page)) pages[name] = page;
  }
  return pages;
}

/**
 * One build environment per page, so each page is bundled on its own: its start-up code is one
 * file, and no chunk is shared between pages. An OBS Browser Source loads exactly one page, so
 * chunks shared between pages never save a download there; splitting them cost every overlay an
 * extra request per chunk and, because each file is compressed alone, 3.4 kB gzip on the
 * chat page (README, Hosting). Code loaded on demand (simulator, setup card, providers) stays in its own chunks.
 * The demo page is the default `client` environment; it is built first and empties the folder.
 */
function pageEnvironments(): Record<string, EnvironmentOptions> {
  return Object.fromEntries(
    Object.entries(sitePages()).map(([name, page]) => [
      name === 'index' ? 'client' : name.replaceAll('-', '_'),
      {
        consumer: 'client',
        // Always the production builds of dependencies (Lit's dev build warns and checks more),
        // also when the test runner builds the site, where NODE_ENV is "test".
        resolve: { conditions: ['module', 'browser', 'production'] },
        build: { emptyOutDir: name === 'index', copyPublicDir: name === 'index', rollupOptions: { input: { [name]: page } } },
      },
    ]),
  );
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
  // not even an <img> of an emote. INSECURE_SITE_HOST is loopback under a name, which, unlike
  // 127.0.0.1, is no secure context: a page there has no Web Locks, as in OBS's local-file mode.
  `--host-resolver-rules=MAP ${INSECURE_SITE_HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`,
  // Chromium 141+ stops a page that is not itself on the local network (an overlay loaded the
  // way OBS's "Local file" mode does, from http://absolute/) from reaching 127.0.0.1, where the
  // fakes stand in for Twitch's public hosts. OBS's Chromium 103/127 has no such check.
  '--disable-features=LocalNetworkAccessChecks',
];

/**
 * Test files that run in a browser session (a renderer process) of their own. Chromium delays
 * each new WebSocket of a renderer process by up to 5 s once many of its WebSockets of the last
 * 2–4 minutes failed (services/network/websocket_throttler.cc: 1–5 s × 2^min(pending + failed ÷
 * (succeeded + 1), 16) ÷ 65536). Ten minutes of Twitch away (twitch-outage.test.ts) open refused
 * WebSockets one after another (about 40 per connection then, 6 since src/core/source.ts spaces
 * them 2 minutes apart): in the shared page, after files that failed WebSockets of their own, each
 * waited 1–5 s, and the chat test outran its 60 s. Alone, the count is only the file's own, as in
 * OBS, where each browser source has its own process.
 */
const OWN_PAGE_FILES = ['test/sources/twitch-outage.test.ts'];

export default defineConfig(({ command }) => ({
  // Relative asset URLs, so dist/ works from any sub-path and from OBS's local-file mode.
  base: './',
  build: {
    // OBS 28–30 embed Chromium 103; build.target does not polyfill, so the code stays off newer APIs.
    target: 'chrome103',
    // Chromium has native modulepreload, and each page starts from one file (see
    // pageEnvironments): neither Vite's polyfill nor its preload helper earns its bytes.
    modulePreload: false,
  },
  ...(command === 'build' && {
    environments: pageEnvironments(),
    builder: { buildApp: async (builder) => { for (const environment of Object.values(builder.environments)) await builder.build(environment); } },
  }),
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
    // time is spent waiting on sockets and timers, but a third browser session on a 2-core CI
    // machine starved WebRTC encoders and production-build pages past their test budgets (CI run
    // of stop 25), so there are as many sessions as the CI machine has cores.
    fileParallelism: true,
    maxWorkers: 2,
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
      // OWN_PAGE_FILES run in a browser session of their own, in a group of their own
      // (sequence.groupOrder): never beside the other two sessions, so never a third at a time.
      instances: [
        { browser: 'chromium', exclude: OWN_PAGE_FILES },
        { browser: 'chromium', name: 'chromium (own page)', include: OWN_PAGE_FILES, sequence: { groupOrder: 1 } },
      ],
      commands,
    },
  },
}));
