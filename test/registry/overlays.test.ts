import { describe, expect, test } from 'vitest';
import { OVERLAYS } from '../../src/registry/overlays.js';
import { PUBSUB_REDEMPTIONS, alertsEntry } from '../../src/registry/alerts.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { chatEntry } from '../../src/registry/chat.js';
import { streamInfoEntry } from '../../src/registry/stream-info.js';
import { studioEntry } from '../../src/registry/studio.js';
import { scopeProblem, takesToken, tokenChoices, tokenFits, usedScopes } from '../../src/registry/overlay-entry.js';
import { chatOverlay } from '../../src/overlays/chat-overlay.js';
import { streamInfoOverlay } from '../../src/overlays/stream-info-overlay.js';
import { alertsOverlay } from '../../src/overlays/alerts-overlay.js';
import { heatmapOverlay } from '../../src/overlays/heatmap-overlay.js';
import { studioOverlay } from '../../src/overlays/studio-overlay.js';
import { eventsOverlay } from '../../src/overlays/events-overlay.js';
import { goalOverlay } from '../../src/overlays/goal-overlay.js';
import { goalEntry } from '../../src/registry/goal.js';
import { hypeTrainOverlay } from '../../src/overlays/hype-train-overlay.js';
import { pollOverlay } from '../../src/overlays/poll-overlay.js';
import { pollEntry } from '../../src/registry/poll.js';
import { dockOverlay } from '../../src/overlays/dock-overlay.js';
import { emoteWallOverlay } from '../../src/overlays/emote-wall-overlay.js';
import { emoteComboOverlay } from '../../src/overlays/emote-combo-overlay.js';
import { labelOverlay } from '../../src/overlays/label-overlay.js';
import { subathonOverlay } from '../../src/overlays/subathon-overlay.js';
import { creditsOverlay } from '../../src/overlays/credits-overlay.js';

// Every overlay page of the site: vite.config.ts builds each one.
const pages = Object.keys(import.meta.glob('../../overlays/*/index.html', { query: '?raw' })).map((path) => path.split('/').at(-2));

