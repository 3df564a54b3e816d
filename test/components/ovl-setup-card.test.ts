import { afterEach, describe, expect, test } from 'vitest';
import '../../src/components/status/ovl-setup-card.js';
import type { OvlSetupCard } from '../../src/components/status/ovl-setup-card.js';

let card: OvlSetupCard | undefined;
afterEach(() => card?.remove());

async function mount(items: string[]): Promise<OvlSetupCard> {
  card = document.createElement('ovl-setup-card');
  card.items = items;
  document.body.append(card);
  await card.updateComplete;
  return card;
}

describe('<ovl-setup-card>', () => {
  test('shows `code` from a message as code, without the backticks', async () => {
    const el = await mount(['"channel" is required: Twitch channel to show, by login name (e.g. `shroud`).']);
    const item = el.shadowRoot!.querySelector('[part="item"]')!;
    expect(item.textContent).toBe('"channel" is required: Twitch channel to show, by login name (e.g. shroud).');
    expect([...item.querySelectorAll('code')].map((code) => code.textContent)).toEqual(['shroud']);
  });

  test('never reads a message as HTML, inside code or out; a lone backtick stays as written', async () => {
    const el = await mount(['<img src=x onerror=alert(1)> and `<b>bold</b>`', 'a lone ` backtick']);
    const [first, second] = el.shadowRoot!.querySelectorAll('[part="item"]');
    expect(first!.querySelector('img, b')).toBeNull();
    expect(first!.textContent).toBe('<img src=x onerror=alert(1)> and <b>bold</b>');
    expect(first!.querySelector('code')!.textContent).toBe('<b>bold</b>');
    expect(second!.textContent).toBe('a lone ` backtick');
    expect(second!.querySelector('code')).toBeNull();
  });
});
