import { afterEach, describe, expect, test } from 'vitest';
import { electOverChannel, type ChannelElectionTiming } from '../../../../src/sources/eventsub/shared/channel-election.js';
import { PROTOCOL_VERSION } from '../../../../src/sources/eventsub/shared/shared-protocol.js';
import type { Election } from '../../../../src/sources/eventsub/shared/election.js';

/**
 * The election without Web Locks, with its pages as several elections in one page (a
 * BroadcastChannel reaches every other object of its name, in this page too) on short timings.
 */
// Short, but with room for a busy machine: a claim window shorter than a starved page's reply
// would elect a second owner (which the election then resolves, but these tests check the rule).
const timing: ChannelElectionTiming = { heartbeatMs: 100, leaseMs: 500, claimMs: 250 };
const leaving: Election[] = [];
afterEach(() => leaving.splice(0).forEach((election) => election.leave()));

let counter = 0;
function candidate(name: string, page: string, times = timing) {
  const log: string[] = [];
  const election = electOverChannel(name, page, { onElected: () => log.push('elected'), onDeposed: () => log.push('deposed') }, { timing: times });
  leaving.push(election);
  return { log, leave: () => election.leave(), seize: () => election.seize() };
}
const channelName = () => `test-election-${++counter}-${Math.random()}`;

describe('electOverChannel', () => {
  test('pages starting together elect exactly one owner: the smallest page id', async () => {
    const name = channelName();
    const pages = [candidate(name, 'p3'), candidate(name, 'p1'), candidate(name, 'p2')];
    await expect.poll(() => pages[1]!.log).toEqual(['elected']);
    // Several heartbeats and lease periods later, still the one owner.
    await new Promise((resolve) => setTimeout(resolve, timing.leaseMs * 3));
    expect(pages.map((p) => p.log)).toEqual([[], ['elected'], []]);
  });

  test('a page that joins later follows the owner it finds', async () => {
    const name = channelName();
    const first = candidate(name, 'p9');
    await expect.poll(() => first.log).toEqual(['elected']);
    const later = candidate(name, 'p0');
    await new Promise((resolve) => setTimeout(resolve, timing.leaseMs * 3));
    expect([first.log, later.log]).toEqual([['elected'], []]);
  });

  test('a page that joins while another claims is told so, and follows', async () => {
    const name = channelName();
    const first = candidate(name, 'p1');
    // Past the probe, inside the claim window.
    await new Promise((resolve) => setTimeout(resolve, timing.claimMs * 1.4));
    const later = candidate(name, 'p2');
    await expect.poll(() => first.log).toEqual(['elected']);
    await new Promise((resolve) => setTimeout(resolve, timing.leaseMs * 2));
    expect([first.log, later.log]).toEqual([['elected'], []]);
  });

  test('an owner that leaves resigns, and the next page takes over without waiting for the lease', async () => {
    const name = channelName();
    // A lease far longer than the test: only the resignation can hand over.
    const patient = { ...timing, leaseMs: 600_000 };
    const owner = candidate(name, 'p1', patient);
    await expect.poll(() => owner.log).toEqual(['elected']);
    const next = candidate(name, 'p2', patient);
    await new Promise((resolve) => setTimeout(resolve, timing.claimMs * 2));
    expect(next.log).toEqual([]);
    owner.leave();
    await expect.poll(() => next.log).toEqual(['elected']);
  });

  test('a page with a lesser id that seizes owns at once; the owner steps down at its first lease, and nobody claims after', async () => {
    const name = channelName();
    const owner = candidate(name, '1-b');
    await expect.poll(() => owner.log).toEqual(['elected']);
    const dock = candidate(name, '0-a');
    // It follows the owner like any page until it seizes.
    await new Promise((resolve) => setTimeout(resolve, timing.leaseMs * 2));
    expect(dock.log).toEqual([]);
    dock.seize();
    expect(dock.log).toEqual(['elected']);
    await expect.poll(() => owner.log).toEqual(['elected', 'deposed']);
    dock.seize();
    await new Promise((resolve) => setTimeout(resolve, timing.leaseMs * 2));
    expect([owner.log, dock.log]).toEqual([['elected', 'deposed'], ['elected']]);
  });

  test('an owner that hears another owner with a smaller page id steps down; one with a larger id is answered', async () => {
    const name = channelName();
    const owner = candidate(name, 'p5');
    await expect.poll(() => owner.log).toEqual(['elected']);
    const other = new BroadcastChannel(name);
    const heard: unknown[] = [];
    other.onmessage = (event) => heard.push(event.data);
    other.postMessage({ v: PROTOCOL_VERSION, kind: 'lease', page: 'p9' });
    await expect.poll(() => heard).toContainEqual({ v: PROTOCOL_VERSION, kind: 'lease', page: 'p5' });
    expect(owner.log).toEqual(['elected']);
    other.postMessage({ v: PROTOCOL_VERSION, kind: 'lease', page: 'p0' });
    await expect.poll(() => owner.log).toEqual(['elected', 'deposed']);
    other.close();
  });

  test('messages of another version or shape are ignored', async () => {
    const name = channelName();
    const other = new BroadcastChannel(name);
    const owner = candidate(name, 'p5');
    // Forged leases that would keep the page waiting if they counted.
    const forge = setInterval(() => {
      other.postMessage({ v: PROTOCOL_VERSION + 1, kind: 'lease', page: 'p0' });
      other.postMessage({ v: PROTOCOL_VERSION, kind: 'lease', page: 0 });
      other.postMessage('lease');
    }, timing.heartbeatMs / 2);
    await expect.poll(() => owner.log).toEqual(['elected']);
    clearInterval(forge);
    other.close();
  });
});
