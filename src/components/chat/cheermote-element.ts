import type { CheermoteImage } from '../../chat-lookups/cheermotes.js';
import type { CheerPart } from '../../domain/message-parts.js';
import { pickSource, type ImageTemplates } from './image-templates.js';

/** A cheer drawn as Twitch draws it: the tier's image, then the amount in the tier's colour. */
export function cheermoteElement(part: CheerPart, found: CheermoteImage, images: ImageTemplates): HTMLElement {
  const box = document.createElement('span');
  box.className = 'cheer';
  box.setAttribute('part', 'cheer');
  const img = images.clone(`cheermote\n${part.text}\n${found.url}`, () => {
    const image = document.createElement('img');
    image.className = 'cheermote';
    image.setAttribute('part', 'cheermote');
    image.alt = part.text;
    image.title = part.text;
    image.src = pickSource(found.srcset, found.url);
    return image;
  });
  box.append(img, String(part.amount));
  if (found.color) box.style.color = found.color;
  return box;
}
