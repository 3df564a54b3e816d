import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';
import helixPolls from '../fixtures/http/helix-polls.json';
import helixPredictions from '../fixtures/http/helix-predictions.json';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
  await commands.fakeAway('eventsub', false);
  await commands.httpSetLive('/helix/polls', null);
  await commands.httpSetLive('/helix/predictions', null);
});

const SIZE = { width: 600, height: 400 };
const BOTH = ['channel:read:polls', 'channel:read:predictions'];
const url = (query: string, scopes = BOTH) => `/overlays/poll/?${query}&dev-origin=${fake.httpOrigin}&dev-eventsub=${fake.eventsubUrl}#token=${scopedToken(scopes)}`;
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

const poll = (id: string, votes: readonly number[] | null, fields: Record<string, unknown> = {}) => ({
  ...REFERENCE_EVENTS['channel.poll.begin'],
  id,
  title: 'Which boss next?',
  choices: [
    { id: 'c1', title: 'The Dragon' },
    { id: 'c2', title: 'The Lich' },
    { id: 'c3', title: 'The Hydra' },
  ].map((c, i) => (votes ? { ...c, bits_votes: 0, channel_points_votes: 0, votes: votes[i] } : c)),
  ...fields,
});
const prediction = (id: string, users: readonly number[] | null, fields: Record<string, unknown> = {}) => ({
  ...REFERENCE_EVENTS['channel.prediction.begin'],
  id,
  title: 'Will we beat it first try?',
  outcomes: [
    { id: 'o1', title: 'Yes', color: 'blue' },
    { id: 'o2', title: 'No', color: 'pink' },
  ].map((o, i) => (users ? { ...o, users: users[i], channel_points: users[i]! * 1000, top_predictors: [] } : o)),
  ...fields,
});

async function open(query = '', scopes = BOTH) {
  page = await openPage(url(`debug${query}`, scopes), { ...SIZE, reducedMotion: true });
  await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  // What the page's source handed on, to know a notification was taken in even when nothing changes.
  await page.eval(`(window.got = [], document.querySelector('ovl-poll').source.addEventListener('event', (e) => window.got.push(e.detail.kind + ' ' + e.detail.phase)))`);
}
const got = () => page!.eval<string[]>('window.got');
const active = () => page!.eval<boolean>(`document.querySelector('ovl-poll').hasAttribute('active')`);
const winners = () => page!.text('ovl-poll', '[part~="winner"] [part="option-title"]');

/** A screenshot of the overlay alone: its entrance over, the ?debug panel out of the way. */
async function shoot(name: string) {
  await page!.eval(`Promise.all(document.querySelector('ovl-poll').shadowRoot.getAnimations().map((a) => a.finished)).then(() => { const panel = document.querySelector('ovl-status-panel'); if (panel) panel.style.display = 'none'; })`);
  await page!.screenshot(name);
  await page!.eval(`(() => { const panel = document.querySelector('ovl-status-panel'); if (panel) panel.style.display = ''; })()`);
}

