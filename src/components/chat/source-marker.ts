import type { ChannelProfile } from '../../chat-lookups/channel-profiles.js';
import type { ImageTemplates } from './image-templates.js';

/** Fills a Shared Chat marker: the source channel's avatar (if any) and name, as text. */
export function fillSourceMarker(marker: HTMLElement, profile: ChannelProfile | undefined, images: ImageTemplates): boolean {
  if (!profile) return false;
  if (profile.avatarUrl) {
    const url = profile.avatarUrl;
    marker.append(
      images.clone(`source-avatar\n${url}`, () => {
        const img = document.createElement('img');
        img.className = 'source-avatar';
        img.setAttribute('part', 'source-avatar');
        img.alt = '';
        img.src = url;
        return img;
      }),
    );
  }
  marker.append(profile.displayName);
  marker.title = profile.displayName;
  return true;
}
