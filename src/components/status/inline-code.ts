import { html, type TemplateResult } from 'lit';

/**
 * Text written with Markdown-style `code` spans (schema docs, setup messages), as Lit template
 * values: each backtick-quoted part becomes a `<code>` element, everything else stays a text
 * node, so nothing in `text` is ever parsed as HTML. A lone backtick is kept as written.
 */
export function inlineCode(text: string): (string | TemplateResult)[] {
  const parts = text.split('`');
  // An odd number of backticks leaves the last one unpaired: it is text, not the start of code.
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2)}\`${parts.at(-1)}`);
  return parts.map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part));
}

/**
 * The registry's documentation (parameter docs and builder notes, our own text, never a
 * viewer's or a URL's): `code` spans as `inlineCode` makes them, and Markdown's autolinks,
 * `<https://…>`, as links that open in a new tab, e.g. to a service whose terms ask for one.
 */
export function docText(text: string): (string | TemplateResult)[] {
  return text
    .split(/<(https:\/\/[^\s<>]+)>/)
    .flatMap((part, index) => (index % 2 === 1 ? [html`<a href=${part} target="_blank" rel="noopener noreferrer">${part}</a>`] : inlineCode(part)));
}
