/** The page's `localStorage`, or null where touching it throws (storage disabled, an opaque origin). */
export function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
