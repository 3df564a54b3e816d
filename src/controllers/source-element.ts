import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { SourceListeners } from './source-listeners.js';

/**
 * A Lit element shown from a source: a `source` property bound the moment it is set (not at
 * the next update, which for a frame-batched element is a frame later), with the element's
 * listeners added while it is connected and removed together (see SourceListeners).
 * Subclasses say which events they listen to in `listen()`.
 */
export abstract class SourceElement<Feed extends EventTarget> extends LitElement {
  private feed?: Feed;
  private readonly listeners = new SourceListeners<Feed>(this, (feed, signal) => this.listen(feed, signal));

  /** The source to show. The page that made it starts and stops it; the element only listens. */
  @property({ attribute: false })
  get source(): Feed | undefined {
    return this.feed;
  }
  set source(feed: Feed | undefined) {
    const old = this.feed;
    this.feed = feed;
    this.listeners.setSource(feed);
    this.requestUpdate('source', old);
  }

  /** Adds this element's listeners to `feed`, each with `{ signal }`. */
  protected abstract listen(feed: Feed, signal: AbortSignal): void;
}
