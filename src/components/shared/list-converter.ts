/** A list attribute (`hide-bots="nightbot, streamelements"`) as the property's array of trimmed items. */
export const listConverter = {
  fromAttribute: (value: string | null) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  toAttribute: (value: readonly string[]) => value.join(','),
};
