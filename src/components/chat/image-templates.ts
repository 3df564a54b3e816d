/** How long an image URL that failed to load is left alone before new lines ask for it again. */
const RETRY_FAILED_MS = 60_000;
/** Distinct images kept as templates; past this the set starts over (7TV channels have ~1,000 emotes). */
const LIMIT = 4096;

interface Template {
  img: HTMLImageElement;
  failedAt: number | null;
}

/**
 * The URL a `srcset` of density candidates (`a.png 1x, b.png 2x`, as Twitch and the emote
 * services give them) resolves to on this screen: the smallest density that covers
 * `devicePixelRatio`, else the largest; `fallback` when there are none. Chosen once per image,
 * since an `<img srcset>` makes the browser parse and choose again for every copy: at 5,000
 * msg/s that was the costliest step of a chat line (issue 15).
 */
export function pickSource(srcset: string | undefined, fallback: string, density = globalThis.devicePixelRatio || 1): string {
  const candidates = (srcset ?? '')
    .split(',')
    .map((entry) => entry.trim().split(/\s+/))
    .filter(([url, descriptor = '1x']) => url && /^\d+(\.\d+)?x$/.test(descriptor))
    .map(([url, descriptor = '1x']) => ({ url: url!, x: parseFloat(descriptor) }))
    .sort((a, b) => a.x - b.x);
  return (candidates.find((c) => c.x >= density) ?? candidates[candidates.length - 1])?.url ?? fallback;
}

/**
 * One template `<img>` per image (emote or badge), cloned for every use. Building an image
 * with its attributes is the costliest step of a chat line, and cloning is cheaper. The
 * template also keeps the loaded image alive, so every clone is drawn from the page's memory
 * cache: image requests do not grow with the chat rate. An image that failed to load is not
 * requested again by each new line: for a minute its clones carry no source, so they show
 * their `alt` text (the emote's code), then it is tried again.
 */
export class ImageTemplates {
  private readonly templates = new Map<string, Template>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * A copy of the image `key` names; `make` builds it the first time (and again after a
   * failure has been left alone long enough). `key` must name every attribute `make` sets.
   */
  clone(key: string, make: () => HTMLImageElement): HTMLImageElement {
    let template = this.templates.get(key);
    if (template?.failedAt != null && this.now() - template.failedAt > RETRY_FAILED_MS) template = undefined;
    if (!template) template = this.add(key, make());
    return template.img.cloneNode(false) as HTMLImageElement;
  }

  private add(key: string, img: HTMLImageElement): Template {
    if (this.templates.size >= LIMIT) this.templates.clear();
    const template: Template = { img, failedAt: null };
    img.addEventListener(
      'error',
      () => {
        const quiet = img.cloneNode(false) as HTMLImageElement;
        quiet.removeAttribute('src');
        template.img = quiet;
        template.failedAt = this.now();
      },
      { once: true },
    );
    this.templates.set(key, template);
    return template;
  }
}
