/** How long an image URL that failed to load is left alone before new lines ask for it again. */
const RETRY_FAILED_MS = 60_000;
/** Distinct images kept as templates; past this the set starts over (7TV channels have ~1,000 emotes). */
const LIMIT = 4096;
/** Images kept from lines that left, for lines to come: about the images of 50 lines. */
const SPARE = 200;

/**
 * The URL a `srcset` of density candidates, lowest first (`a.png 1x, b.png 2x`, as Twitch, the
 * emote services and our badge lookup give them), resolves to on this screen: the first that
 * covers `devicePixelRatio`, else the last; `fallback` when there are none. Chosen once per image,
 * since an `<img srcset>` makes the browser parse and choose again for every copy: at 5,000
 * msg/s that was the costliest step of a chat line (issue 15).
 */
export function pickSource(srcset: string | undefined, fallback: string, density = globalThis.devicePixelRatio || 1): string {
  const candidates = (srcset ?? '')
    .split(',')
    .map((entry) => entry.trim().split(/\s+/))
    .filter(([url, descriptor = '1x']) => url && /^\d+(\.\d+)?x$/.test(descriptor))
    .map(([url, descriptor = '1x']) => ({ url: url!, x: parseFloat(descriptor) }));
  return (candidates.find((c) => c.x >= density) ?? candidates[candidates.length - 1])?.url ?? fallback;
}

/**
 * One template `<img>` per image (emote or badge), cloned for every use. Building an image
 * with its attributes is the costliest step of a chat line, and cloning is cheaper. The
 * template also keeps the loaded image alive, so every clone is drawn from the page's memory
 * cache: image requests do not grow with the chat rate. An image that failed to load is not
 * requested again by each new line: for a minute its clones carry no source, so they show
 * their `alt` text (the emote's code), then it is tried again. Cheaper still than a copy is
 * an image taken from a line that left the screen: `recycle()` keeps those for reuse.
 */
export class ImageTemplates {
  private readonly templates = new Map<string, HTMLImageElement>();
  private readonly spare = new Map<string, HTMLImageElement[]>();
  private spareCount = 0;
  private readonly keys = new WeakMap<Element, string>();

  /**
   * A copy of the image `key` names; `make` builds it the first time (and again after a
   * failure has been left alone long enough). `key` must name every attribute `make` sets.
   */
  clone(key: string, make: () => HTMLImageElement): HTMLImageElement {
    const reused = this.spare.get(key)?.pop();
    if (reused) {
      this.spareCount -= 1;
      return reused;
    }
    const copy = (this.templates.get(key) ?? this.add(key, make())).cloneNode(false) as HTMLImageElement;
    this.keys.set(copy, key);
    return copy;
  }

  /** Keeps the images of a line that left the screen for the next lines that show them. */
  recycle(line: Element): void {
    for (const img of line.getElementsByTagName('img')) {
      const key = this.keys.get(img);
      if (key === undefined || this.spareCount >= SPARE) continue;
      const list = this.spare.get(key);
      if (list) list.push(img);
      else this.spare.set(key, [img]);
      this.spareCount += 1;
    }
  }

  private add(key: string, img: HTMLImageElement): HTMLImageElement {
    if (this.templates.size >= LIMIT) {
      this.templates.clear();
      this.spare.clear();
      this.spareCount = 0;
    }
    img.addEventListener(
      'error',
      () => {
        // Copies without a source ask for nothing and show their alt text; in a while the image is
        // tried again. (Kept copies of it ask for nothing either: moving an image loads nothing.)
        const quiet = img.cloneNode(false) as HTMLImageElement;
        quiet.removeAttribute('src');
        this.templates.set(key, quiet);
        setTimeout(() => this.templates.get(key) === quiet && this.templates.delete(key), RETRY_FAILED_MS);
      },
      { once: true },
    );
    this.templates.set(key, img);
    return img;
  }
}
