/**
 * The package root: typed sources, the Twitch helpers and video out. Importing it defines no
 * element; each element has its own entry (`obs-overlay-kit/elements/chat`, …) that defines
 * it, so a page pulls in only the elements it uses. Everything not exported here is internal.
 */

// The source contract every connection follows.
export { Source, type SourceEventMap, type SourceState, type SourceStatus } from './core/source.js';
export { SourceError, type SourceErrorCode } from './core/errors.js';
export { Backoff, type BackoffOptions } from './core/backoff.js';
export { TypedEventTarget } from './core/typed-event-target.js';

// Chat (TMI through tmi.js).
export { ChatSource, type ChatSourceEventMap, type ChatSourceOptions, type ChatStats } from './sources/tmi/chat-source.js';
export type * from './sources/tmi/chat-events.js';
export type { TextPart, EmotePart, CheerPart, MessagePart } from './domain/message-parts.js';
export type { ChatTransport, ChatTransportEvents } from './sources/tmi/chat-transport.js';
export type { ChatServer } from './sources/tmi/tmi-transport.js';
export { EmoteLookup, type ThirdPartyProvider } from './chat-lookups/emotes/emote-lookup.js';
export { loadThirdPartyEmotes, type LoadEmotesOptions, type ProviderResult } from './chat-lookups/emotes/emote-providers.js';

// Chat extras, each opt-in and fail-soft: badges without a token, third-party badges and 7TV
// paints, pronouns, cheermotes.
export type { BadgeImage, BadgeLookup } from './chat-lookups/badges/badge-lookup.js';
export { TwitchBadges, type TwitchBadgesOptions, type BadgeLoadResult } from './chat-lookups/badges/twitch-badges.js';
export { UserCosmetics, type UserCosmeticsOptions, type CosmeticsLoadResult, type CosmeticsProviderId, type NamePaint, type UserBadge } from './chat-lookups/cosmetics/user-cosmetics.js';
export type { PaintStyle } from './chat-lookups/cosmetics/paint-style.js';
export { applyPaint } from './components/chat/apply-paint.js';
export { userBadgeElement } from './components/chat/user-badge-element.js';
export { Pronouns, type PronounsOptions } from './chat-lookups/pronouns.js';
export { pronounsElement } from './components/chat/pronouns-element.js';
export { CheermoteLookup, loadCheermotes, type CheermoteImage, type CheerMatch, type CheermoteOptions, type CheermotesResult } from './chat-lookups/cheermotes.js';
export { FEATURE_ENDPOINTS, type FeatureEndpoints } from './chat-lookups/feature-endpoints.js';

// EventSub, channel-point redemptions (EventSub or the retired PubSub), Heat, stream info.
export { EventSubSource, EVENTSUB_URL, type EventSubEventMap, type EventSubNotification, type EventSubOptions, type EventSubRevocation } from './sources/eventsub/eventsub-source.js';
export type { EventSubSubscription } from './sources/eventsub/eventsub-subscription.js';
export { SharedEventSubSource, type SharedEventSubOptions, type SharedRole } from './sources/eventsub/shared/shared-eventsub-source.js';
export { DEFAULT_ELECTION_TIMING, type ChannelElectionTiming } from './sources/eventsub/shared/channel-election.js';
export { EventSubRedemptions, type EventSubRedemptionsOptions } from './sources/redemptions/eventsub-redemptions.js';
export { PubSubRedemptions, type PubSubRedemptionsOptions } from './sources/redemptions/pubsub-redemptions.js';
export type { Redemption } from './domain/redemption.js';
export { HeatSource, HEAT_URL, type HeatEventMap, type HeatSourceOptions } from './sources/heat/heat-source.js';
export type { HeatClick } from './sources/heat/heat-click.js';
export { StreamInfoSource, type StreamInfoEventMap, type StreamInfoOptions } from './sources/helix/stream-info-source.js';
export type { StreamInfo, StreamState } from './sources/helix/stream-info.js';

