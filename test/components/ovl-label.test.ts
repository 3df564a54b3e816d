import { afterEach, describe, expect, test } from 'vitest';
import '../../src/components/label/ovl-label.js';
import type { OvlLabel } from '../../src/components/label/ovl-label.js';

const mounted: OvlLabel[] = [];
afterEach(() => mounted.splice(0).forEach((label) => label.remove()));

function mount(attributes: Record<string, string> = {}): OvlLabel {
  const label = document.createElement('ovl-label');
  for (const [name, value] of Object.entries(attributes)) label.setAttribute(name, value);
  document.body.append(label);
  mounted.push(label);
  return label;
}

const spans = (label: OvlLabel) => [...label.shadowRoot!.querySelectorAll('[part="label"]')];

describe('<ovl-label>', () => {
  test('draws the fields through the template as text, the empty text before any, and nothing for an empty one', async () => {
    const label = mount({ template: '{name} – {amount} bits', empty: 'No cheer yet' });
    await label.updateComplete;
    expect(spans(label).map((s) => s.textContent)).toEqual(['No cheer yet']);
    label.fields = { name: '<img src=x onerror="document.title=1">', amount: '1,500' };
    await label.updateComplete;
    expect(spans(label).map((s) => s.textContent)).toEqual(['<img src=x onerror="document.title=1"> – 1,500 bits']);
    expect(label.shadowRoot!.querySelectorAll('img')).toHaveLength(0);
    label.empty = '';
    label.fields = null;
    await label.updateComplete;
    expect(spans(label)).toEqual([]);
  });

  test('the first text is drawn still; each change pops, unless the animation is off or OBS hides the source', async () => {
    const label = mount();
    label.fields = { name: 'First' };
    await label.updateComplete;
    expect(spans(label)[0]!.className).toBe('');
    label.fields = { name: 'Second' };
    await label.updateComplete;
    const [popped] = spans(label);
    expect([popped!.textContent, popped!.className]).toEqual(['Second', 'pop']);
    // The same text again draws nothing new: the pop is not run twice.
    label.fields = { name: 'Second' };
    await label.updateComplete;
    expect(spans(label)).toEqual([popped]);
    label.paused = true;
    expect(label.hasAttribute('paused')).toBe(true);
    label.fields = { name: 'Hidden' };
    await label.updateComplete;
    expect(spans(label)[0]!.className).toBe('');
    label.paused = false;
    label.setAttribute('animation', 'none');
    label.fields = { name: 'Still' };
    await label.updateComplete;
    expect([label.animation, spans(label)[0]!.className]).toEqual(['none', '']);
  });

  test('properties set together are drawn once, in a microtask', async () => {
    const label = mount();
    const drawn: string[] = [];
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((node) => drawn.push(node.textContent ?? '')))).observe(label.shadowRoot!, { childList: true });
    label.template = '{name} ({amount})';
    label.fields = { name: 'Ada', amount: '3' };
    label.empty = 'nobody';
    expect(spans(label)).toEqual([]);
    await label.updateComplete;
    expect(drawn).toEqual(['Ada (3)']);
    expect(label.text).toBe('Ada (3)');
  });
});
