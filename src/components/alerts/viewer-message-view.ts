import { html, type TemplateResult } from 'lit';
import type { ViewerMessage } from '../../domain/stream-event.js';

/**
 * A viewer's message as template values: text as text nodes, Twitch emotes as images (never
 * HTML from the viewer). Cheermotes are already out of the message (the alert states the bits).
 */
export function viewerMessage(message: ViewerMessage): TemplateResult[] {
  return message.parts.map((part) => {
    if (part.type === 'emote') return html`<img part="emote" class="emote" src=${part.url} srcset=${part.srcset ?? ''} alt=${part.code} title=${part.code} />`;
    return html`${part.text}`;
  });
}
