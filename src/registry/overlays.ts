import { chatEntry, chatGuide } from './chat.js';
import { emoteWallEntry, emoteWallGuide } from './emote-wall.js';
import { emoteComboEntry, emoteComboGuide } from './emote-combo.js';
import { streamInfoEntry, streamInfoGuide } from './stream-info.js';
import { alertsEntry, alertsGuide } from './alerts.js';
import { heatmapEntry, heatmapGuide } from './heatmap.js';
import { studioEntry, studioGuide } from './studio.js';
import { eventsEntry, eventsGuide } from './events.js';
import { goalEntry, goalGuide } from './goal.js';
import { hypeTrainEntry, hypeTrainGuide } from './hype-train.js';
import { pollEntry, pollGuide } from './poll.js';
import { dockEntry, dockGuide } from './dock.js';
import { labelEntry, labelGuide } from './label.js';
import { subathonEntry, subathonGuide } from './subathon.js';
import { creditsEntry, creditsGuide } from './credits.js';
import { withGuide, type GuidedOverlay } from './overlay-guide.js';

/**
 * Every overlay with its guide, in the order the demo page and the README show them. Each has
 * its page at `overlays/<name>/`; a test checks that pages and entries match. Overlay pages never
 * import this list: they would carry every guide.
 */
export const OVERLAYS: readonly GuidedOverlay[] = [
  withGuide(chatEntry, chatGuide),
  withGuide(streamInfoEntry, streamInfoGuide),
  withGuide(alertsEntry, alertsGuide),
  withGuide(eventsEntry, eventsGuide),
  withGuide(goalEntry, goalGuide),
  withGuide(hypeTrainEntry, hypeTrainGuide),
  withGuide(pollEntry, pollGuide),
  withGuide(dockEntry, dockGuide),
  withGuide(heatmapEntry, heatmapGuide),
  withGuide(studioEntry, studioGuide),
  withGuide(emoteWallEntry, emoteWallGuide),
  withGuide(emoteComboEntry, emoteComboGuide),
  withGuide(labelEntry, labelGuide),
  withGuide(subathonEntry, subathonGuide),
  withGuide(creditsEntry, creditsGuide),
];
