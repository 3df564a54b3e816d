import { afterEach, describe, expect, test } from 'vitest';
import { onObsVisibility } from '../../src/core/obs.js';
import { visibilityScript, type HideSignal } from '../helpers/visibility.js';

const leaving: (() => void)[] = [];
afterEach(() => {
  leaving.splice(0).forEach((leave) => leave());
  // The prototype's getter again: the browser's own visibility.
  delete (document as { visibilityState?: string }).visibilityState;
  delete (document as { hidden?: boolean }).hidden;
});

const run = (script: string) => void (0, eval)(script);
function heard(): boolean[] {
  const calls: boolean[] = [];
  leaving.push(onObsVisibility((visible) => calls.push(visible)));
  return calls;
}

describe('onObsVisibility', () => {
  test.each<HideSignal>(['obs', 'document', 'both'])('hidden then shown by %s: one call each, never the same state twice', (signal) => {
    const calls = heard();
    run(visibilityScript(false, signal));
    run(visibilityScript(false, signal));
    run(visibilityScript(true, signal));
    expect(calls).toEqual([false, true]);
  });

  test('visible only while every signal says so: OBS visible, OBS active, the document visible', () => {
    const calls = heard();
    run(visibilityScript(false, 'document'));
    run(visibilityScript(true, 'obs'));
    window.dispatchEvent(new CustomEvent('obsSourceActiveChanged', { detail: { active: false } }));
    run(visibilityScript(true, 'document'));
    expect(calls).toEqual([false]);
    window.dispatchEvent(new CustomEvent('obsSourceActiveChanged', { detail: { active: true } }));
    expect(calls).toEqual([false, true]);
  });

  test('a page that starts hidden hears it at once; removed, it hears nothing more', () => {
    run(visibilityScript(false, 'document'));
    const calls = heard();
    expect(calls).toEqual([false]);
    leaving.splice(0).forEach((leave) => leave());
    run(visibilityScript(true, 'document'));
    expect(calls).toEqual([false]);
  });
});
