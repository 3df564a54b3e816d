#!/usr/bin/env node
// `npm run docs`: regenerates the README's parameter tables from the overlay registry's
// schemas and their docs, between <!-- params:NAME --> and <!-- /params:NAME --> markers. A test fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';

const server = await createServer({ logLevel: 'silent', server: { middlewareMode: true } });
try {
  const { paramTable } = await server.ssrLoadModule('/src/config/param-table.ts');
  const { OVERLAYS } = await server.ssrLoadModule('/src/registry/overlays.ts');
  let readme = readFileSync('README.md', 'utf8');
  for (const { name, schema, paramDocs } of OVERLAYS) {
    const pattern = new RegExp(`(<!-- params:${name} -->)[\\s\\S]*?(<!-- /params:${name} -->)`);
    if (!pattern.test(readme)) throw new Error(`README.md has no <!-- params:${name} --> section`);
    readme = readme.replace(pattern, (_m, open, close) => `${open}\n${paramTable(schema, paramDocs)}\n${close}`);
  }
  writeFileSync('README.md', readme);
  console.log('README.md parameter tables updated');
} finally {
  await server.close();
}
