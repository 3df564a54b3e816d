import type { Fetch, TwitchEndpoints } from '../twitch/endpoints.js';
import { HelixClient } from '../twitch/helix-client.js';
import { seededRandom } from './random.js';
import { DEMO_REWARDS, DEMO_USER } from './demo-channel.js';

const TITLES = ['Speedrunning until I get the world record', 'Chill Sunday stream: chat decides the next game', 'Building an OBS overlay live'];
const GAMES = [
  ['509658', 'Just Chatting'],
  ['27471', 'Minecraft'],
  ['1469308723', 'Software and Game Development'],
] as const;

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'Ratelimit-Limit': '800', 'Ratelimit-Remaining': '799' },
  });
}

/**
 * A `fetch` that answers Helix `/users`, `/streams`, custom rewards, creator goals, the Bits leaderboard and EventSub subscriptions
 * the way Twitch does, for a demo channel
 * that went live 47 minutes ago, with a drifting viewer count and the odd title or game
 * change. HelixClient and the stream-info source parse it exactly as they parse Twitch.
 */
export function simulatedHelixFetch(seed = 7): Fetch {
  const random = seededRandom(seed);
  const startedAt = new Date(Date.now() - 47 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  let viewers = 1200;
  let title = TITLES[0]!;
  let game: (typeof GAMES)[number] = GAMES[0];
  return async (input, init) => {
    const url = new URL(input);
    if (url.pathname.endsWith('/eventsub/subscriptions') && init?.method === 'POST') {
      return json({ data: [{ id: 'demo-sub', status: 'enabled', ...JSON.parse(String(init.body)) }], total: 1, total_cost: 0, max_total_cost: 10 });
    }
    if (url.pathname.endsWith('/channel_points/custom_rewards')) {
      const image = (n: number) => `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${28 * n}" height="${28 * n}" viewBox="0 0 28 28"><circle cx="14" cy="14" r="12" fill="#fff"/></svg>`)}`;
      return json({
        data: DEMO_REWARDS.map((r) => ({
          id: r.id, title: r.title, prompt: r.prompt, cost: r.cost, image: null,
          default_image: { url_1x: image(1), url_2x: image(2), url_4x: image(4) },
          background_color: r.color, is_enabled: true, is_paused: false, is_user_input_required: r.input,
          global_cooldown_setting: { is_enabled: false, global_cooldown_seconds: 0 },
        })),
      });
    }
    if (url.pathname.endsWith('/goals')) {
      // The goal the simulated EventSub then moves (stream-event-payloads.ts), a little behind.
      const goal = { id: 'demo-goal', broadcaster_id: DEMO_USER.id, broadcaster_name: DEMO_USER.displayName, broadcaster_login: DEMO_USER.login, type: 'follower', description: 'Road to 1,000 followers', current_amount: 930, target_amount: 1000, created_at: startedAt };
      return json({ data: [goal] });
    }
    if (url.pathname.endsWith('/bits/leaderboard')) {
      const data = [['100000201', 'bitbaron', 'BitBaron', 12_500], ['100000202', 'cheery_chris', 'Cheery_Chris', 6_900]].map(([user_id, user_login, user_name, score], i) => ({ user_id, user_login, user_name, rank: i + 1, score }));
      return json({ data, date_range: { started_at: '', ended_at: '' }, total: data.length });
    }
    if (url.pathname.endsWith('/users')) {
      return json({ data: [{ id: DEMO_USER.id, login: DEMO_USER.login, display_name: DEMO_USER.displayName, type: '', broadcaster_type: 'affiliate', description: '', profile_image_url: '', offline_image_url: '', view_count: 0, created_at: '2020-01-01T00:00:00Z' }] });
    }
    viewers = Math.max(1, Math.round(viewers * (0.97 + random() * 0.07)));
    if (random() < 0.1) title = TITLES[Math.floor(random() * TITLES.length)]!;
    if (random() < 0.05) game = GAMES[Math.floor(random() * GAMES.length)]!;
    return json({
      data: [
        {
          id: '40952121085',
          user_id: DEMO_USER.id,
          user_login: DEMO_USER.login,
          user_name: DEMO_USER.displayName,
          game_id: game[0],
          game_name: game[1],
          type: 'live',
          title,
          viewer_count: viewers,
          started_at: startedAt,
          language: 'en',
          thumbnail_url: `https://static-cdn.jtvnw.net/previews-ttv/live_user_${DEMO_USER.login}-{width}x{height}.jpg`,
          tag_ids: [],
          tags: ['English'],
          is_mature: false,
        },
      ],
      pagination: {},
    });
  };
}

/** A HelixClient on the simulated Helix, for `?demo`. */
export function simulatedHelixClient(endpoints: TwitchEndpoints): HelixClient {
  return new HelixClient({ token: 'demo', clientId: 'demo', endpoints, fetch: simulatedHelixFetch() });
}
