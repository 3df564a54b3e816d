import type { UserBadge } from '../../chat-lookups/cosmetics/user-cosmetics-provider.js';

/**
 * A third-party badge as the chat draws Twitch's: `<img part="badge">`, with
 * `data-badge="<provider>-<id>"` (e.g. `ffz-2` for FFZ's bot badge) for Custom CSS. The title
 * goes in as attribute values, never markup; the background colour (FFZ) was checked as hex.
 * With `src` (one URL already chosen from the srcset) the image carries no srcset: the chat
 * clones badge images many times, and a srcset would be parsed again for every copy.
 */
export function userBadgeElement(badge: UserBadge, src?: string): HTMLImageElement {
  const img = document.createElement('img');
  img.className = 'badge';
  img.setAttribute('part', 'badge');
  img.dataset.badge = `${badge.provider}-${badge.id}`;
  img.alt = badge.title;
  img.title = badge.title;
  if (badge.backgroundColor) img.style.backgroundColor = badge.backgroundColor;
  if (src === undefined) img.srcset = badge.srcset;
  img.src = src ?? badge.url;
  return img;
}
