/** EventSub WebSocket messages as Twitch sends them (twitch-protocols.md §3.2), snake_case. */
export interface EventSubSessionWire {
  id: string;
  status: string;
  keepalive_timeout_seconds: number | null;
  reconnect_url: string | null;
  connected_at: string;
}

export interface EventSubSubscriptionWire {
  id: string;
  status: string;
  type: string;
  version: string;
  condition: Record<string, string>;
  transport: { method: string; session_id?: string };
  created_at: string;
  cost: number;
}

export interface EventSubMetadataWire {
  message_id: string;
  message_type: 'session_welcome' | 'session_keepalive' | 'notification' | 'session_reconnect' | 'revocation' | string;
  message_timestamp: string;
  subscription_type?: string;
  subscription_version?: string;
}

export interface EventSubMessageWire {
  metadata: EventSubMetadataWire;
  payload: {
    session?: EventSubSessionWire;
    subscription?: EventSubSubscriptionWire;
    event?: Record<string, unknown>;
  };
}

/** Close codes the server uses (§3.3), in words a streamer can act on. */
export const CLOSE_REASONS: Readonly<Record<number, string>> = {
  4000: 'Twitch had an internal error',
  4001: 'the client sent data it must not send',
  4002: 'the client did not answer a ping',
  4003: 'no subscription was made in time after connecting',
  4004: 'the reconnect was not completed in time',
  4005: 'the network timed out',
  4006: 'a network error occurred',
  4007: 'the reconnect URL was not valid',
};
