import type { ChatLookups } from '../../chat-lookups/chat-lookups.js';
import type { ChatDecorations } from './chat-decorations.js';
import { pickSource } from './image-templates.js';
import { userBadgeElement } from './user-badge-element.js';
import { applyPaint } from './apply-paint.js';
import { pronounsElement } from './pronouns-element.js';
import { cheermoteElement } from './cheermote-element.js';
import { fillSourceMarker } from './source-marker.js';

/**
 * The chat's decorations drawn from the lookups: third-party badges, a 7TV paint and pronouns
 * around the name, cheermote images, and the name and avatar on Shared Chat markers. Images go
 * through the line's templates; names, titles and pronouns go in as text.
 */
export function lookupDecorations({ chatters, cheermotes, profiles }: Pick<ChatLookups, 'chatters' | 'cheermotes' | 'profiles'>): ChatDecorations {
  return {
    ...(chatters && {
      badges(box, user, images) {
        for (const badge of chatters.badges(user)) {
          const key = `user-badge\n${badge.provider}-${badge.id}\n${badge.title}\n${badge.backgroundColor ?? ''}\n${badge.url}`;
          box.append(images.clone(key, () => userBadgeElement(badge, pickSource(badge.srcset, badge.url))));
        }
      },
      name(name, user) {
        const paint = chatters.paint(user);
        if (paint) applyPaint(name, paint);
      },
      afterName(box, user) {
        const text = chatters.pronouns(user);
        if (text) box.append(pronounsElement(text));
      },
      notice: (user) => chatters.loadChatter(user),
    }),
    cheer(part, channelId, images) {
      const found = cheermotes?.find(part, channelId);
      return found && cheermoteElement(part, found, images);
    },
    source: (marker, channelId, images) => fillSourceMarker(marker, profiles.get(channelId), images),
  };
}
