import { alertsSchema } from '../config/alerts-config.js';
import type { OverlayEntry } from './overlay-entry.js';

export const alertsEntry: OverlayEntry<typeof alertsSchema> = {
  name: 'alerts',
  title: 'Channel-point alerts overlay',
  about: 'An alert for every channel-point redemption, one at a time: who, which reward, its image and colour, what they typed.',
  obs: 'OBS: Browser Source, width 1000, height 300. Needs the broadcaster’s own token.',
  scopes: [
    {
      scope: 'channel:read:redemptions',
      required: true,
      why: 'receives your channel-point redemptions and reads the rewards’ images and colours',
      alternatives: ['channel:manage:redemptions'],
    },
  ],
  schema: alertsSchema,
  fieldNotes: {
    // obs-browser issue 404: speechSynthesis bypasses the source's audio capture.
    speak: 'OBS does not capture speech when the source’s "Control audio via OBS" is ticked: leave it unticked to hear it (it then plays on your desktop audio).',
  },
};
