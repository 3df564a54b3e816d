import { afterEach, describe, expect, test } from 'vitest';
import '../../src/site/ovl-base-url.js';
import { servedByDevServer, type OvlBaseUrl } from '../../src/site/ovl-base-url.js';

let field: OvlBaseUrl | undefined;
afterEach(() => field?.remove());

async function mount(dev: boolean): Promise<{ field: OvlBaseUrl; changes: string[] }> {
  field = document.createElement('ovl-base-url');
  field.dev = dev;
  const changes: string[] = [];
  field.addEventListener('ovl-base-change', (e) => changes.push((e as CustomEvent<string>).detail));
  document.body.append(field);
  await field.updateComplete;
  return { field, changes };
}

async function type(text: string): Promise<void> {
  const input = field!.shadowRoot!.getElementById('base') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await field!.updateComplete;
}

describe('<ovl-base-url>', () => {
  test('knows a page served by Vite’s dev server, as this test page is', () => {
    expect(servedByDevServer()).toBe(true);
  });

  test('on the dev server it says the links stop working with it, and how to point them at the build', async () => {
    const { field } = await mount(true);
    expect(field.shadowRoot!.querySelector('[part="dev-note"]')!.textContent).toMatch(/dev server \(npm start\): links to it stop working when it stops/);
    expect((field.shadowRoot!.getElementById('base') as HTMLInputElement).value).toBe(new URL('./', location.href).href);
  });

  test('on a built site there is no such note', async () => {
    const { field } = await mount(false);
    expect(field.shadowRoot!.querySelector('[part="dev-note"]')).toBeNull();
  });

  test('takes a static host or OBS’s local-file address as the base, and refuses what OBS cannot open', async () => {
    const { field, changes } = await mount(true);
    await type('http://absolute/C:/obs/dist');
    await type('https://me.github.io/overlays/?x=1#y');
    await type('not an address');
    await type('file:///C:/obs/dist/');
    expect(changes).toEqual(['http://absolute/C:/obs/dist/', 'https://me.github.io/overlays/']);
    expect(field.shadowRoot!.querySelector('[part="problem"]')!.textContent).toContain('http:// and https:// addresses only');
  });
});
