import type { EventUser, StreamEvent } from '../../domain/stream-event.js';

/** The sections end credits can roll, in the order the streamer lists them. */
export const CREDITS_SECTIONS = ['followers', 'subs', 'gifters', 'cheerers', 'raiders', 'chatters'] as const;
export type CreditsSectionName = (typeof CREDITS_SECTIONS)[number];

export const DEFAULT_TITLES: Readonly<Record<CreditsSectionName, string>> = {
  followers: 'New followers',
  subs: 'Subscribers',
  gifters: 'Gifted subs',
  cheerers: 'Cheers',
  raiders: 'Raids',
  chatters: 'Chatters',
};

/** One name of a section, with its summed amount (bits, subs gifted, raiders' viewers); null where a section counts none. */
export interface CreditsRow {
  readonly name: string;
  readonly amount: number | null;
}

export interface CreditsSection {
  readonly name: CreditsSectionName;
  readonly title: string;
  readonly rows: readonly CreditsRow[];
}

const ANONYMOUS: EventUser = { id: '', login: '', name: 'Anonymous' };

/** The section an event goes in, with who and how much; null for an event no section rolls. */
function entryOf(event: StreamEvent): { section: CreditsSectionName; user: EventUser; amount: number } | null {
  switch (event.kind) {
    case 'follow':
      return { section: 'followers', user: event.user, amount: 0 };
    case 'sub':
      // A gifted sub alone (no gift event counted it): its gifter is unknown, its viewer is a subscriber.
      return { section: 'subs', user: event.user, amount: 0 };
    case 'resub':
      return { section: 'subs', user: event.user, amount: 0 };
    case 'gift':
      return { section: 'gifters', user: event.user ?? ANONYMOUS, amount: event.total };
    case 'cheer':
      return { section: 'cheerers', user: event.user ?? ANONYMOUS, amount: event.bits };
    case 'raid':
      return { section: 'raiders', user: event.user, amount: event.viewers };
    default:
      return null;
  }
}

/** The sections whose rows carry an amount. */
const COUNTED: readonly CreditsSectionName[] = ['gifters', 'cheerers', 'raiders'];

/**
 * This stream's supporters, section by section: each viewer once per section (by user id, in
 * the order they first appeared), their amounts summed (a gifter of 3 and 5 subs is one row of
 * 8). Built for one roll from the stream's events, each given once (CreditsEvents); chatters
 * come from chat, not events (`addChatter`).
 */
export class CreditsRoll {
  private readonly sections = new Map<CreditsSectionName, Map<string, { name: string; amount: number }>>();

  add(event: StreamEvent): void {
    const entry = entryOf(event);
    if (!entry) return;
    this.count(entry.section, entry.user, entry.amount);
  }

  /** A viewer seen in chat, once however often they speak. */
  addChatter(user: Pick<EventUser, 'id' | 'name'>): void {
    this.count('chatters', user, 0);
  }

  private count(section: CreditsSectionName, user: Pick<EventUser, 'id' | 'name'>, amount: number): void {
    const rows = this.sections.get(section) ?? this.sections.set(section, new Map()).get(section)!;
    const key = user.id || `anonymous:${user.name}`;
    const row = rows.get(key);
    rows.set(key, { name: user.name, amount: (row?.amount ?? 0) + amount });
  }

  /** The sections asked for, in that order, with their titles (the default where none is given); empty ones left out. */
  sectionsFor(names: readonly CreditsSectionName[], titles: readonly string[]): CreditsSection[] {
    return names.flatMap((name, i) => {
      const rows = [...(this.sections.get(name)?.values() ?? [])];
      if (rows.length === 0) return [];
      const counted = COUNTED.includes(name);
      return [{ name, title: titles[i] || DEFAULT_TITLES[name], rows: rows.map((row) => ({ name: row.name, amount: counted ? row.amount : null })) }];
    });
  }
}
