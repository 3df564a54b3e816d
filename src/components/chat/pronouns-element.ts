/** The label drawn next to a name: `<span part="pronouns">`, its text set as text, never markup. */
export function pronounsElement(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'pronouns';
  span.setAttribute('part', 'pronouns');
  span.textContent = text;
  return span;
}