describe('overlay registry', () => {
  test('has one entry per overlay page, and a page for every entry', () => {
    expect(OVERLAYS.map((entry) => entry.name).sort()).toEqual([...pages].sort());
  });

  test('each overlay definition takes its name, title and schema from its entry', () => {
    const definitions = [chatOverlay, streamInfoOverlay, alertsOverlay, eventsOverlay, goalOverlay, hypeTrainOverlay, pollOverlay, dockOverlay, heatmapOverlay, studioOverlay, emoteWallOverlay, emoteComboOverlay, labelOverlay, subathonOverlay, creditsOverlay];
    expect(definitions.map(({ entry: { name, title, schema } }) => ({ name, title, schema }))).toEqual(OVERLAYS.map(({ name, title, schema }) => ({ name, title, schema })));
  });

  test('each guide says in one line what every parameter of its overlay does, and nothing else', () => {
    for (const { name, schema, paramDocs } of OVERLAYS) {
      expect(Object.keys(paramDocs), name).toEqual(Object.keys(schema));
      for (const [key, doc] of Object.entries(paramDocs)) expect(doc, `${name} ${key}`).toMatch(/^\S[^\n]*[.)]$/);
    }
  });

  test('says which scopes each overlay uses, and why', () => {
    expect(Object.fromEntries(OVERLAYS.map((entry) => [entry.name, usedScopes(entry)]))).toEqual({
      chat: ['chat:read'],
      // The emote wall and the combos read chat anonymously.
      'emote-wall': [],
      'emote-combo': [],
      'stream-info': [],
      // One per group of event kinds, from the subscription catalog; each optional.
      alerts: [...EVENT_SCOPES],
      // The event list can list every kind the alert box alerts on, with the same scopes.
      events: [...EVENT_SCOPES],
      goal: ['channel:read:goals'],
      heatmap: [],
      studio: [],
      'hype-train': ['channel:read:hype_train'],
      poll: ['channel:read:polls', 'channel:read:predictions'],
      // The dock's feed lists what the alert boxes show.
      dock: [...EVENT_SCOPES],
      // A label of any kind takes the alert box's token: one link's token serves them all.
      label: [...EVENT_SCOPES],
      subathon: [...EVENT_SCOPES],
      credits: [...EVENT_SCOPES],
    });
    for (const need of OVERLAYS.flatMap((entry) => entry.scopes)) expect(need.why).not.toBe('');
  });

  test('a token fits a link when it holds every scope the overlay uses and nothing else', () => {
    expect(tokenFits(chatEntry, ['chat:read'])).toBe(true);
    // A chat link must never be able to post.
    expect(tokenFits(chatEntry, ['chat:read', 'chat:edit'])).toBe(false);
    expect(tokenFits(chatEntry, [])).toBe(false);
    expect(tokenFits(streamInfoEntry, [])).toBe(true);
    expect(tokenFits(streamInfoEntry, ['chat:read'])).toBe(false);
    expect(tokenFits(alertsEntry, [])).toBe(false);
    expect(tokenFits(alertsEntry, EVENT_SCOPES)).toBe(true);
    expect(tokenFits(alertsEntry, EVENT_SCOPES.map((scope) => scope.replace('channel:read:redemptions', 'channel:manage:redemptions')))).toBe(true);
    expect(tokenFits(alertsEntry, [...EVENT_SCOPES, 'chat:edit'])).toBe(false);
    // The poll link takes the manage scopes in place of the read ones, but nothing beyond them.
    expect(tokenFits(pollEntry, ['channel:read:polls', 'channel:manage:predictions'])).toBe(true);
    expect(tokenFits(pollEntry, ['channel:read:polls', 'channel:read:predictions', 'channel:read:hype_train'])).toBe(false);
    expect(takesToken(studioEntry)).toBe(false);
    expect(tokenFits(studioEntry, [])).toBe(false);
  });

  test('asks once per distinct scope set, for the overlays that take a token', () => {
    const choices = tokenChoices(OVERLAYS).map((choice) => ({ scopes: choice.scopes.map((need) => need.scope), overlays: choice.entries.map((entry) => entry.name) }));
    expect(choices).toEqual([
      { scopes: ['chat:read'], overlays: ['chat'] },
      { scopes: [], overlays: ['stream-info', 'heatmap'] },
      { scopes: [...EVENT_SCOPES], overlays: ['alerts', 'events', 'dock', 'label', 'subathon', 'credits'] },
      { scopes: ['channel:read:goals'], overlays: ['goal'] },
      { scopes: ['channel:read:hype_train'], overlays: ['hype-train'] },
      { scopes: ['channel:read:polls', 'channel:read:predictions'], overlays: ['poll'] },
    ]);
  });

  test('names the missing required scope and what it is for', () => {
    // Every event scope of the alert box is optional: a token lacking one only turns its kinds off.
    expect(scopeProblem(alertsEntry, [])).toBeNull();
    const overPubSub = { ...alertsEntry, scopes: [PUBSUB_REDEMPTIONS] };
    expect(scopeProblem(overPubSub, ['channel:manage:redemptions'])).toBeNull();
    expect(scopeProblem(overPubSub, ['chat:read'])).toBe(
      'The alerts overlay needs the "channel:read:redemptions" scope (it receives your channel-point redemptions over PubSub), which this token lacks. Make a new link on the setup page with "Connect with Twitch".',
    );
    expect(scopeProblem(goalEntry, ['channel:read:goals'])).toBeNull();
    expect(scopeProblem(goalEntry, EVENT_SCOPES.filter((scope) => scope !== 'channel:read:goals'))).toBe(
      'The goal overlay needs the "channel:read:goals" scope (it reads your creator goal and follows its progress), which this token lacks. Make a new link on the setup page with "Connect with Twitch".',
    );
  });
});
