import { fetchJson } from '../../core/fetch-json.js';
import { TaskQueue } from '../../core/task-queue.js';
import { LOOKUP_SPACING_MS } from '../chat-lookup.js';
import { SourceError } from '../../core/errors.js';
import { createLogger } from '../../core/logger.js';
import { LruCache } from '../../core/lru-cache.js';
import { KeyedCache } from '../../core/keyed-cache.js';
import { BatchLoader } from '../../core/batch-loader.js';
import type { Schedule } from '../../core/schedule.js';
import { imageUrl } from '../../core/safe-values.js';
import { isUserId } from '../../twitch/login.js';
import { paintStyle, type PaintWire } from './paint-style.js';
import type { NamePaint, ProviderContext, UserBadge, UserCosmeticsProvider } from './user-cosmetics-provider.js';

export interface SevenTvCosmeticsOptions {
  /** Chatters whose 7TV style is remembered. Default 5,000. */
  readonly userCapacity?: number;
  /** Paint and badge definitions remembered. Default 500. */
  readonly cosmeticCapacity?: number;
  /** User lookups at once, and waiting; past that a chatter goes without. Defaults 4 and 200. */
  readonly concurrency?: number;
  readonly maxQueued?: number;
  /** Least time between two user lookups' starts (ms). Default LOOKUP_SPACING_MS (100). */
  readonly spacingMs?: number;
  /** How long definition lookups are gathered into one GraphQL request, in ms. Default 10. */
  readonly batchWindowMs?: number;
  /** Runs the batch window; tests step it. Default: real time. */
  readonly schedule?: Schedule;
  /** After a failed request, 7TV is left alone this long (ms). Default 60 s. */
  readonly pauseAfterFailureMs?: number;
  readonly now?: () => number;
}

/** A 7TV user's choices (REST v3 `model.UserStyle`); the definitions may come inline. */
interface UserStyleWire {
  paint_id?: unknown;
  badge_id?: unknown;
  paint?: (PaintWire & { id?: unknown; name?: unknown }) | null;
  badge?: BadgeWire | null;
}
interface BadgeWire {
  id?: unknown;
  tooltip?: unknown;
  name?: unknown;
  host?: { url?: unknown; files?: { name?: unknown; format?: unknown; width?: unknown }[] };
}
interface Choice {
  readonly paintId: string | null;
  readonly badgeId: string | null;
}

/** Paint and badge definitions by id (7TV v3 GraphQL `cosmetics(list:)`). */
const COSMETICS_QUERY =
  'query Cosmetics($list: [ObjectID!]) { cosmetics(list: $list) { ' +
  'paints { id name function color angle shape image_url repeat stops { at color } shadows { x_offset y_offset radius color } } ' +
  'badges { id name tooltip host { url files { name format width } } } } }';
const GQL_BATCH = 100;
const OBJECT_ID = /^[0-9A-Za-z]{1,32}$/;

const log = createLogger('7tv-cosmetics');

function objectId(value: unknown): string | null {
  return typeof value === 'string' && OBJECT_ID.test(value) ? value : null;
}

function namePaint(raw: UserStyleWire['paint']): NamePaint | null {
  const id = objectId(raw?.id);
  const style = paintStyle(raw);
  return id && style ? { id, name: typeof raw!.name === 'string' ? raw!.name : '', style } : null;
}

/** A 7TV badge: `host.url` (protocol-relative) plus WEBP files; density from their widths. */
function sevenTvBadge(raw: BadgeWire | null | undefined): UserBadge | null {
  const id = objectId(raw?.id);
  const host = typeof raw?.host?.url === 'string' ? raw.host.url : '';
  const base = host.startsWith('//') ? `https:${host}` : host;
  const files = (Array.isArray(raw?.host?.files) ? raw.host.files : []).filter(
    (f) => typeof f?.name === 'string' && /^[\w.-]+\.webp$/.test(f.name) && (f.format === undefined || f.format === 'WEBP'),
  );
  const first = files[0];
  if (!id || !first) return null;
  const firstWidth = typeof first.width === 'number' && first.width > 0 ? first.width : null;
  const candidates = files.slice(0, 3).flatMap((f, i) => {
    const url = imageUrl(`${base}/${f.name as string}`);
    const density = firstWidth && typeof f.width === 'number' ? Math.round((f.width / firstWidth) * 100) / 100 : i + 1;
    return url && density > 0 ? [{ url, density }] : [];
  });
  if (candidates.length === 0) return null;
  const title = typeof raw!.tooltip === 'string' ? raw!.tooltip : typeof raw!.name === 'string' ? raw!.name : '7TV';
  return { provider: '7tv', id, url: candidates[0]!.url, srcset: candidates.map((c) => `${c.url} ${c.density}x`).join(', '), title };
}

/** A definition as the GraphQL batch asks for it. */
type DefinitionKey = `paint/${string}` | `badge/${string}`;

/**
 * 7TV badges and name paints, per chatter: `GET /v3/users/twitch/:id` gives the chatter's
 * chosen paint and badge ids (404: not a 7TV user), and one batched GraphQL
 * `cosmetics(list:)` request gives the definitions of the ids not known yet. Both are kept
 * in bounded LRU caches; lookups go through a bounded queue; after a failure 7TV is left alone
 * for a while and chatters go without cosmetics, so an outage costs chat nothing.
 */
