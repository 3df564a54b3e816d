// `npm run bench -- package`: what each entry of the installed package costs a page, gzip, beside
// lit's and tmi.js's own. Each entry is bundled and minified as a user's bundler would, with lit
// and tmi.js left out (they are the package's dependencies, shared with the user's page).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const DEPENDENCIES = [/^lit($|\/)/, /^@lit\//, /^tmi\.js($|\/)/];

const ENTRY = 'virtual:bench-entry';

/** Gzip bytes of a module whose source is `code`, bundled and minified for Chromium 103, `external` left as imports. */
async function bundledGzip(root, code, external) {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [{ name: 'bench-entry', resolveId: (id) => (id === ENTRY ? id : null), load: (id) => (id === ENTRY ? code : null) }],
    build: { write: false, target: 'chrome103', minify: true, rollupOptions: { input: ENTRY, external, preserveEntrySignatures: 'strict' } },
  });
  const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  return files.reduce((sum, file) => sum + gzipSync(file.type === 'chunk' ? file.code : file.source, { level: 9 }).length, 0);
}

export async function packageSizes(root) {
  execFileSync('npm', ['run', '--silent', 'build:lib'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entries = [];
  for (const [name, target] of Object.entries(manifest.exports)) {
    if (typeof target === 'string') continue;
    const code = `export * from ${JSON.stringify(join(root, target.import))};`;
    entries.push({ name: name === '.' ? manifest.name : `${manifest.name}/${name.slice(2)}`, bytes: await bundledGzip(root, code, DEPENDENCIES) });
  }
  const dependencies = [
    { name: 'lit', bytes: await bundledGzip(root, "export * from 'lit';", []) },
    // Its `browser` field leaves out ws and node-fetch, as in the overlay pages.
    { name: 'tmi.js', bytes: await bundledGzip(root, "import tmi from 'tmi.js'; export default tmi;", []) },
  ];
  return { entries, dependencies };
}
