import { afterEach, describe, expect, test } from 'vitest';
import { ControlStateStore, DEFAULT_CONTROL_STATE, HIDDEN_USER_MS } from '../../../src/sources/control/control-state.js';

const keys = ['ovl:control:v1:id:555', 'ovl:control:v1:login:statetest'];
afterEach(() => keys.forEach((key) => localStorage.removeItem(key)));

describe('the control state in localStorage', () => {
  test('the dock writes it under the id and the login; a page knowing either reads it', () => {
    const now = 1_000_000;
    new ControlStateStore({ id: '555', login: 'StateTest' }, { now: () => now }).write({ paused: true, muted: true, hidden: false, hiddenUsers: [{ userId: '9', login: 'troll', at: now }] });
    expect(new ControlStateStore({ id: '555' }, { now: () => now }).read()).toEqual({ paused: true, muted: true, hidden: false, hiddenUsers: [{ userId: '9', login: 'troll', at: now }] });
    expect(new ControlStateStore({ login: 'statetest' }, { now: () => now }).read().paused).toBe(true);
    expect(new ControlStateStore({ id: '556' }).read()).toEqual(DEFAULT_CONTROL_STATE);
  });

  test('a hidden chatter is hidden until the stream ends: 12 hours at most', () => {
    let now = 5_000_000;
    const store = new ControlStateStore({ id: '555' }, { now: () => now });
    store.write({ ...DEFAULT_CONTROL_STATE, hiddenUsers: [{ userId: '1', login: 'early', at: now }, { userId: '2', login: 'late', at: now + 60_000 }] });
    now += HIDDEN_USER_MS + 1;
    expect(store.read().hiddenUsers.map((user) => user.login)).toEqual(['late']);
  });

  test('an unreadable or foreign value reads as the default, and a page without storage keeps working', () => {
    const store = new ControlStateStore({ id: '555' });
    for (const text of ['{', '"paused"', JSON.stringify({ paused: 'yes', muted: false, hidden: false, hiddenUsers: [] }), JSON.stringify({ paused: true })]) {
      localStorage.setItem(keys[0]!, text);
      expect(store.read(), text).toEqual(DEFAULT_CONTROL_STATE);
    }
    const memoryOnly = new ControlStateStore({ id: '555' }, { storage: null });
    memoryOnly.write({ ...DEFAULT_CONTROL_STATE, paused: true });
    expect(memoryOnly.read()).toEqual(DEFAULT_CONTROL_STATE);
  });

  test('onChange hears what another page writes (the storage event), not unrelated keys', async () => {
    const store = new ControlStateStore({ id: '555' });
    const heard: boolean[] = [];
    const stop = store.onChange((state) => heard.push(state.hidden));
    // A storage event reaches the other documents of the origin, so an iframe plays the dock.
    const frame = document.createElement('iframe');
    frame.src = '/test/sources/control/blank.html';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const other = frame.contentWindow!.localStorage;
      other.setItem('unrelated', '1');
      other.setItem(keys[0]!, JSON.stringify({ ...DEFAULT_CONTROL_STATE, hidden: true }));
      await expect.poll(() => heard).toEqual([true]);
      other.removeItem('unrelated');
    } finally {
      stop();
      frame.remove();
    }
  });
});
