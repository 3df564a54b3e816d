import type { EventSubSubscription } from '../eventsub-subscription.js';

/**
 * One key per distinct subscription: type, version and condition (its fields in a fixed order),
 * so two pages asking for the same thing make one subscription in the union. Empty fields do
 * not count: Twitch reports a condition with the optional fields it was not given empty
 * (a raid's other broadcaster), and the key of what it reports is the key of what was asked.
 */
export function subscriptionKey({ type, version, condition }: EventSubSubscription): string {
  const fields = Object.keys(condition)
    .filter((field) => condition[field] !== '')
    .sort()
    .map((field) => [field, condition[field]]);
  return JSON.stringify([type, version, fields]);
}

/** The type a key stands for (see subscriptionKey). */
export function typeOfKey(key: string): string {
  return (JSON.parse(key) as [string])[0];
}
