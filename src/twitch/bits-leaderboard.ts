import type { HelixClient } from './helix-client.js';

/** The periods a label asks Twitch's Bits leaderboard for (Twitch also has `day` and `year`). */
export type LeaderboardPeriod = 'week' | 'month' | 'all';

/** One row of the leaderboard. */
export interface LeaderboardEntry {
  readonly userId: string;
  readonly login: string;
  readonly name: string;
  readonly rank: number;
  /** Bits cheered in the period. */
  readonly score: number;
}

interface LeaderboardWire {
  data?: { user_id?: unknown; user_login?: unknown; user_name?: unknown; rank?: unknown; score?: unknown }[];
}

/**
 * `GET /bits/leaderboard?count=&period=`: the top cheerers of the channel in the current week,
 * month or of all time (Twitch's periods run on Pacific time). Needs the broadcaster's own token
 * with `bits:read`; without it Twitch answers 401 "Missing scope: bits:read". Rows without a
 * user or a count are left out.
 */
export async function getBitsLeaderboard(helix: HelixClient, period: LeaderboardPeriod, count = 10): Promise<LeaderboardEntry[]> {
  const body = await helix.get<LeaderboardWire>('/bits/leaderboard', { count: String(count), period });
  return (body.data ?? []).flatMap((row) => {
    const { user_id: userId, user_login: login, user_name: name, rank, score } = row;
    if (typeof userId !== 'string' || typeof login !== 'string' || !Number.isInteger(score) || (score as number) < 0) return [];
    return [{ userId, login, name: typeof name === 'string' && name ? name : login, rank: Number.isInteger(rank) ? (rank as number) : 0, score: score as number }];
  });
}
