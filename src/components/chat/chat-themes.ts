/**
 * Named looks for `<ovl-chat>` (`theme=boxed|bubbles|high-contrast`; `clean` is the element's
 * own). Each is CSS over the element's custom properties and parts, in one document-level
 * stylesheet this module adds once, loaded only when a theme is chosen. Every rule sits in
 * `:where()`, so it weighs nothing: any Custom CSS rule for `ovl-chat` or `ovl-chat::part(…)`
 * in OBS wins over it. Sizes go through the custom properties (padding, gap, font size) rather
 * than the parts, so the element's one-row probe line measures what a themed line is.
 */
export const CHAT_THEMES = ['clean', 'boxed', 'bubbles', 'high-contrast'] as const;
export type ChatTheme = (typeof CHAT_THEMES)[number];

const THEME_CSS = `
:where(ovl-chat[data-theme='boxed']) {
  --ovl-chat-line-background: rgba(12, 12, 16, 0.62);
  --ovl-chat-line-padding: 6px 10px;
  --ovl-chat-line-radius: 6px;
  --ovl-chat-line-gap: 6px;
  --ovl-chat-text-shadow: none;
}
:where(ovl-chat[data-theme='bubbles']) {
  --ovl-chat-line-background: rgba(24, 24, 27, 0.88);
  --ovl-chat-line-padding: 6px 14px;
  --ovl-chat-line-radius: 1.1em;
  --ovl-chat-line-gap: 8px;
  --ovl-chat-text-shadow: none;
}
:where(ovl-chat[data-theme='bubbles'])::part(line) {
  align-self: var(--_bubble-side, flex-start);
  max-width: 100%;
  box-sizing: border-box;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.35);
}
:where(ovl-chat[data-theme='bubbles'][data-align='right']) {
  --_bubble-side: flex-end;
}
:where(ovl-chat[data-theme='bubbles'][data-align='center']) {
  --_bubble-side: center;
}
:where(ovl-chat[data-theme='high-contrast']) {
  --ovl-chat-font-size: 28px;
  --ovl-chat-font-weight: 700;
  --ovl-chat-name-weight: 900;
  --ovl-chat-text-color: #ffffff;
  --ovl-chat-outline-width: 3px;
  --ovl-chat-outline-color: #000000;
  --ovl-chat-text-shadow: 0 2px 4px #000000;
  --ovl-chat-line-background: rgba(0, 0, 0, 0.8);
  --ovl-chat-line-gap: 6px;
}
`;

const STYLE_ID = 'ovl-chat-themes';

/** Gives `element` the named look; the stylesheet is added to its document on first use. */
export function applyChatTheme(element: HTMLElement, theme: ChatTheme): void {
  const doc = element.ownerDocument;
  if (theme !== 'clean' && !doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = THEME_CSS;
    doc.head.append(style);
  }
  element.dataset.theme = theme;
}