// The event history: the stream events a channel received, kept across reloads in IndexedDB.
export { EventHistory, DEFAULT_HISTORY_LIMIT, DEFAULT_HISTORY_KEEP_ALL_MS, DEFAULT_HISTORY_MAX_RECORDS, type EventHistoryOptions } from './sources/history/event-history.js';
export { HistoryReader, DEFAULT_HISTORY_MAX_AGE_MS, type HistoryReaderOptions } from './sources/history/history-reader.js';
export { readHistoryRecord, type EventOrigin, type HistoryQuery, type HistoryRecord } from './sources/history/history-record.js';
export type { EventKind, StreamEvent } from './domain/stream-event.js';

// Twitch: tokens without a server, Helix, logins.
export { validateToken, type TokenValidation } from './twitch/validate-token.js';
export { beginLogin, completeLogin, type BeginLoginOptions, type LoginResult } from './twitch/implicit-auth.js';
export { startDeviceLogin, finishDeviceLogin, type DeviceCode, type DeviceToken } from './twitch/device-auth.js';
export { HelixClient, type HelixClientOptions, type HelixParams } from './twitch/helix-client.js';
export { getUsers, getStreams, getCustomRewards, getChannelEmotes, getCreatorGoals, type TwitchUser, type CustomReward, type ChannelEmote, type CreatorGoal } from './twitch/helix-api.js';
export { UserDirectory, type UserDirectoryOptions } from './twitch/user-directory.js';
export { normalizeLogin, isUserId } from './twitch/login.js';

// Video out: a generated canvas and audio to WHIP, and local recording.
export { WhipPublisher, type WhipPublisherOptions, type WhipPublisherEventMap } from './video/whip-publisher.js';
export { CanvasFrameSource, type CanvasFrameSourceOptions, type FrameSourceStats } from './video/canvas-frame-source.js';
export { AudioSource, type AudioSourceOptions } from './video/audio-source.js';
export { StreamRecorder, type StreamRecorderOptions, type RecordingContainer } from './video/stream-recorder.js';
export type { PublishStats } from './video/publish-stats.js';
export type { ContentHint, VideoCodec } from './video/codecs.js';

// The elements' types; import an element's own entry to define it.
export type { OvlChat } from './components/chat/ovl-chat.js';
export type { OvlEmoteWall, EmoteFeed } from './components/emote-wall/ovl-emote-wall.js';
export type { EmoteMotion } from './components/emote-wall/emote-motion.js';
export type { OvlEmoteCombo, ComboFeed } from './components/emote-combo/ovl-emote-combo.js';
export { ComboTracker, type Combo, type ComboSettings, type ComboUpdate } from './components/emote-combo/combo-tracker.js';
export type { OvlAlerts } from './components/alerts/ovl-alerts.js';
export type { OvlEventList, EventListFeed, EventListMode } from './components/event-list/ovl-event-list.js';
export type { OvlGoal, GoalFeed } from './components/goal/ovl-goal.js';
export type { GoalView } from './components/goal/goal-state.js';
export type { OvlHeatmap } from './components/heatmap/ovl-heatmap.js';
export type { OvlStreamInfo } from './components/stream-info/ovl-stream-info.js';
export type { OvlStudio } from './components/studio/ovl-studio.js';
export type { OvlHypeTrain } from './components/hype-train/ovl-hype-train.js';
export type { OvlPoll } from './components/poll/ovl-poll.js';
export type { OvlLabel } from './components/label/ovl-label.js';
export type { OvlSubathon } from './components/subathon/ovl-subathon.js';
export type { SubathonState, SubathonRates } from './components/subathon/subathon-clock.js';
export type { OvlCredits } from './components/credits/ovl-credits.js';
export type { CreditsSection, CreditsRow } from './components/credits/credits-rows.js';
export type { OvlStatusPanel } from './components/status/ovl-status-panel.js';
export type { OvlSetupCard } from './components/status/ovl-setup-card.js';
export type { OvlDock } from './components/dock/ovl-dock.js';
export type { OvlDockFeed } from './components/dock/ovl-dock-feed.js';
export type { OvlDockAlertControls } from './components/dock/ovl-dock-alert-controls.js';
export type { OvlDockTestButtons } from './components/dock/ovl-dock-test-buttons.js';
export type { OvlDockWidgetControls } from './components/dock/ovl-dock-widget-controls.js';
export type { OvlDockOverlays } from './components/dock/ovl-dock-overlays.js';
export type { OvlDockChat } from './components/dock/ovl-dock-chat.js';
