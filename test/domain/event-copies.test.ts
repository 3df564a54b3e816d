import { describe, expect, test } from 'vitest';
import { COPY_WINDOW_MS, contentKey, isCopyOf } from '../../src/domain/event-copies.js';

describe('telling two sessions’ copies of an event from two events', () => {
  test('the content key does not depend on the order of fields, at any depth, and tells values apart', () => {
    expect(contentKey({ a: 1, b: { c: [1, { d: 'x', e: null }] } })).toBe(contentKey({ b: { c: [1, { e: null, d: 'x' }] }, a: 1 }));
    expect(contentKey({ a: 1 })).not.toBe(contentKey({ a: '1' }));
    expect(contentKey({ a: [1, 2] })).not.toBe(contentKey({ a: [2, 1] }));
    expect(contentKey({ a: undefined })).toBe(contentKey({ a: null }));
  });

  test('a copy is the same content, sent within the window, from a session that has not delivered it', () => {
    const kept = { key: 'k', at: 1_000_000, sessions: ['s1'] };
    expect(isCopyOf({ key: 'k', at: 1_000_000 + COPY_WINDOW_MS, session: 's2' }, kept)).toBe(true);
    expect(isCopyOf({ key: 'k', at: 1_000_000 - COPY_WINDOW_MS, session: 's2' }, kept)).toBe(true);
    // The same session again: a new event that looks the same.
    expect(isCopyOf({ key: 'k', at: 1_000_000, session: 's1' }, kept)).toBe(false);
    expect(isCopyOf({ key: 'other', at: 1_000_000, session: 's2' }, kept)).toBe(false);
    expect(isCopyOf({ key: 'k', at: 1_000_001 + COPY_WINDOW_MS, session: 's2' }, kept)).toBe(false);
    // A delivery whose session is not known is never taken for a copy.
    expect(isCopyOf({ key: 'k', at: 1_000_000, session: '' }, kept)).toBe(false);
  });
});
