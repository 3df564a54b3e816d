/** One subscription to create on each new session: what Helix's `POST /eventsub/subscriptions` takes besides the transport (§3.4). */
export interface EventSubSubscription {
  readonly type: string;
  readonly version: string;
  readonly condition: Readonly<Record<string, string>>;
}
