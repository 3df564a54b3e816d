import { imageUrl } from '../core/safe-values.js';

/** A reward's image set as Helix and PubSub send it (§3.5, §2). */
export interface RewardImagesWire {
  url_1x: string;
  url_2x: string;
  url_4x: string;
}

export interface RewardImage {
  readonly url1x: string;
  readonly url2x: string;
  readonly url4x: string;
}

/** The image set with every URL checked (`imageUrl`); null when any is missing or unusable. */
export function rewardImage(wire: RewardImagesWire | null | undefined): RewardImage | null {
  const [url1x, url2x, url4x] = [wire?.url_1x, wire?.url_2x, wire?.url_4x].map(imageUrl);
  return url1x && url2x && url4x ? { url1x, url2x, url4x } : null;
}
