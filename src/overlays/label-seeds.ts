import type { HistoryReader } from '../sources/history/history-reader.js';
import { LABEL_EVENT_KINDS, type LabelTally } from '../components/label/label-tally.js';

/** What a latest-… label showed before this page loaded: the latest live events of its kinds in the history. */
export async function seedLatest(tally: LabelTally, history: HistoryReader): Promise<void> {
  const records = await history.latest(20, { origins: ['live'], kinds: LABEL_EVENT_KINDS[tally.label] });
  for (const { event } of records.reverse()) tally.add(event);
}
