import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { Pronouns, type PronounsOptions } from '../../src/chat-lookups/pronouns.js';
import { pronounsElement } from '../../src/components/chat/pronouns-element.js';
import { fakeFeatureEndpoints } from '../helpers/fake-servers.js';

function pronouns(options: Partial<PronounsOptions> = {}): Pronouns {
  return new Pronouns({ endpoint: fakeFeatureEndpoints().pronouns, maxBytes: 20_000, ...options });
}

async function requestCount(prefix: string): Promise<number> {
  return (await commands.httpRequests(prefix)).length;
}

describe('pronouns (alejo.io)', () => {
  test.each([
    ['sheviewer', 'She/Her'],
    ['TheyViewer', 'They/Them'],
    ['mixedviewer', 'He/They'],
    ['anyviewer', 'Any'],
    ['nobodyelse', null],
  ])('%s → %s', async (login, expected) => {
    const lookup = pronouns();
    expect(await lookup.request(login)).toBe(expected);
    expect(lookup.get(login)).toBe(expected ?? undefined);
  });

  test('one request per login however many lines arrive at once; the pronoun list is fetched once', async () => {
    const lookup = pronouns();
    const listBefore = await requestCount('/pronouns/v1/pronouns');
    const userBefore = await requestCount('/pronouns/v1/users/theyviewer');
    const answers = await Promise.all([lookup.request('theyviewer'), lookup.request('theyviewer'), lookup.request('@TheyViewer'), lookup.request('sheviewer')]);
    expect(answers).toEqual(['They/Them', 'They/Them', 'They/Them', 'She/Her']);
    await lookup.request('theyviewer');
    expect((await requestCount('/pronouns/v1/users/theyviewer')) - userBefore).toBe(1);
    expect((await requestCount('/pronouns/v1/pronouns')) - listBefore).toBe(1);
  });

  test('lookups are limited in number at once; past the queue a chatter goes without, unasked', async () => {
    const lookup = pronouns({ concurrency: 1, maxQueued: 1 });
    const before = await requestCount('/pronouns/v1/users/');
    const answers = await Promise.all([lookup.request('sheviewer'), lookup.request('mixedviewer'), lookup.request('anyviewer')]);
    expect(answers).toEqual(['She/Her', 'He/They', null]);
    expect((await requestCount('/pronouns/v1/users/')) - before).toBe(2);
  });

  test('the cache is bounded', async () => {
    const lookup = pronouns({ capacity: 2 });
    await lookup.request('sheviewer');
    await lookup.request('mixedviewer');
    await lookup.request('anyviewer');
    expect(lookup.get('sheviewer')).toBeUndefined();
    expect(lookup.get('anyviewer')).toBe('Any');
  });

  test('something that is not a login never reaches a URL', async () => {
    const lookup = pronouns();
    const before = await requestCount('/pronouns/v1/users/');
    expect(await lookup.request('../pronouns')).toBeNull();
    expect(await lookup.request('a b')).toBeNull();
    expect(await requestCount('/pronouns/v1/users/')).toBe(before);
  });

  test.each([
    ['an HTTP 5xx', 'failing5xx', { status: 500 }],
    ['a timeout', 'failingslow', { status: 200, body: {}, delayMs: 5000 }],
    ['malformed JSON', 'failingjson', { status: 200, rawBody: '{"pronoun_id":' }],
    ['a huge answer', 'failinghuge', { status: 200, body: {}, padBytes: 40_000 }],
  ])('%s: no pronouns, nothing thrown, and the service is left alone for a while', async (_kind, login, scripted) => {
    let now = 1_000_000;
    const lookup = pronouns({ now: () => now, timeoutMs: 'delayMs' in scripted ? 1000 : undefined });
    await commands.httpScript('GET', `/pronouns/v1/users/${login}`, [scripted]);
    await expect(lookup.request(login)).resolves.toBeNull();
    const before = await requestCount('/pronouns/v1/users/sheviewer');
    expect(await lookup.request('sheviewer')).toBeNull();
    expect(await requestCount('/pronouns/v1/users/sheviewer')).toBe(before);
    now += 60_000;
    expect(await lookup.request('sheviewer')).toBe('She/Her');
  });

  test('the pronoun list failing is retried after the pause', async () => {
    let now = 2_000_000;
    const lookup = pronouns({ now: () => now });
    await commands.httpScript('GET', '/pronouns/v1/pronouns', [{ status: 503 }]);
    expect(await lookup.request('mixedviewer')).toBeNull();
    now += 60_000;
    expect(await lookup.request('mixedviewer')).toBe('He/They');
  });

  test('pronoun text from the service stays text, cut to a label', async () => {
    await commands.httpScript('GET', '/pronouns/v1/pronouns', [
      { status: 200, body: { hehim: { name: 'hehim', subject: '<img src=x onerror=alert(1)>', object: 'Him', singular: true }, sheher: { subject: 42 } } },
    ]);
    const lookup = pronouns();
    // mixedviewer's alt set is not in this list: the main one alone is shown.
    const text = await lookup.request('mixedviewer');
    expect(text).toBe('<img src=x onerror=alert');
    expect(await lookup.request('sheviewer')).toBeNull();
    const label = pronounsElement(text!);
    document.body.append(label);
    expect(label.getAttribute('part')).toBe('pronouns');
    expect(label.children).toHaveLength(0);
    expect(label.textContent).toBe(text);
    label.remove();
  });
});
