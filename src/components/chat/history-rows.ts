import type { ChatMessage, ChatNotice } from '../../sources/tmi/chat-events.js';

/** What placing a row needs of it. */
export interface PlacedRow {
  readonly element: HTMLElement;
  /** A history line's time; undefined for a live line. */
  historyAt?: number;
}

/**
 * Draws a channel's recent history (`<ovl-chat>`'s `history` event), loaded with the first one:
 * the newest `room` lines, as rows made by `addRow` (null for a line on screen already) and
 * marked `history`, appearing at once (no entry animation). They go above the live rows and in
 * time order with the history rows drawn before (another channel's), both in the list and in
 * the rows' order, which the trim follows: the oldest history lines leave first.
 */
export function drawHistory<R extends PlacedRow>(
  lines: readonly (ChatMessage | ChatNotice)[],
  room: number,
  rows: Map<string, R>,
  list: HTMLElement,
  addRow: (line: ChatMessage | ChatNotice) => R | null,
): void {
  for (const line of lines.slice(-room)) {
    const row = addRow(line);
    if (!row) continue;
    row.historyAt = line.sentAt;
    row.element.classList.add('history');
    row.element.setAttribute('part', `${row.element.getAttribute('part')} history`);
    row.element.style.setProperty('--_enter-duration', '0s');
  }
  const all = [...rows];
  const history = all.filter(([, row]) => row.historyAt !== undefined).sort(([, a], [, b]) => a.historyAt! - b.historyAt!);
  const live = all.filter(([, row]) => row.historyAt === undefined);
  rows.clear();
  for (const [key, row] of [...history, ...live]) rows.set(key, row);
  const fragment = document.createDocumentFragment();
  fragment.append(...history.map(([, row]) => row.element));
  list.insertBefore(fragment, live[0]?.[1].element ?? null);
}
