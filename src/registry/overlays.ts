import { chatEntry } from './chat.js';
import { streamInfoEntry } from './stream-info.js';
import { alertsEntry } from './alerts.js';
import { heatmapEntry } from './heatmap.js';
import { studioEntry } from './studio.js';
import { eventsEntry } from './events.js';
import { goalEntry } from './goal.js';
import { hypeTrainEntry } from './hype-train.js';
import { pollEntry } from './poll.js';
import type { OverlayEntry } from './overlay-entry.js';

/**
 * Every overlay, in the order the demo page and the README show them. Each has its page at
 * `overlays/<name>/`; a test checks that pages and entries match.
 */
export const OVERLAYS: readonly OverlayEntry[] = [chatEntry, streamInfoEntry, alertsEntry, eventsEntry, goalEntry, hypeTrainEntry, pollEntry, heatmapEntry, studioEntry];
