import { describe, expect, test } from 'vitest';
import readme from '../../README.md?raw';
import { paramTable } from '../../src/config/param-table.js';
import { OVERLAYS } from '../../src/registry/overlays.js';

const section = (name: string) => new RegExp(`<!-- params:${name} -->\\n([\\s\\S]*?)\\n<!-- /params:${name} -->`).exec(readme)?.[1];

describe('README', () => {
  test('starts with the two commands: the demo and the tests', () => {
    const head = readme.slice(0, 800);
    expect(head).toContain('npm ci && npm start');
    expect(head).toContain('npm ci && npm test');
  });

  test.each(OVERLAYS.map((entry) => [entry.name, entry] as const))('the %s parameter table matches its registry schema (run `npm run docs` to update)', (_name, entry) => {
    expect(section(entry.name)).toBe(paramTable(entry.schema, entry.paramDocs));
  });

  test('documents every part of the chat DOM contract', () => {
    for (const part of ['line', 'name', 'emote', 'badge', 'message', 'notice-text', 'reply', 'cheer', 'login', 'base']) expect(readme).toContain(`part="${part}"`);
    expect(readme).toContain('data-id');
  });
});
