import type { UserBadge } from './user-cosmetics-provider.js';

/**
 * A third-party badge as the chat draws Twitch's: `<img part="badge">`, with
 * `data-badge="<provider>-<id>"` (e.g. `ffz-2` for FFZ's bot badge) for Custom CSS. The title
 * goes in as attribute values, never markup; the background colour (FFZ) was checked as hex.
 */
export function userBadgeElement(badge: UserBadge): HTMLImageElement {
  const img = document.createElement('img');
  img.className = 'badge';
  img.setAttribute('part', 'badge');
  img.dataset.badge = `${badge.provider}-${badge.id}`;
  img.alt = badge.title;
  img.title = badge.title;
  if (badge.backgroundColor) img.style.backgroundColor = badge.backgroundColor;
  img.srcset = badge.srcset;
  img.src = badge.url;
  return img;
}
