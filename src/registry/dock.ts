import { dockParamDocs, dockSchema } from '../config/dock-config.js';
import { eventScopes } from './event-scopes.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const dockEntry: OverlayEntry<typeof dockSchema> = {
  name: 'dock',
  title: 'Control dock',
  // The same scopes as the alert box: the feed lists what the alert boxes show.
  scopes: eventScopes('feed rows'),
  schema: dockSchema,
};

export const dockGuide: OverlayGuide<typeof dockSchema> = {
  about:
    'The streamer’s control room in an OBS dock: every event with Replay, pause, skip, mute and clear the alerts, Test buttons, which overlays are open and connected, Hide overlays, and chat lines to take off the chat overlay.',
  obs: {
    width: 400,
    height: 700,
    advice: 'Add it in OBS under View → Docks → Custom Browser Docks (not as a source), from the same site or local server as your overlays; 300–500 px wide.',
    dock: true,
  },
  paramDocs: dockParamDocs,
};