describe('poll overlay page (production build)', () => {
  test('a poll: begin, progress, end; the result with the winner, then hidden after result-seconds', async () => {
    await open('&result-seconds=1');
    expect(await page!.text('ovl-status-panel', '.note')).toContain('subscribed to 7 event types');
    await commands.esNotify('channel.poll.begin', poll('page-poll', null, { ends_at: inSeconds(60) }));
    await expect.poll(() => page!.text('ovl-poll', '[part="option-title"]'), { timeout: 5000 }).toEqual(['The Dragon', 'The Lich', 'The Hydra']);
    expect(await page!.text('ovl-poll', '[part="label"]')).toEqual(['Poll']);
    expect((await page!.text('ovl-poll', '[part="countdown"]'))[0]).toMatch(/^(1:00|0:5\d)$/);
    await commands.esNotify('channel.poll.progress', poll('page-poll', [12, 7, 1], { ends_at: inSeconds(60) }));
    await expect.poll(() => page!.text('ovl-poll', '[part="votes"]'), { timeout: 5000 }).toEqual(['12 votes · 60%', '7 votes · 35%', '1 vote · 5%']);
    await shoot('poll');
    await commands.esNotify('channel.poll.end', poll('page-poll', [31, 18, 2], { status: 'completed', ended_at: inSeconds(0) }));
    await expect.poll(winners, { timeout: 5000 }).toEqual(['The Dragon']);
    expect(await page!.text('ovl-poll', '[part="countdown"]')).toEqual(['Result']);
    await expect.poll(active, { timeout: 5000 }).toBe(false);
    await expect.poll(() => page!.text('ovl-poll', '[part~="base"]'), { timeout: 5000 }).toEqual([]);
    expect(await got()).toEqual(['poll begin', 'poll progress', 'poll end']);
  });

  test('a prediction: begin, progress, lock, end with the winning outcome, then hidden', async () => {
    await open('&result-seconds=2');
    await commands.esNotify('channel.prediction.begin', prediction('page-pred', null, { locks_at: inSeconds(120) }));
    await expect.poll(() => page!.text('ovl-poll', '[part="label"]'), { timeout: 5000 }).toEqual(['Prediction']);
    await commands.esNotify('channel.prediction.progress', prediction('page-pred', [10, 4], { locks_at: inSeconds(120) }));
    await expect.poll(() => page!.text('ovl-poll', '[part="votes"]'), { timeout: 5000 }).toEqual(['10 · 10K points · 71%', '4 · 4,000 points · 29%']);
    await commands.esNotify('channel.prediction.lock', prediction('page-pred', [22, 9], { locked_at: inSeconds(0) }));
    await expect.poll(() => page!.text('ovl-poll', '[part="countdown"]'), { timeout: 5000 }).toEqual(['Locked']);
    await commands.esNotify('channel.prediction.end', prediction('page-pred', [22, 9], { winning_outcome_id: 'o2', status: 'resolved', ended_at: inSeconds(0) }));
    await expect.poll(winners, { timeout: 5000 }).toEqual(['No']);
    await shoot('prediction-result');
    await expect.poll(active, { timeout: 5000 }).toBe(false);
    expect(await got()).toEqual(['prediction begin', 'prediction progress', 'prediction lock', 'prediction end']);
  });

  test('out of order: a progress after the end does not bring the poll back', async () => {
    await open('&result-seconds=0');
    await commands.esNotify('channel.poll.progress', poll('page-stale', [3, 2, 1], { ends_at: inSeconds(60) }));
    await commands.esNotify('channel.poll.begin', poll('page-stale', null, { ends_at: inSeconds(60) }));
    await expect.poll(got, { timeout: 5000 }).toEqual(['poll progress', 'poll begin']);
    expect(await page!.text('ovl-poll', '[part="votes"]')).toEqual(['3 votes · 50%', '2 votes · 33%', '1 vote · 17%']);
    await commands.esNotify('channel.poll.end', poll('page-stale', [3, 2, 1], { status: 'terminated', ended_at: inSeconds(0) }));
    await commands.esNotify('channel.poll.progress', poll('page-stale', [4, 2, 1], { ends_at: inSeconds(60) }));
    await expect.poll(got, { timeout: 5000 }).toEqual(['poll progress', 'poll begin', 'poll end', 'poll progress']);
    expect(await active()).toBe(false);
  });

  test('a poll that ended while Twitch was away shows its result once EventSub is back (read from Helix)', async () => {
    await open('&result-seconds=30');
    await commands.esNotify('channel.poll.begin', poll('page-away', null, { ends_at: inSeconds(60) }));
    await expect.poll(() => page!.text('ovl-poll', '[part="option-title"]'), { timeout: 5000 }).toEqual(['The Dragon', 'The Lich', 'The Hydra']);
    await commands.fakeAway('eventsub', true);
    // Helix's own shape ("Get Polls"), ended meanwhile: its result never comes over EventSub.
    const [reference] = helixPolls.data;
    const ended = { ...reference, id: 'page-away', title: 'Which boss next?', status: 'COMPLETED', choices: [['c1', 'The Dragon', 4], ['c2', 'The Lich', 9], ['c3', 'The Hydra', 1]].map(([id, title, votes]) => ({ id, title, votes, channel_points_votes: 0, bits_votes: 0 })) };
    await commands.httpSetLive('/helix/polls', { data: [ended], pagination: {} });
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('reconnecting');
    await commands.fakeAway('eventsub', false);
    await expect.poll(winners, { timeout: 15_000 }).toEqual(['The Lich']);
    expect(await got()).toEqual(['poll begin', 'poll end']);
  });

  test('a prediction locked while Twitch was away shows as locked once EventSub is back (read from Helix, its colours in capitals)', async () => {
    await open('&result-seconds=30');
    await commands.esNotify('channel.prediction.begin', prediction('page-pred-away', null, { locks_at: inSeconds(120) }));
    await expect.poll(() => page!.text('ovl-poll', '[part="label"]'), { timeout: 5000 }).toEqual(['Prediction']);
    await commands.fakeAway('eventsub', true);
    const [reference] = helixPredictions.data;
    const outcome = (id: string, title: string, users: number, color: string) => ({ id, title, users, channel_points: users * 1000, top_predictors: null, color });
    const locked = { ...reference, id: 'page-pred-away', title: 'Will we beat it first try?', status: 'LOCKED', winning_outcome_id: null, ended_at: null, outcomes: [outcome('o1', 'Yes', 6, 'BLUE'), outcome('o2', 'No', 2, 'PINK')] };
    await commands.httpSetLive('/helix/predictions', { data: [locked], pagination: {} });
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('reconnecting');
    await commands.fakeAway('eventsub', false);
    await expect.poll(() => page!.text('ovl-poll', '[part="countdown"]'), { timeout: 15_000 }).toEqual(['Locked']);
    expect(await page!.text('ovl-poll', '[part="votes"]')).toEqual(['6 · 6,000 points · 75%', '2 · 2,000 points · 25%']);
    expect(await got()).toEqual(['prediction begin', 'prediction lock']);
  });

  test('titles and choices are text, never markup', async () => {
    await open();
    const evil = '<img src=x onerror="window.pwned=1">';
    await commands.esNotify('channel.poll.begin', { ...poll('page-inert', null, { ends_at: inSeconds(60) }), title: `<i>${evil}</i>`, choices: [{ id: 'c1', title: evil }, { id: 'c2', title: '<script>window.pwned=2</script>' }] });
    await expect.poll(() => page!.text('ovl-poll', '[part="option-title"]'), { timeout: 5000 }).toEqual([evil, '<script>window.pwned=2</script>']);
    expect(await page!.text('ovl-poll', '[part="title"]')).toEqual([`<i>${evil}</i>`]);
    expect(await page!.eval('document.querySelector("ovl-poll").shadowRoot.querySelector("img, i, script") === null && !window.pwned')).toBe(true);
  });

  test('a token with only the polls scope: predictions are named as off in ?debug; with neither, the setup card', async () => {
    await open('', ['channel:read:polls']);
    await expect.poll(() => page!.text('ovl-status-panel', '.note')).toContain('events off for want of a scope: prediction (needs channel:read:predictions or channel:manage:predictions)');
    await page!.close();
    page = await openPage(url('debug', ['channel:read:hype_train']), SIZE);
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/poll overlay cannot receive what it shows with this token: poll \(needs channel:read:polls or channel:manage:polls\), prediction/);
  });

  test('?record keeps the poll, and ?replay shows it again with no account', async () => {
    await open('&record');
    await commands.esNotify('channel.poll.progress', poll('page-rec', [5, 5, 0], { ends_at: inSeconds(300) }));
    await expect.poll(() => page!.text('ovl-poll', '[part="votes"]'), { timeout: 5000 }).toEqual(['5 votes · 50%', '5 votes · 50%', '0 votes · 0%']);
    const file = await page!.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    await page!.close();
    const data = encodeURIComponent(`data:application/x-ndjson;charset=utf-8,${encodeURIComponent(file)}`);
    page = await openPage(`/overlays/poll/?replay=${data}&replay-speed=10`, SIZE);
    await expect.poll(() => page!.text('ovl-poll', '[part="votes"]'), { timeout: 10_000 }).toEqual(['5 votes · 50%', '5 votes · 50%', '0 votes · 0%']);
    expect(await page.errors()).toEqual([]);
  });

  test('?demo plays a poll on the simulator, through to its result', async () => {
    // The demo's poll: begin, progress and end 4 s apart, on a clock the test moves ahead.
    page = await openPage('/overlays/poll/?demo&result-seconds=2', { ...SIZE, reducedMotion: true, clock: true });
    await expect.poll(() => page!.text('ovl-poll', '[part="label"]'), { timeout: 10_000 }).toEqual(['Poll']);
    expect(await winners()).toEqual([]);
    await page.advance(8000);
    await expect.poll(winners, { timeout: 10_000 }).toEqual(['The Dragon']);
    await shoot('poll-demo');
    expect(await page.errors()).toEqual([]);
  });
});
