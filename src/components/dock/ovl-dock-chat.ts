import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ChatMessage } from '../../sources/tmi/chat-events.js';
import type { ChatFilters } from '../../sources/control/control-protocol.js';
import { sendCommand } from './dock-command.js';
import { dockSectionStyles } from './dock-styles.js';

/** The lines the section keeps, as the issue asks: enough to catch the line to take off. */
export const DOCK_CHAT_LINES = 50;

/**
 * The dock's On-stream chat: the last 50 lines as the chat overlays show them (their filters, and
 * no line of a chatter hidden here), each with Remove from overlay and Hide this user. Neither
 * touches Twitch, and the section says so. Text only, never HTML.
 *
 * @fires ovl-dock-command - `chat-remove` with the line's id, `chat-hide-user` with its chatter.
 * @csspart line - One chat line; `data-id` is its message id.
 * @csspart message - The line's text.
 */
@customElement('ovl-dock-chat')
export class OvlDockChat extends LitElement {
  static override styles = dockSectionStyles;

  /** The chat overlays' filters (from their presence), so the lines listed are the ones on stream. */
  @property({ attribute: false }) filters: ChatFilters | null = null;
  /** Chatters hidden (by id) until the stream ends. */
  @property({ attribute: false }) hiddenUsers: ReadonlySet<string> = new Set();
  @state() private lines: readonly ChatMessage[] = [];

  add(line: ChatMessage): void {
    this.lines = [...this.lines, line].slice(-DOCK_CHAT_LINES);
  }

  /** Takes a line off (a moderator deleted it, or the streamer removed it here). */
  removeLine(id: string): void {
    this.lines = this.lines.filter((line) => line.id !== id);
  }

  /** Takes a chatter's lines off (banned or timed out on Twitch). */
  removeUser(userId: string): void {
    this.lines = this.lines.filter((line) => line.user.id !== userId);
  }

  private onStream(line: ChatMessage): boolean {
    if (this.hiddenUsers.has(line.user.id)) return false;
    const filters = this.filters;
    if (!filters) return true;
    if (filters.hideCommands && line.text.startsWith('!')) return false;
    return !filters.hideBots.some((bot) => bot.toLowerCase() === line.user.login);
  }

  private removeFromOverlay(line: ChatMessage): void {
    this.removeLine(line.id);
    sendCommand(this, { kind: 'chat-remove', messageId: line.id });
  }

  private hideChatter(line: ChatMessage): void {
    this.removeUser(line.user.id);
    sendCommand(this, { kind: 'chat-hide-user', userId: line.user.id, login: line.user.login });
  }

  protected override render() {
    const shown = this.lines.filter((line) => this.onStream(line)).reverse();
    return html`<section aria-labelledby="chat-title">
      <h2 id="chat-title">On-stream chat</h2>
      <p class="muted">Takes lines off the chat overlays only: Twitch chat keeps them, and nobody is banned or timed out.</p>
      <ul>
        ${shown.map(
          (line) =>
            html`<li part="line" class="row" data-id=${line.id}>
              <span class="grow"><strong>${line.user.displayName}</strong>: <span part="message">${line.text}</span></span>
              <span class="buttons">
                <button @click=${() => this.removeFromOverlay(line)}>Remove from overlay</button>
                <button @click=${() => this.hideChatter(line)}>Hide this user</button>
              </span>
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-dock-chat': OvlDockChat;
  }
}
