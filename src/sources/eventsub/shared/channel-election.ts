import type { Schedule } from '../../../core/schedule.js';
import { workerSchedule } from '../../../core/worker-schedule.js';
import { PROTOCOL_VERSION } from './shared-protocol.js';
import type { Election, ElectionEvents } from './election.js';

/** How the pages agree on an owner without Web Locks. Defaults: 1 s, 3 s, 0.5 s. */
export interface ChannelElectionTiming {
  /** The owner says it is alive this often. */
  readonly heartbeatMs: number;
  /** Silence from the owner for this long means it is gone: a page claims its place. */
  readonly leaseMs: number;
  /** A claim stands if nobody objects within this (an owner answers at once; a smaller page id wins a tie). */
  readonly claimMs: number;
}

export const DEFAULT_ELECTION_TIMING: ChannelElectionTiming = { heartbeatMs: 1000, leaseMs: 3000, claimMs: 500 };

type ElectionKind = 'probe' | 'claim' | 'lease' | 'resign';
interface ElectionMessage {
  readonly v: number;
  readonly kind: ElectionKind;
  readonly page: string;
}

const KINDS: readonly string[] = ['probe', 'claim', 'lease', 'resign'];
const isElectionMessage = (data: unknown): data is ElectionMessage =>
  typeof data === 'object' && data !== null && (data as ElectionMessage).v === PROTOCOL_VERSION && KINDS.includes((data as ElectionMessage).kind) && typeof (data as ElectionMessage).page === 'string';

/**
 * Elects one owner among the pages of an origin over a BroadcastChannel, for pages without Web
 * Locks: those are for secure contexts only, and OBS's local-file mode (`http://absolute`) is not
 * one. The owner holds a lease it renews with a heartbeat; a new page asks who owns (`probe`)
 * and claims if nobody answers; a leaving owner resigns so the next takes over at once; one
 * that vanished without a word is replaced when its lease runs out. On a tie the lesser page id
 * keeps the connection: ids put a page preferred as the owner (the dock) first, then the others
 * by start time. `seize()` takes the ownership at once: the owner steps down at the first lease
 * it hears from a lesser id. The timers run in a
 * worker by default (workerSchedule): a hidden owner's heartbeat, throttled to once a minute on
 * the page, would let its lease run out and another page claim every few seconds.
 *
 */
export function electOverChannel(
  name: string,
  page: string,
  events: ElectionEvents,
  { timing = DEFAULT_ELECTION_TIMING, schedule = workerSchedule }: { timing?: ChannelElectionTiming; schedule?: Schedule } = {},
): Election {
  const channel = new BroadcastChannel(name);
  let owner = false;
  let claiming = false;
  let cancelWait = () => {};
  let cancelHeartbeat = () => {};

  const post = (kind: ElectionKind) => channel.postMessage({ v: PROTOCOL_VERSION, kind, page } satisfies ElectionMessage);
  const after = (ms: number, then: () => void) => {
    cancelWait();
    cancelWait = schedule(then, ms);
  };
  const heartbeat = () => {
    post('lease');
    cancelHeartbeat = schedule(heartbeat, timing.heartbeatMs);
  };
  /** Someone else owns: wait for its lease to run out. */
  const follow = () => {
    claiming = false;
    after(timing.leaseMs, claim);
  };
  const claim = () => {
    claiming = true;
    post('claim');
    after(timing.claimMs, win);
  };
  const win = () => {
    claiming = false;
    owner = true;
    heartbeat();
    events.onElected();
  };
  const stepDown = () => {
    owner = false;
    cancelHeartbeat();
    follow();
    events.onDeposed();
  };

  channel.onmessage = ({ data }: MessageEvent) => {
    if (!isElectionMessage(data) || data.page === page) return;
    switch (data.kind) {
      case 'lease':
        if (!owner) follow();
        else if (data.page < page) stepDown();
        else post('lease');
        break;
      case 'claim':
        // An owner objects; a page that started earlier is let through, whether or not this one
        // claims too; a later one is told of this page's claim, which it may have missed.
        if (owner) post('lease');
        else if (data.page < page) follow();
        else if (claiming) post('claim');
        break;
      case 'probe':
        // A new page learns at once that a page owns or is about to.
        if (owner) post('lease');
        else if (claiming) post('claim');
        break;
      case 'resign':
        if (!owner && !claiming) claim();
        break;
    }
  };

  post('probe');
  after(timing.claimMs, claim);
  let left = false;
  return {
    seize: () => {
      if (left || owner) return;
      cancelWait();
      win();
    },
    leave: () => {
      if (left) return;
      left = true;
      cancelWait();
      cancelHeartbeat();
      if (owner) post('resign');
      channel.close();
    },
  };
}
