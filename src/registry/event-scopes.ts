import { EVENT_SUBSCRIPTIONS } from '../sources/eventsub/subscription-catalog.js';
import type { ScopeNeed } from './overlay-entry.js';

/**
 * One optional scope per group of event kinds, read from the subscription catalog so the token
 * asked for and the subscriptions made cannot drift apart. None is required: each only turns
 * its kinds on (raids need none), and the overlay says in `?debug` which are off. `what` names
 * what a kind turns on, for the streamer ("alerts", "rows in the list").
 */
export function eventScopes(what = 'alerts'): ScopeNeed[] {
  const needs = new Map<string, { alternatives: readonly string[]; kinds: Set<string> }>();
  for (const { scopes, kind } of EVENT_SUBSCRIPTIONS) {
    const [scope, ...alternatives] = scopes;
    if (!scope) continue;
    const need = needs.get(scope) ?? { alternatives, kinds: new Set<string>() };
    need.kinds.add(kind);
    needs.set(scope, need);
  }
  return [...needs].map(([scope, { alternatives, kinds }]) => ({
    scope,
    required: false,
    why: `turns on ${[...kinds].join(', ')} ${what}`,
    ...(alternatives.length > 0 && { alternatives }),
  }));
}
