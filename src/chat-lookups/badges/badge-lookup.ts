export interface BadgeImage {
  readonly url: string;
  readonly srcset: string;
  /** Shown as the image's alt and title, e.g. "Moderator". */
  readonly title: string;
}

/** Finds the image for an IRC badge (`set/version`). Channel badges override global ones. */
export interface BadgeLookup {
  find(set: string, version: string, channelId: string): BadgeImage | undefined;
}
