import { css } from 'lit';

/**
 * Styles of the rarer line kinds (announcement colours, highlighted, first-time, power-ups,
 * big emotes) and of the optional markers (channel, Shared Chat source, pronouns, cheermotes).
 * `<ovl-chat>` adopts them from this chunk once it has rendered, so they stay out of the chat
 * page's up-front size; none of them changes the one-row probe line the element measures.
 */
export const kindStyles = css`
  :host {
    --_highlight-background: var(--ovl-chat-highlight-background, rgba(117, 94, 188, 0.5));
    --_first-accent: var(--ovl-chat-first-accent, #00c7ac);
  }

  .line.notice[data-color='blue'] {
    --_from: 0, 214, 214;
    --_to: 145, 70, 255;
  }

  .line.notice[data-color='green'] {
    --_from: 0, 219, 132;
    --_to: 87, 190, 230;
  }

  .line.notice[data-color='orange'] {
    --_from: 255, 179, 26;
    --_to: 224, 224, 0;
  }

  .line.notice[data-color='purple'] {
    --_from: 145, 70, 255;
    --_to: 255, 117, 230;
  }

  .line.notice[data-color]:not([data-color='primary']) {
    border-left-color: rgb(var(--_from));
    background: linear-gradient(90deg, rgba(var(--_from), 0.35), rgba(var(--_to), 0.35));
  }

  .line.highlighted {
    background: var(--_highlight-background);
  }

  .line.first {
    border-left: 4px solid var(--_first-accent);
  }

  .line.animated {
    background: linear-gradient(90deg, rgba(255, 117, 230, 0.35), rgba(145, 70, 255, 0.35), rgba(0, 214, 214, 0.35));
  }

  .line.gigantified .message > .emote:last-of-type {
    height: calc(var(--_emote-size) * 3);
    margin: 0;
  }

  .line.emote-only .emote {
    height: calc(var(--_emote-size) * 2);
    margin: 0;
  }

  .cheermote {
    height: var(--_emote-size);
    vertical-align: middle;
    margin: -0.3em 0.1em -0.3em 0;
  }

  .channel {
    margin-right: 0.35em;
    font-size: 0.75em;
    font-weight: 600;
    opacity: 0.75;
  }

  .source {
    display: inline-flex;
    align-items: center;
    gap: 0.2em;
    margin-right: 0.35em;
  }

  .source,
  .pronouns {
    padding: 0 0.3em;
    border-radius: 0.25em;
    font-size: 0.75em;
    vertical-align: middle;
    background: rgba(255, 255, 255, 0.15);
    unicode-bidi: isolate;
  }

  .source-avatar {
    height: 1.2em;
    border-radius: 50%;
  }

  .pronouns {
    margin-left: 0.35em;
    font-weight: 600;
  }
`;
