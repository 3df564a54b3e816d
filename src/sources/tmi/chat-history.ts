import { parseIrcLine } from './irc-message.js';
import { normalizeIrc, type NormalizeOptions } from './normalize.js';
import type { ChatEvent, ChatMessage, ChatNotice } from './chat-events.js';
import type { ChatSource, HistoryGate } from './chat-source.js';

export type HistoryLine = ChatMessage | ChatNotice;

/**
 * The commands read from a history: lines, and what removed some of them. The rest would act
 * as if live: a ROOMSTATE confirms the JOIN to a source, a NOTICE can fail it.
 */
const READ = new Set(['PRIVMSG', 'USERNOTICE', 'CLEARCHAT', 'CLEARMSG']);
/** Live line ids remembered until the history comes: the newest, since the history ends where live chat began. */
const LIVE_IDS = 1000;

export interface ReadHistoryOptions extends NormalizeOptions {
  /** The channel read (login): a line of another channel is not its history. */
  readonly channel: string;
  /** Lines kept at most, the newest. */
  readonly limit: number;
}

/** Whether `id` names the line: its id, or in Shared Chat its source id. */
const named = (line: HistoryLine, id: string) => line.id === id || line.sourceMessageId === id;

export interface ChatHistoryOptions {
  /** Lines shown at most (the `history` parameter). */
  readonly limit: number;
  /** The Twitch emote variant, as the source draws live lines. */
  readonly emoteTheme?: 'dark' | 'light';
}

/** What live chat showed and removed before the history came. */
interface LiveSoFar {
  readonly ids: Set<string>;
  readonly removed: Set<string>;
  readonly users: Set<string>;
  cleared: boolean;
}

/**
 * The lines to show of a history service's raw IRC lines (oldest first), through the same
 * parser as live chat. What the history says is respected: a line tagged `rm-deleted=1` (a
 * moderator removed it) is left out, a CLEARCHAT or CLEARMSG in it removes the lines it names,
 * and each line is timed by `rm-received-ts`, when the service received it.
 */
export function readHistory(raw: readonly string[], options: ReadHistoryOptions): HistoryLine[] {
  let lines: HistoryLine[] = [];
  for (const text of raw) {
    const message = parseIrcLine(text);
    if (!message || !READ.has(message.command) || message.tags['rm-deleted'] === '1') continue;
    const event = normalizeIrc(message, options);
    if (!event || event.channel !== options.channel) continue;
    const received = Number(message.tags['rm-received-ts']);
    switch (event.type) {
      case 'message':
      case 'notice':
        lines.push(received > 0 ? { ...event, sentAt: received } : event);
        break;
      case 'delete':
        lines = lines.filter((line) => !named(line, event.messageId));
        break;
      case 'clear-user':
        lines = lines.filter((line) => line.user?.id !== event.userId);
        break;
      case 'clear':
        lines = [];
        break;
    }
  }
  return lines.slice(-options.limit);
}

/** The ids a line goes by: its own and, in Shared Chat, its source id. */
function idsOf(line: HistoryLine): string[] {
  return [line.id, line.sourceMessageId ?? ''].filter(Boolean);
}

/** Whether live chat showed the line, or removed it, before the history came. */
function seenLive(line: HistoryLine, live: LiveSoFar): boolean {
  return live.cleared || idsOf(line).some((id) => live.ids.has(id) || live.removed.has(id)) || (line.user !== null && live.users.has(line.user.id));
}

function noteLine(ids: readonly string[], live: LiveSoFar): void {
  for (const id of ids) live.ids.add(id);
  while (live.ids.size > LIVE_IDS) live.ids.delete(live.ids.values().next().value!);
}

function noteRemoval(event: ChatEvent, live: LiveSoFar): void {
  if (event.type === 'delete') live.removed.add(event.messageId);
  else if (event.type === 'clear-user' && event.userId) live.users.add(event.userId);
  else if (event.type === 'clear') live.cleared = true;
}

/**
 * One channel's recent history against its live chat, so no line shows twice whichever
 * arrives first. Until the history is read it remembers the newest live lines and what
 * moderators removed live; the history then leaves those out. After, it holds back a live
 * copy of a line the history showed, however long after: the chat element refuses only a line
 * still on screen. Made before the source starts (`source.history`).
 */
export class ChatHistory implements HistoryGate {
  /** Ids of the lines the history showed (and their Shared Chat source ids). */
  private readonly shown = new Set<string>();
  private live: LiveSoFar | null = { ids: new Set(), removed: new Set(), users: new Set(), cleared: false };

  constructor(
    private readonly source: ChatSource,
    private readonly options: ChatHistoryOptions,
  ) {
    source.history = this;
  }

  admits(event: ChatEvent): boolean {
    const live = this.live;
    if (event.type === 'message' || event.type === 'notice') {
      const ids = idsOf(event);
      if (ids.some((id) => this.shown.has(id))) return false;
      if (live) noteLine(ids, live);
    } else if (live) noteRemoval(event, live);
    return true;
  }

  /**
   * Shows the history: `raw` read as `readHistory` does, less what live chat already showed
   * or removed, as one `history` event of the source. Returns how many lines it shows.
   */
  show(raw: readonly string[]): number {
    const live = this.live;
    this.live = null;
    const { source } = this;
    const read = readHistory(raw, { ...this.options, channel: source.channel, emotes: source.emotes, channelId: source.channelId });
    const lines = live ? read.filter((line) => !seenLive(line, live)) : read;
    for (const id of lines.flatMap(idsOf)) this.shown.add(id);
    source.showHistory(lines);
    return lines.length;
  }

  /** No history will come (the service failed or refused): live chat goes on unwatched. */
  abandon(): void {
    if (this.source.history === this) this.source.history = undefined;
  }
}
