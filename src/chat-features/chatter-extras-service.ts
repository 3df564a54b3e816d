import type { ChatUser } from '../sources/tmi/chat-events.js';
import type { ChatDecorations } from '../components/chat/chat-decorations.js';
import type { ImageTemplates } from '../components/chat/image-templates.js';
import { pickSource } from '../components/chat/image-templates.js';
import { UserCosmetics, type CosmeticsLoadResult, type CosmeticsProviderId } from '../badges/user-cosmetics.js';
import { userBadgeElement } from '../badges/user-badge-element.js';
import { applyPaint } from '../badges/paint-style.js';
import { Pronouns, pronounsElement } from './pronouns.js';
import type { FeatureEndpoints } from './feature-endpoints.js';

export interface ChatterExtrasOptions {
  /** The streamer's `badges` list; the third-party services in it are drawn in its order. */
  readonly badges: readonly string[];
  readonly paints: boolean;
  readonly pronouns: boolean;
  readonly endpoints: FeatureEndpoints;
}

const COSMETIC_PROVIDERS: readonly string[] = ['ffz', 'bttv', '7tv'];

/**
 * The chat's opt-in per-chatter services as line decorations: FFZ, BTTV and 7TV badges, 7TV
 * paints, alejo.io pronouns. Each is created only when its parameter asks for it, and each is
 * fail-soft (the providers never reject): a service that is down adds nothing.
 */
export class ChatterExtras implements ChatDecorations {
  private readonly cosmetics: UserCosmetics | null;
  private readonly pronounService: Pronouns | null;
  private readonly shownBadgeProviders: ReadonlySet<string>;
  private readonly paints: boolean;

  constructor(options: ChatterExtrasOptions) {
    const badgeProviders = options.badges.filter((b): b is CosmeticsProviderId => COSMETIC_PROVIDERS.includes(b));
    // Paints come from 7TV too, whether or not its badges are shown.
    const providers: CosmeticsProviderId[] = options.paints && !badgeProviders.includes('7tv') ? [...badgeProviders, '7tv'] : badgeProviders;
    this.cosmetics = providers.length > 0 ? new UserCosmetics({ providers, endpoints: options.endpoints }) : null;
    this.shownBadgeProviders = new Set(badgeProviders);
    this.paints = options.paints;
    this.pronounService = options.pronouns ? new Pronouns({ endpoint: options.endpoints.pronouns }) : null;
  }

  /** Whether any service is on; with none, the chat needs no decorations from here. */
  get active(): boolean {
    return this.cosmetics !== null || this.pronounService !== null;
  }

  /** Loads the services' published lists (FFZ, BTTV); each result says whether it worked. Never rejects. */
  load(): Promise<CosmeticsLoadResult[]> {
    return this.cosmetics?.load() ?? Promise.resolve([]);
  }

  badges(box: HTMLElement, user: ChatUser, images: ImageTemplates): void {
    if (!this.cosmetics || !user.id) return;
    for (const badge of this.cosmetics.badges(user.id)) {
      if (!this.shownBadgeProviders.has(badge.provider)) continue;
      const key = `user-badge\n${badge.provider}-${badge.id}\n${badge.title}\n${badge.backgroundColor ?? ''}\n${badge.url}`;
      box.append(images.clone(key, () => userBadgeElement(badge, pickSource(badge.srcset, badge.url))));
    }
  }

  name(name: HTMLElement, user: ChatUser): void {
    if (!this.paints || !user.id) return;
    const paint = this.cosmetics?.paint(user.id);
    if (paint) applyPaint(name, paint.style);
  }

  afterName(box: HTMLElement, user: ChatUser): void {
    const text = this.pronounService?.get(user.login);
    if (text) box.append(pronounsElement(text));
  }

  async notice(user: ChatUser): Promise<void> {
    // Both never reject.
    await Promise.all([user.id ? this.cosmetics?.prepare(user.id) : undefined, this.pronounService?.request(user.login)]);
  }
}
