import { fillFields } from './alert-fields.js';
import type { Redemption } from '../../domain/redemption.js';

/** Per-reward settings, keyed by reward title (case-insensitive) or reward id. */
export type RewardRules = ReadonlyMap<string, string>;

/**
 * Parses `Hydrate! => {user} needs water | 92af127c-… => {user}: {input}` into rules. Entries
 * are separated by `|`; an entry without `=>` is ignored.
 */
export function parseRewardRules(text: string): RewardRules {
  const rules = new Map<string, string>();
  for (const entry of text.split('|')) {
    const arrow = entry.indexOf('=>');
    if (arrow === -1) continue;
    const key = entry.slice(0, arrow).trim().toLowerCase();
    const value = entry.slice(arrow + 2).trim();
    if (key) rules.set(key, value);
  }
  return rules;
}

/** The rule for this redemption's reward: by id first, then by title. */
export function ruleFor(rules: RewardRules, redemption: Redemption): string | undefined {
  return rules.get(redemption.rewardId.toLowerCase()) ?? rules.get(redemption.rewardTitle.toLowerCase());
}

/** Whether a reward is in a list of titles or ids; an empty list means every reward. */
export function rewardListed(list: readonly string[], redemption: Redemption): boolean {
  if (list.length === 0) return true;
  const keys = [redemption.rewardId.toLowerCase(), redemption.rewardTitle.toLowerCase()];
  return list.some((item) => item === '*' || keys.includes(item.trim().toLowerCase()));
}

/** Fills `{user}`, `{reward}`, `{cost}`, `{input}`. The result is shown as text, never HTML. */
export function fillTemplate(template: string, redemption: Redemption): string {
  return fillFields(template, { user: redemption.userName, reward: redemption.rewardTitle, cost: redemption.rewardCost.toLocaleString(), input: redemption.userInput });
}
