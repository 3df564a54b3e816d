import { describe, expect, test } from 'vitest';
import readme from '../../README.md?raw';
import { paramTable } from '../../src/config/param-table.js';
import { chatSchema } from '../../src/config/chat-config.js';
import { streamInfoSchema } from '../../src/config/stream-info-config.js';
import { alertsSchema } from '../../src/config/alerts-config.js';
import { heatmapSchema } from '../../src/config/heatmap-config.js';
import { studioSchema } from '../../src/config/studio-config.js';

const section = (name: string) => new RegExp(`<!-- params:${name} -->\\n([\\s\\S]*?)\\n<!-- /params:${name} -->`).exec(readme)?.[1];

describe('README', () => {
  test('starts with the two commands: the demo and the tests', () => {
    const head = readme.slice(0, 800);
    expect(head).toContain('npm ci && npm start');
    expect(head).toContain('npm ci && npm test');
  });

  test('the parameter tables match the schemas (run `npm run docs` to update)', () => {
    expect(section('chat')).toBe(paramTable(chatSchema));
    expect(section('stream-info')).toBe(paramTable(streamInfoSchema));
    expect(section('alerts')).toBe(paramTable(alertsSchema));
    expect(section('heatmap')).toBe(paramTable(heatmapSchema));
    expect(section('studio')).toBe(paramTable(studioSchema));
  });

  test('documents every part of the chat DOM contract', () => {
    for (const part of ['line', 'name', 'emote', 'badge', 'message', 'notice-text', 'reply', 'cheer', 'login', 'base']) expect(readme).toContain(`part="${part}"`);
    expect(readme).toContain('data-id');
  });
});
