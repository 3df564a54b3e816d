import type { ChatUser } from '../../sources/tmi/chat-events.js';
import type { CheerPart } from '../../domain/message-parts.js';
import type { ImageTemplates } from './image-templates.js';

/**
 * What optional services add to a line (third-party badges, a 7TV name paint, pronouns,
 * cheermote images), as hooks the line builder calls. The hooks answer synchronously from what
 * is already loaded, so a line is still built in one go; `notice` starts the lookups for a
 * chatter when their line is queued, and a line built before they answered is completed once.
 * The implementation (lookup-decorations.ts, wired in src/overlays/chat-providers.ts) is loaded
 * on demand; the chat page itself only carries these calls. Every hook adds text as text and
 * images through `images`.
 */
export interface ChatDecorations {
  /** Appends the chatter's third-party badges after Twitch's. */
  badges?(box: HTMLElement, user: ChatUser, images: ImageTemplates): void;
  /** Styles the name element (a 7TV paint); style properties only. */
  name?(name: HTMLElement, user: ChatUser): void;
  /** Appends what follows the name (pronouns). */
  afterName?(box: HTMLElement, user: ChatUser): void;
  /** The cheer drawn with its cheermote, or undefined to keep it text. */
  cheer?(part: CheerPart, channelId: string, images: ImageTemplates): HTMLElement | undefined;
  /** Fills the marker of a Shared Chat line with its source channel's name (and avatar); false when not known. */
  source?(marker: HTMLElement, channelId: string, images: ImageTemplates): boolean;
  /**
   * Starts the lookups for a chatter whose line was just queued; resolves when they answered
   * (lines built meanwhile are then decorated). Cheap for one already known. Never rejects.
   */
  notice?(user: ChatUser): Promise<void> | void;
}
