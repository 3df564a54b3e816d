import { execFileSync } from 'node:child_process';
import type { BrowserCommand } from 'vitest/node';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const repo = resolve(import.meta.dirname, '../..');

interface LockEntry {
  version: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  [field: string]: unknown;
}

/**
 * A lockfile for `dependencies` that names exactly the versions this repository's lockfile
 * installed, so `npm ci --offline` installs them from npm's cache (filled by this repository's
 * own `npm ci`): the suite runs with no network (scripts/test.mjs).
 */
function consumerLock(name: string, dependencies: Record<string, string>, extra: Record<string, LockEntry>): unknown {
  const repoLock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, unknown> = { '': { name, dependencies }, ...extra };
  const queue = Object.values(extra).flatMap((entry) => Object.keys(entry.dependencies ?? {}));
  for (let dep = queue.shift(); dep !== undefined; dep = queue.shift()) {
    const key = `node_modules/${dep}`;
    if (packages[key]) continue;
    const entry = repoLock.packages[key];
    if (!entry) throw new Error(`${dep} is not in package-lock.json`);
    packages[key] = entry;
    queue.push(...Object.keys(entry.dependencies ?? {}));
  }
  return { name, lockfileVersion: 3, requires: true, packages };
}

const CONSUMER_PAGE = `<!doctype html>
<html>
  <head><meta charset="utf-8" /><title>consumer</title></head>
  <body style="margin:0;background:transparent"><script type="module" src="./main.ts"></script></body>
</html>
`;

// Imports by the package's name only, as a developer who installed it would.
const CONSUMER_MAIN = `import { ChatSource, type SourceStatus } from 'obs-overlay-kit';
import { OvlChat } from 'obs-overlay-kit/elements/chat';

const params = new URLSearchParams(location.search);
const source = new ChatSource({
  channel: params.get('channel') ?? '',
  server: { host: '127.0.0.1', port: Number(params.get('port')), secure: false },
});
const chat: OvlChat = document.createElement('ovl-chat');
chat.maxMessages = 10;
chat.source = source;
source.addEventListener('status', (event) => {
  const status: SourceStatus = event.detail;
  document.body.dataset.state = status.state;
});
document.body.append(chat);
source.start();
console.info('defined by the package:', customElements.get('ovl-chat') === OvlChat);
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true,
    noEmit: true,
    // Our .d.ts files are checked too, as a user's tsc would with its defaults.
    skipLibCheck: false,
    types: [],
  },
  include: ['main.ts'],
};

export interface PackageConsumer {
  /** The consumer page's production build, to open the way OBS opens a local file. */
  readonly dist: string;
  /** What `npm pack` put in the tarball. */
  readonly files: string[];
  /** The installed package's package.json. */
  readonly manifest: Record<string, unknown>;
  /** The installed package's custom-elements.json. */
  readonly elements: CustomElementsManifest;
}

/** The part of the Custom Elements Manifest schema the tests read. */
export interface CustomElementsManifest {
  readonly modules: readonly {
    readonly path: string;
    readonly declarations?: readonly {
      readonly tagName?: string;
      readonly cssParts?: readonly { readonly name: string }[];
      readonly cssProperties?: readonly { readonly name: string }[];
      readonly events?: readonly { readonly name: string }[];
      readonly attributes?: readonly { readonly name: string }[];
    }[];
  }[];
}

let made: Promise<PackageConsumer> | null = null;

/**
 * The library build and `npm pack`, then a fresh project that installs the
 * tarball, type-checks a page that imports from the package name with `tsc`, and builds it
 * with Vite. Made once per run.
 */
export function packageConsumer(): Promise<PackageConsumer> {
  made ??= (async () => {
    const work = mkdtempSync(join(tmpdir(), 'ovl-package-'));
    // What `prepack` runs, spelled out so its output stays off pack's JSON.
    execFileSync('npm', ['run', '--silent', 'build:lib'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as [
      { filename: string; version: string; files: { path: string }[] },
    ];
    const tarball = join(work, packed[0].filename);
    const app = join(work, 'app');
    mkdirSync(app);
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const spec = `file:${tarball}`;
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'obs-overlay-kit': spec } }, null, 2));
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    const lock = consumerLock('consumer', { 'obs-overlay-kit': spec }, {
      'node_modules/obs-overlay-kit': { version: packed[0].version, resolved: spec, integrity, dependencies: manifest.dependencies },
    });
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lock, null, 2));
    execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
    writeFileSync(join(app, 'index.html'), CONSUMER_PAGE);
    writeFileSync(join(app, 'main.ts'), CONSUMER_MAIN);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(CONSUMER_TSCONFIG, null, 2));
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, stdio: ['ignore', 'inherit', 'inherit'] });
    const dist = join(app, 'dist');
    await build({ root: app, configFile: false, base: './', logLevel: 'warn', build: { outDir: dist, target: 'chrome103' } });
    return {
      dist,
      files: packed[0].files.map((f) => f.path),
      manifest: JSON.parse(readFileSync(join(app, 'node_modules/obs-overlay-kit/package.json'), 'utf8')) as Record<string, unknown>,
      elements: JSON.parse(readFileSync(join(app, 'node_modules/obs-overlay-kit/custom-elements.json'), 'utf8')) as CustomElementsManifest,
    };
  })();
  return made;
}

export const packageCommands = {
  packageConsumer: (async () => packageConsumer()) as BrowserCommand<[]>,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    packageConsumer(): Promise<PackageConsumer>;
  }
}
