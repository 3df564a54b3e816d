import { describe, expect, test } from 'vitest';
import { obsDropUrl, withoutSecrets } from '../../src/site/overlay-link.js';
import { devicePlan, implicitPlan } from '../../src/site/connect-flow.js';
import { validFor } from '../../src/site/valid-for.js';
import { parseConfig } from '../../src/config/parse.js';
import { OVERLAYS } from '../../src/registry/overlays.js';
import { usedScopes } from '../../src/registry/overlay-entry.js';

const overlay = (name: string) => OVERLAYS.find((candidate) => candidate.name === name)!;

describe('the link dragged into OBS', () => {
  test('carries OBS’s name and size before the #, the name’s spaces as %20 (OBS leaves a + as it is)', () => {
    const { title, obs } = overlay('chat');
    expect(obsDropUrl('https://me.example/overlays/chat/?channel=me#token=abc', title, obs)).toBe(
      'https://me.example/overlays/chat/?channel=me&layer-name=Chat%20overlay&layer-width=450&layer-height=800#token=abc',
    );
    expect(obsDropUrl('https://me.example/overlays/alerts/#token=abc', 'Alerts overlay', overlay('alerts').obs)).toBe(
      'https://me.example/overlays/alerts/?layer-name=Alerts%20overlay&layer-width=1000&layer-height=300#token=abc',
    );
    expect(withoutSecrets('https://me.example/overlays/alerts/#token=abc')).toBe('https://me.example/overlays/alerts/');
  });

  test('every overlay ignores what OBS reads from it without a warning; layer-css, which the setup page never sends, is still unknown', () => {
    for (const { name, title, obs, schema } of OVERLAYS) {
      const dropped = obsDropUrl(`https://me.example/overlays/${name}/?demo`, title, obs);
      expect(parseConfig(schema, dropped).problems.filter((problem) => problem.param.startsWith('layer-')), name).toEqual([]);
    }
    expect(parseConfig(overlay('chat').schema, 'https://me.example/overlays/chat/?channel=me&layer-css=body{}').problems).toEqual([
      { param: 'layer-css', severity: 'warning', message: 'Unknown parameter "layer-css" was ignored.' },
    ]);
  });

  test('every Browser Source overlay has a whole-pixel size; the studio is a dock', () => {
    for (const { name, obs } of OVERLAYS) {
      expect([Number.isInteger(obs.width) && obs.width > 0, Number.isInteger(obs.height) && obs.height > 0], name).toEqual([true, true]);
    }
    expect(OVERLAYS.filter(({ obs }) => obs.dock).map(({ name }) => name)).toEqual(['studio']);
  });
});

describe('what one Connect asks Twitch for', () => {
  test('the implicit grant: first the union of the picked overlays’ scopes, then each overlay’s own', () => {
    const picked = ['chat', 'alerts', 'events', 'studio'].map(overlay);
    expect(implicitPlan(picked)).toEqual([
      { scopes: [...new Set([...usedScopes(overlay('chat')), ...usedScopes(overlay('alerts'))])], overlays: [] },
      { scopes: usedScopes(overlay('chat')), overlays: ['chat'] },
      { scopes: usedScopes(overlay('alerts')), overlays: ['alerts'] },
      { scopes: usedScopes(overlay('events')), overlays: ['events'] },
    ]);
    // An overlay using the whole union takes the first token; one just like it still gets its own.
    expect(implicitPlan(['alerts', 'events'].map(overlay))).toEqual([
      { scopes: usedScopes(overlay('alerts')), overlays: ['alerts'] },
      { scopes: usedScopes(overlay('events')), overlays: ['events'] },
    ]);
    // With nothing that takes a token, one login with no scopes still says who connected.
    expect(implicitPlan([overlay('studio')])).toEqual([{ scopes: [], overlays: [] }]);
  });

  test('the device code: one code per distinct set of scopes', () => {
    expect(devicePlan(['chat', 'alerts', 'events', 'stream-info', 'heatmap'].map(overlay))).toEqual([
      { scopes: ['chat:read'], overlays: ['chat'] },
      { scopes: usedScopes(overlay('alerts')), overlays: ['alerts', 'events'] },
      { scopes: [], overlays: ['stream-info', 'heatmap'] },
    ]);
  });

  test('says how long the tokens last in days, hours or minutes', () => {
    const hour = 3_600_000;
    expect([validFor(58 * 24 * hour - 5), validFor(24 * hour), validFor(4 * hour), validFor(90_000), validFor(-1)]).toEqual(['58 more days', '1 more day', '4 more hours', '2 more minutes', '0 more minutes']);
  });
});
