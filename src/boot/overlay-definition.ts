import type { Source } from '../core/source.js';
import type { Schedule } from '../core/schedule.js';
import type { ConfigOf, Schema } from '../config/schema.js';
import type { Endpoints } from '../config/endpoints.js';
import type { PageEntry } from '../registry/overlay-entry.js';
import type { FrameVia } from '../replay/recording.js';
import type { Replay } from '../replay/replay.js';
import type { FrameTap } from '../replay/recorder.js';
import type { TokenValidation } from '../twitch/validate-token.js';
import type { ChannelRef, ControlBody, PresenceReport } from '../sources/control/control-protocol.js';

/** What the boot hands an overlay's `build()`. */
export interface OverlayEnv {
  readonly url: URL;
  /** `?demo`: run on the simulator, with no account and no network. */
  readonly demo: boolean;
  readonly debug: boolean;
  readonly endpoints: Endpoints;
  /** Runs the overlay's timers (the token's hourly checks, reconnect delays); tests step it by hand. */
  readonly schedule: Schedule;
  /**
   * Adds a line to the `?debug` panel, e.g. which emote services loaded. A line given a `key`
   * replaces the previous line with that key (a counter, say) instead of adding another.
   */
  note(text: string, key?: string): void;
  /** `?replay=…`: the recording to play instead of connecting to Twitch. */
  readonly replay: Replay | null;
  /** `?record`: the hook a source gets to record what arrives on `via`; undefined when not recording. */
  tap(via: FrameVia): FrameTap | undefined;
  /** The page validated its token (connectTwitch): the dock learns whose it is and when it expires. */
  tokenValidated(validation: TokenValidation): void;
  /** What `parts.presence` says changed (an alert box's queue): the dock hears it at once, not at its next ping. */
  presenceChanged(): void;
}

/** What a page adds to its presence for the dock: an alert box its queue, a chat overlay its filters. */
export type PresenceExtras = Pick<PresenceReport, 'alerts' | 'chat'>;

export interface OverlayParts {
  /**
   * Everything that connects, the token's watch included. The boot starts and stops them all,
   * and shows the setup card whenever one of them needs the streamer to fix something.
   */
  readonly sources: readonly Source[];
  /** The overlay's root element; `paused` follows OBS's visibility of the source. */
  readonly element: HTMLElement & { paused: boolean };
  /**
   * The broadcaster the page shows, when it is not the token's user (a chat overlay's channel);
   * the dock's commands and stored state are per broadcaster. A page with neither takes every
   * broadcaster's.
   */
  readonly channel?: ChannelRef;
  /**
   * The dock's commands for this overlay (a replay, a skip, a chat line to remove), and the
   * presence of the other pages (for the dock). The boot itself obeys Hide overlays and answers
   * pings; at start it replays the stored state as commands (`alert-state`, `chat-unhide-users`, `chat-hide-user`).
   */
  control?(message: ControlBody): void;
  /** What the page adds to its presence (see PresenceExtras). */
  presence?(): PresenceExtras;
}

export interface OverlayDefinition<S extends Schema> {
  /** The overlay's registry entry, of which the boot reads the schema, the title (for the setup card) and the name (for recordings). */
  readonly entry: PageEntry<S>;
  /** False for a page that is no overlay on stream (the dock, the studio): Hide overlays leaves it alone. Default true. */
  readonly hideable?: boolean;
  /** Connections whose frames `?record` saves and `?replay` plays; none: neither applies. */
  readonly records?: readonly FrameVia[];
  /** Builds sources and element. Throw a `config` or `auth` SourceError for a problem the streamer must fix. */
  build(config: ConfigOf<S>, env: OverlayEnv): Promise<OverlayParts>;
}
