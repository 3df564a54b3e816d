/**
 * Copies the config values named by `keys` onto the element's properties of the same name (a
 * schema's camelCase keys are the element's property names). A key the element lacks, or a
 * value its property cannot take, does not compile: such a value is converted by hand instead.
 */
export function assignConfig<E extends object, K extends keyof E & string>(element: E, config: NoInfer<Pick<E, K>>, keys: readonly K[]): void {
  for (const key of keys) element[key] = config[key];
}
