import { describe, expect, test } from 'vitest';
import { fetchJson } from '../../src/core/fetch-json.js';

/** A fetch that answers every request with a new Response from `make`. */
function answering(make: () => Response): { fetch: (url: string) => Promise<Response> } {
  return { fetch: () => Promise.resolve(make()) };
}

describe('fetchJson', () => {
  test('a declared Content-Length over the limit is refused before the body is read', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('[]'));
        controller.close();
      },
    });
    const { fetch } = answering(() => new Response(body, { status: 200, headers: { 'Content-Length': '5000000' } }));
    await expect(fetchJson('https://api.example/x', { fetch, maxBytes: 1000 })).rejects.toMatchObject({ code: 'protocol', message: 'api.example sent more than 1000 bytes; ignored.' });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  test('a 404 is "none", not a failure; other statuses are errors of the right kind', async () => {
    await expect(fetchJson('https://api.example/x', answering(() => new Response('{}', { status: 404 })))).resolves.toBeNull();
    await expect(fetchJson('https://api.example/x', answering(() => new Response('', { status: 503 })))).rejects.toMatchObject({ code: 'network', retryable: true });
    await expect(fetchJson('https://api.example/x', answering(() => new Response('', { status: 429 })))).rejects.toMatchObject({ code: 'network' });
    await expect(fetchJson('https://api.example/x', answering(() => new Response('', { status: 400 })))).rejects.toMatchObject({ code: 'protocol', message: 'api.example answered HTTP 400.' });
  });

  test('a POST sends JSON and omits credentials', async () => {
    let seen: RequestInit | undefined;
    const fetch = (_url: string, init?: RequestInit) => {
      seen = init;
      return Promise.resolve(new Response('{"data":1}'));
    };
    await expect(fetchJson('https://api.example/gql', { fetch, postJson: { query: 'q' } })).resolves.toEqual({ data: 1 });
    expect(seen).toMatchObject({ method: 'POST', body: '{"query":"q"}', credentials: 'omit', headers: { 'Content-Type': 'application/json' } });
  });
});
