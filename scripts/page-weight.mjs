// Each page's weight as `vite build` ships it: the gzip bytes it loads up front (its HTML, and
// the CSS and JS its entry imports statically) and each chunk it loads only on demand. Used by
// `npm run bench` and by the page-weight tests.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createBuilder } from 'vite';

/**
 * The chat page's gzip bytes loaded up front before issue 15 (measured on daf41a9): issues 14
 * and 15 require that it does not grow. The bench prints it; a test holds the page to it.
 */
export const CHAT_PAGE_WEIGHT_BEFORE = 36_918;

/**
 * What the chat page may load up front: 37,068 B gzip measured, plus 100 B, so that it does not
 * grow. From the figure above it grew by what four page-wide features since put on every chat
 * page (553 B when measured: every overlay page answers the control dock, its presence, Hide
 * overlays, Remove from overlay and Hide this user, issue 20; the chat element merges the
 * recent-history lines into its queue, issue 24; the setup card says a cause two sources share
 * once, issue 21; reconnects space their unasked WebSockets by time, 19 B, issue 23) and by
 * other work, and issue 21's trims of every page took 477 B back (reading `?record` and
 * `?replay`, the string formats and the emote services' addresses load only where used). The
 * code only some pages need (the dock's channel, the history's fetch and drawing) loads on demand.
 */
export const CHAT_PAGE_WEIGHT_LIMIT = 37_168;

/**
 * What the label page may load up front, gzip: 12,151 B measured, plus 100 B, so it does not
 * grow. It was 34,251 B before the label drew from the history ahead of its connection's code
 * (loaded on demand) and dropped Lit, 14,302 B before issue 21's trims (the EventSub
 * subscription catalog left with the connection's code; `?record` and `?replay`, the string
 * formats and the emote services' addresses load only where used), 12,927 B before the history
 * was split into the reader the label loads up front and the writer its connection opens, and
 * 12,361 B before the writer's search for another session's copy left the record module.
 * README (Benchmarks) says what the 12.2 kB are.
 */
export const LABEL_PAGE_WEIGHT_LIMIT = 12_251;

/** Every file one page's build environment emits, by file name: its chunks (with their static imports and imported CSS) and assets. */
function recordChunks(into) {
  return {
    name: 'bench:record-chunks',
    generateBundle(_options, bundle) {
      into.push(new Map(Object.entries(bundle)));
    },
  };
}

/** The page an environment's bundle builds: its entry chunk's name (the input's key in vite.config.ts). */
const pageOf = (bundle) => [...bundle.values()].find((output) => output.type === 'chunk' && output.isEntry)?.name;

/** Where a page's HTML lands in the build. */
const htmlOf = (page) => (page === 'index' || page === 'auth' ? `${page}.html` : `overlays/${page}/index.html`);

/** Builds the whole site into a temporary folder (served for the real-path runs) and weighs every page. */
export async function buildSite() {
  const outDir = mkdtempSync(join(tmpdir(), 'ovl-bench-'));
  const bundles = [];
  const builder = await createBuilder({ logLevel: 'silent', build: { outDir, emptyOutDir: true }, plugins: [recordChunks(bundles)] });
  await builder.buildApp();
  const pages = {};
  for (const bundle of bundles) {
    const page = pageOf(bundle);
    if (page) pages[page] = pageWeight(outDir, bundle, page);
  }
  return { outDir, pages };
}

function pageWeight(outDir, bundle, page) {
  const gz = (file) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  const loaded = new Set([htmlOf(page)]);
  const load = (file) => {
    const chunk = bundle.get(file);
    if (!chunk || loaded.has(file)) return;
    loaded.add(file);
    for (const css of chunk.viteMetadata?.importedCss ?? []) loaded.add(css);
    for (const dep of chunk.imports ?? []) load(dep);
  };
  for (const [file, output] of bundle) if (output.type === 'chunk' && output.isEntry) load(file);
  const upFront = [...loaded].map((file) => ({ file, bytes: gz(file) }));
  const lazy = [...bundle.values()]
    .filter((output) => output.type === 'chunk' && output.isDynamicEntry && !loaded.has(output.fileName))
    .map((chunk) => ({ name: moduleName(chunk.facadeModuleId), file: chunk.fileName, bytes: gz(chunk.fileName) }));
  const modules = [...loaded]
    .flatMap((file) => Object.entries(bundle.get(file)?.modules ?? {}))
    .map(([id, { code }]) => ({ name: moduleName(id), bytes: code ? gzipSync(code, { level: 9 }).length : 0 }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { initial: upFront.reduce((sum, { bytes }) => sum + bytes, 0), upFront, lazy, modules };
}

/** A module by its path under src/ (`boot/boot.ts`), under node_modules/ (`lit-html/lit-html.js`), or Vite's own (`vite/preload-helper.js`); a page's own by its path in the project. */
const moduleName = (id) =>
  id
    .replace(`${process.cwd()}/src/`, '')
    .replace(`${process.cwd()}/`, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^\0/, '');
