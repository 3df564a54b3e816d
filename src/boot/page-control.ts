import type { Source } from '../core/source.js';
import { ControlChannel } from '../sources/control/control-channel.js';
import { ControlStateStore, type ControlState } from '../sources/control/control-state.js';
import { PRESENCE_CHANNEL, type ChannelRef, type PresenceReport } from '../sources/control/control-protocol.js';
import { DEMO_USER } from '../simulator/demo-channel.js';
import type { TokenValidation } from '../twitch/validate-token.js';
import type { Schema } from '../config/schema.js';
import type { OverlayDefinition, OverlayParts } from './overlay-definition.js';

/** What the boot knows of a page when it joins the control channel. */
export interface PageControlOptions {
  /** Its entry (name and title, for the dock) and whether Hide overlays applies to it. */
  readonly definition: Pick<OverlayDefinition<Schema>, 'entry' | 'hideable'>;
  readonly parts: OverlayParts;
  /** What the page makes transparent. */
  readonly root: HTMLElement;
  readonly demo: boolean;
  /** The page's token, when it validated one: its user is the broadcaster unless `parts.channel` says otherwise. */
  readonly token: TokenValidation | null;
}

/** A page on the control channel. */
export interface PageControl {
  /** Reports the page's presence soon (coalescing a burst of changes). */
  presenceChanged(): void;
  stop(): void;
}

/** A source that takes part in the shared EventSub connection (StreamEventSource), found among a page's sources. */
interface SharesEventSub {
  readonly eventsub: { readonly role: PresenceReport['eventsub'] };
}

const sharesEventSub = (source: Source): source is Source & SharesEventSub => 'eventsub' in source;

/** Coalesces the presence changes of one burst (a wave of alerts queuing) into one report. */
const PRESENCE_COALESCE_MS = 100;

/**
 * Every overlay page's end of the dock's control channel (src/sources/control/), one hook for
 * all overlays: it starts the page from the stored control state (transparent before anything
 * shows, a paused queue paused), obeys Hide overlays itself and hands every other message to
 * the overlay (`parts.control`), and reports the page's presence on the presence channel when
 * asked (`ping`) and when it changes. It sends nothing on a timer: the dock, always visible in
 * OBS, pings, and a hidden source whose timers Chromium throttles still answers at once
 * (messages are no timers).
 */
export function joinPageControl({ definition, parts, root, demo, token }: PageControlOptions): PageControl {
  const broadcaster: ChannelRef = demo ? { id: DEMO_USER.id, login: DEMO_USER.login } : (parts.channel ?? (token ? { id: token.userId, login: token.login } : {}));
  const hideable = definition.hideable ?? true;
  const page = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const store = new ControlStateStore(broadcaster);

  const apply = (state: ControlState) => {
    hide(state.hidden);
    parts.control?.({ kind: 'alert-state', paused: state.paused, muted: state.muted });
    // The stored chatters replace the ones hidden before: the dock empties the list when the stream ends.
    parts.control?.({ kind: 'chat-unhide-users' });
    for (const user of state.hiddenUsers) parts.control?.({ kind: 'chat-hide-user', userId: user.userId, login: user.login });
  };
  const hide = (hidden: boolean) => {
    if (hideable) root.style.visibility = hidden ? 'hidden' : '';
  };
  const presence = (): PresenceReport => ({
    kind: 'presence',
    page,
    overlay: definition.entry.name,
    title: definition.entry.title,
    sources: parts.sources.map((source) => {
      const { lastError: error, awaySince, warning } = source;
      return { name: source.name, state: source.status.state, ...(error && { error: `${error.code}: ${error.message}` }), ...(awaySince !== null && { awaySince }), ...(warning && { warning }) };
    }),
    eventsub: parts.sources.find(sharesEventSub)?.eventsub.role ?? null,
    ...(token && { tokenExpiresAt: token.validatedAt + token.expiresIn * 1000 }),
    ...parts.presence?.(),
  });

  const reports = new ControlChannel(broadcaster, null, PRESENCE_CHANNEL);
  const channel = new ControlChannel(broadcaster, (message) => {
    if (message.kind === 'ping') reports.post(presence());
    else if (message.kind === 'hide') hide(message.hidden);
    else parts.control?.(message);
  });
  apply(store.read());
  // A second path for the state, beside the channel a focused dock can freeze (obs-studio 8989).
  const stopStorage = store.onChange(apply);

  let due: ReturnType<typeof setTimeout> | null = null;
  const presenceChanged = () => {
    due ??= setTimeout(() => {
      due = null;
      reports.post(presence());
    }, PRESENCE_COALESCE_MS);
  };
  const watching = new AbortController();
  for (const source of parts.sources) source.addEventListener('status', presenceChanged, { signal: watching.signal });
  reports.post(presence());
  return {
    presenceChanged,
    stop: () => {
      watching.abort();
      if (due !== null) clearTimeout(due);
      stopStorage();
      channel.close();
      reports.close();
    },
  };
}