export class SevenTvCosmetics implements UserCosmeticsProvider {
  readonly id = '7tv' as const;
  private readonly users: LruCache<string, Choice | null>;
  /** A chatter's lookup in flight, shared by their lines until it settles. */
  private readonly preparing = new KeyedCache<string, void>(0);
  private readonly paints: KeyedCache<string, NamePaint | null>;
  private readonly badgeDefs: KeyedCache<string, UserBadge | null>;
  private readonly definitions: BatchLoader<DefinitionKey, NamePaint | UserBadge>;
  private readonly queue: TaskQueue;
  private pausedUntil = 0;
  private readonly now: () => number;
  /** Requests made so far (user lookups and definition batches), for the debug view and tests. */
  requests = 0;

  constructor(
    private readonly context: ProviderContext,
    private readonly options: SevenTvCosmeticsOptions = {},
  ) {
    this.users = new LruCache(options.userCapacity ?? 5000);
    this.paints = new KeyedCache(options.cosmeticCapacity ?? 500);
    this.badgeDefs = new KeyedCache(options.cosmeticCapacity ?? 500);
    this.definitions = new BatchLoader({ maxBatch: GQL_BATCH, windowMs: options.batchWindowMs ?? 10, schedule: options.schedule, loadBatch: (keys) => this.fetchDefinitions(keys) });
    this.queue = new TaskQueue({ concurrency: options.concurrency ?? 4, maxQueued: options.maxQueued ?? 200, spacingMs: options.spacingMs ?? LOOKUP_SPACING_MS });
    this.now = options.now ?? Date.now;
  }

  /** 7TV has no list to load up front. */
  load(): Promise<void> {
    return Promise.resolve();
  }

  prepare(userId: string): Promise<void> {
    if (!isUserId(userId) || this.now() < this.pausedUntil) return Promise.resolve();
    return this.preparing.load(userId, () => this.style(userId)) ?? Promise.resolve();
  }

  badges(userId: string): readonly UserBadge[] {
    const id = this.users.get(userId)?.badgeId;
    const badge = id ? this.badgeDefs.get(id) : undefined;
    return badge ? [badge] : [];
  }

  paint(userId: string): NamePaint | undefined {
    const id = this.users.get(userId)?.paintId;
    return (id && this.paints.get(id)) || undefined;
  }

  /**
   * What is missing of a chatter's style: a known chatter only needs definitions (batched), a
   * new one a user lookup (queued). Null for nothing to do (not a 7TV user) or a full queue.
   */
  private style(userId: string): Promise<void> | null {
    const choice = this.users.get(userId);
    if (choice === null) return null;
    const work = choice ? this.define(choice) : this.queue.run(() => this.lookUp(userId));
    return (
      work?.catch((error: unknown) => {
        this.pausedUntil = this.now() + (this.options.pauseAfterFailureMs ?? 60_000);
        log.warn(`7TV cosmetics paused after a failure (${error instanceof Error ? error.message : String(error)})`);
      }) ?? null
    );
  }

  private async lookUp(userId: string): Promise<void> {
    this.requests += 1;
    const body = (await fetchJson(`${this.context.endpoints.seventv}/users/twitch/${userId}`, this.context.http)) as { user?: { style?: UserStyleWire } } | null;
    const style = body?.user?.style;
    const choice: Choice = { paintId: objectId(style?.paint_id), badgeId: objectId(style?.badge_id) };
    // Definitions that came inline need no second request.
    const inlinePaint = namePaint(style?.paint);
    if (inlinePaint && inlinePaint.id === choice.paintId) this.paints.set(inlinePaint.id, inlinePaint);
    const inlineBadge = sevenTvBadge(style?.badge);
    if (inlineBadge && inlineBadge.id === choice.badgeId) this.badgeDefs.set(inlineBadge.id, inlineBadge);
    this.users.set(userId, body ? choice : null);
    await this.define(choice);
  }

  /** Fetches the definitions of a choice's paint and badge that are not cached. */
  private async define(choice: Choice): Promise<void> {
    // The key's prefix says which kind of definition the batch answers with.
    await Promise.all([
      choice.paintId && this.paints.load(choice.paintId, (id) => this.definitions.load(`paint/${id}`) as Promise<NamePaint | null>),
      choice.badgeId && this.badgeDefs.load(choice.badgeId, (id) => this.definitions.load(`badge/${id}`) as Promise<UserBadge | null>),
    ]);
  }

  /**
   * One GraphQL request for the definitions of a batch. An id 7TV does not return (or whose
   * definition does not validate) resolves as nothing, and is remembered so.
   */
  private async fetchDefinitions(keys: readonly DefinitionKey[]): Promise<Map<DefinitionKey, NamePaint | UserBadge>> {
    this.requests += 1;
    const list = [...new Set(keys.map((key) => key.slice(key.indexOf('/') + 1)))];
    const body = (await fetchJson(`${this.context.endpoints.seventv}/gql`, { ...this.context.http, postJson: { query: COSMETICS_QUERY, variables: { list } } })) as {
      data?: { cosmetics?: { paints?: unknown; badges?: unknown } } | null;
    } | null;
    const cosmetics = body?.data?.cosmetics;
    if (!cosmetics) throw new SourceError('protocol', '7TV answered without cosmetics.');
    const found = new Map<DefinitionKey, NamePaint | UserBadge>();
    for (const paint of Array.isArray(cosmetics.paints) ? cosmetics.paints : []) {
      const valid = namePaint(paint);
      if (valid) found.set(`paint/${valid.id}`, valid);
    }
    for (const badge of Array.isArray(cosmetics.badges) ? cosmetics.badges : []) {
      const valid = sevenTvBadge(badge as BadgeWire);
      if (valid) found.set(`badge/${valid.id}`, valid);
    }
    return found;
  }
}
