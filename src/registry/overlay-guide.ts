import type { ParamDocs, Schema } from '../config/schema.js';
import type { OverlayEntry } from './overlay-entry.js';

/**
 * A Test button of the URL builder: it calls `method(arg)` on the overlay's `element` in the
 * preview, e.g. `playTestAlert('follow')` on `ovl-alerts`.
 */
export interface PreviewTest {
  /** Tag name of the overlay's element. */
  readonly element: string;
  readonly method: string;
  readonly arg: string;
}

/** Fields the URL builder shows together in one collapsible section. */
export interface FieldGroup {
  /** The section's heading, e.g. "Follows". */
  readonly title: string;
  /** Schema keys of its fields, in order. */
  readonly keys: readonly string[];
  /** What its Test button plays in the preview; none: no button. */
  readonly test?: PreviewTest;
}

/** Where an overlay goes in OBS and at what size: numbers, so a dragged link can carry them. */
export interface ObsPlacement {
  /** The Browser Source's width and height in pixels: the setup page's preview, and `layer-width`/`layer-height` of the link dragged into OBS. */
  readonly width: number;
  readonly height: number;
  /** Anything else to set in OBS, as a sentence; the size is said from the numbers. */
  readonly advice?: string;
  /** A control page for a browser tab or a Custom Browser Dock (the studio), not a Browser Source: no link to drag into OBS. */
  readonly dock?: boolean;
}

/**
 * What only people read about one overlay: the demo page, its URL builder and the README. Kept
 * apart from its `OverlayEntry` so the overlay's own page, which imports the entry, never
 * carries this text.
 */
export interface OverlayGuide<S extends Schema = Schema> {
  /** One line saying what it shows. */
  readonly about: string;
  /** How to add it in OBS: its size, and what else to set. */
  readonly obs: ObsPlacement;
  /** What each URL parameter does: beside its field in the URL builder, and in the README table. */
  readonly paramDocs: ParamDocs<S>;
  /** Advice shown next to a field in the URL builder, by schema key. */
  readonly fieldNotes?: Readonly<Partial<Record<keyof S & string, string>>>;
  /** Sections of the URL builder, after a "General" one holding the fields in none; absent: one flat form. */
  readonly fieldGroups?: readonly FieldGroup[];
}

/** An overlay with its guide: what the demo page, the README generator and the tests list. */
export type GuidedOverlay<S extends Schema = Schema> = OverlayEntry<S> & OverlayGuide<S>;

/** Pairs an entry with its guide; both must describe the same schema. */
export function withGuide<S extends Schema>(entry: OverlayEntry<S>, guide: OverlayGuide<S>): GuidedOverlay<S> {
  return { ...entry, ...guide };
}
