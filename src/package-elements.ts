/**
 * The elements the package publishes, each with its own entry (`obs-overlay-kit/elements/<name>`)
 * that defines it, by the module under `src/` that defines it: `ovl-<tag>.ts` defines
 * `<ovl-tag>`, class `OvlTag`. The one list: vite.lib.config.ts builds its entries from it, and
 * test/package/element-list.test.ts holds package.json's `exports` and src/index.ts to it.
 */
export const PACKAGE_ELEMENTS: Readonly<Record<string, string>> = {
  chat: 'components/chat/ovl-chat.ts',
  'emote-wall': 'components/emote-wall/ovl-emote-wall.ts',
  'emote-combo': 'components/emote-combo/ovl-emote-combo.ts',
  alerts: 'components/alerts/ovl-alerts.ts',
  'event-list': 'components/event-list/ovl-event-list.ts',
  goal: 'components/goal/ovl-goal.ts',
  heatmap: 'components/heatmap/ovl-heatmap.ts',
  'stream-info': 'components/stream-info/ovl-stream-info.ts',
  studio: 'components/studio/ovl-studio.ts',
  'hype-train': 'components/hype-train/ovl-hype-train.ts',
  poll: 'components/poll/ovl-poll.ts',
  label: 'components/label/ovl-label.ts',
  subathon: 'components/subathon/ovl-subathon.ts',
  credits: 'components/credits/ovl-credits.ts',
  'status-panel': 'components/status/ovl-status-panel.ts',
  'setup-card': 'components/status/ovl-setup-card.ts',
  dock: 'components/dock/ovl-dock.ts',
  'dock-feed': 'components/dock/ovl-dock-feed.ts',
  'dock-alert-controls': 'components/dock/ovl-dock-alert-controls.ts',
  'dock-test-buttons': 'components/dock/ovl-dock-test-buttons.ts',
  'dock-widget-controls': 'components/dock/ovl-dock-widget-controls.ts',
  'dock-overlays': 'components/dock/ovl-dock-overlays.ts',
  'dock-chat': 'components/dock/ovl-dock-chat.ts',
};
