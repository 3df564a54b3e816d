import { labelSchema } from '../config/label-config.js';
import type { PageEntry } from './overlay-entry.js';

/**
 * What the label page reads of its entry (`labelEntry`, label.ts, adds the scopes). The page
 * draws before its connection's code loads, and the scopes, read from the EventSub
 * subscription catalog, would bring the catalog with them (0.8 kB gzip); they only say what to
 * ask Twitch for, and none is required but a leaderboard's `bits:read` (label-overlay.ts).
 */
export const labelPage: PageEntry<typeof labelSchema> = { name: 'label', title: 'Label overlay', schema: labelSchema };
