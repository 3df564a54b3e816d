import { css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import type { HeatClick } from '../../sources/heat/heat-click.js';
import { SourceElement } from '../../controllers/source-element.js';
import { fire } from '../../core/element-events.js';
import { HeatGrid } from './heat-grid.js';
import { paletteTable, type PaletteName } from './palette.js';
import { IDENTITY, calibrate, type Calibration } from './calibration.js';
import { RegionVotes } from './region-votes.js';

export type HeatFeed = TypedEventTarget<{ click: HeatClick }>;

/** Below this (as a share of full intensity) the map counts as empty and drawing stops. */
const VISIBLE = 0.004;

/**
 * Where viewers click, as a heatmap that fades with a half-life. Clicks go into a coarse grid
 * (`cell-size` px), colourised into a canvas of one pixel per cell that CSS scales up, so a
 * redraw costs the same for ten clicks or a million, and the upscaling happens at composite
 * time (on the GPU in OBS) instead of on the main thread. Draws at most once per animation frame,
 * only while something is visible, and not at all while OBS hides the source.
 *
 * @fires ovl-heat-votes - with `region-columns`/`region-rows` set: `{ columns, rows, counts }` after each counted vote. Not bubbling.
 * @csspart canvas - The heatmap.
 * @csspart marker - A click ripple.
 * @cssprop --ovl-heat-marker-color - Colour of a click ripple.
 * @cssprop --ovl-heat-marker-size - Size of a click ripple.
 */
@customElement('ovl-heatmap')
export class OvlHeatmap extends SourceElement<HeatFeed> {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      height: 100%;
      overflow: hidden;
      pointer-events: none;
    }
    /* The canvas holds one pixel per grid cell; CSS scales it up (bilinear) at composite time. */
    canvas {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      image-rendering: auto;
    }
    .marker {
      position: absolute;
      width: var(--ovl-heat-marker-size, 48px);
      height: var(--ovl-heat-marker-size, 48px);
      margin: calc(var(--ovl-heat-marker-size, 48px) / -2) 0 0 calc(var(--ovl-heat-marker-size, 48px) / -2);
      border: 3px solid var(--ovl-heat-marker-color, #fff);
      border-radius: 50%;
      box-sizing: border-box;
      animation: ovl-ripple 700ms ease-out forwards;
    }
    @keyframes ovl-ripple {
      from {
        transform: scale(0.2);
        opacity: 1;
      }
      to {
        transform: scale(1);
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .marker {
        animation-duration: 1ms;
      }
    }
  `;

  /** Seconds for a click's heat to halve. */
  @property({ type: Number, attribute: 'half-life' }) halfLife = 10;
  /** Radius of one click, px. */
  @property({ type: Number }) radius = 40;
  /** Grid cell size, px: smaller is finer and costlier. */
  @property({ type: Number, attribute: 'cell-size' }) cellSize = 8;
  @property({ type: Number }) opacity = 0.75;
  @property() palette: PaletteName = 'classic';
  /** Intensity drawn as the hottest colour (1 = one click's centre); 0 follows the current maximum, at least 1. */
  @property({ type: Number, attribute: 'max-intensity' }) maxIntensity = 0;
  /** Also show a ripple where each click lands. */
  @property({ type: Boolean }) markers = false;
  @property({ attribute: false }) calibration: Calibration = IDENTITY;
  /** Zone voting: split into columns × rows (0 = off), one vote per user per zone per window. */
  @property({ type: Number, attribute: 'region-columns' }) regionColumns = 0;
  @property({ type: Number, attribute: 'region-rows' }) regionRows = 0;
  @property({ type: Number, attribute: 'region-window' }) regionWindow = 30;
  /** While true (OBS hides the source) nothing is drawn; heat keeps fading. */
  @property({ type: Boolean }) paused = false;

  @query('canvas') private canvas!: HTMLCanvasElement;

  private grid: HeatGrid | null = null;
  private table = paletteTable('classic', 0.75);
  private image: ImageData | null = null;
  /** The element size the grid was built for. */
  private builtFor = '';
  private frame = 0;
  private lastDecay = performance.now();
  private votes: RegionVotes | null = null;
  private resize: ResizeObserver | null = null;
  /** Redraws done, for tests and the benchmark. */
  draws = 0;
  protected listen(feed: HeatFeed, signal: AbortSignal): void {
    feed.addEventListener('click', (e) => this.addClick(e.detail), { signal });
  }

  /** Adds a click at Heat's player coordinates (0..1); public so pages can feed clicks themselves. */
  addClick(click: Pick<HeatClick, 'x' | 'y' | 'userId'>): void {
    const { x, y } = calibrate(click.x, click.y, this.calibration);
    if (x < 0 || x > 1 || y < 0 || y > 1) return; // outside the area this overlay covers
    this.ensureGrid();
    this.age();
    this.grid?.add(x, y);
    if (this.votes) {
      const zone = this.votes.vote(click.userId, x, y);
      if (zone >= 0) fire(this, 'ovl-heat-votes', { columns: this.votes.columns, rows: this.votes.rows, counts: this.votes.tally() });
    }
    if (this.markers && !this.paused) this.ripple(x, y);
    this.schedule();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A ResizeObserver reports once on observe; only a real change of size rebuilds the grid.
    this.resize = new ResizeObserver(() => {
      const { width, height } = this.getBoundingClientRect();
      if (`${Math.round(width)}x${Math.round(height)}` === this.builtFor) return;
      this.grid = null;
      this.schedule();
    });
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('palette') || changed.has('opacity')) this.table = paletteTable(this.palette, this.opacity);
    if (changed.has('radius') || changed.has('cellSize')) this.grid = null;
    if (changed.has('regionColumns') || changed.has('regionRows') || changed.has('regionWindow')) {
      this.votes = this.regionColumns > 0 && this.regionRows > 0 ? new RegionVotes(this.regionColumns, this.regionRows, this.regionWindow * 1000) : null;
    }
    if (changed.has('paused') && !this.paused) this.schedule();
  }

  protected override render() {
    return html`<canvas part="canvas"></canvas>`;
  }

  /** (Re)builds the grid for the current size; heat already there is dropped on a resize. */
  private ensureGrid(): void {
    if (this.grid || !this.canvas) return;
    const { width, height } = this.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    const columns = Math.max(1, Math.ceil(width / this.cellSize));
    const rows = Math.max(1, Math.ceil(height / this.cellSize));
    this.grid = new HeatGrid(columns, rows, this.radius / this.cellSize);
    this.image = new ImageData(columns, rows);
    this.canvas.width = columns;
    this.canvas.height = rows;
    this.builtFor = `${Math.round(width)}x${Math.round(height)}`;
  }

  private age(): void {
    const now = performance.now();
    this.grid?.decay(0.5 ** ((now - this.lastDecay) / 1000 / Math.max(0.1, this.halfLife)));
    this.lastDecay = now;
  }

  private schedule(): void {
    if (this.frame || this.paused || !this.isConnected) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.redraw();
    });
  }

  /** Draws now. Normally the element does this once per animation frame by itself. */
  redraw(): void {
    this.ensureGrid();
    const grid = this.grid;
    const ctx = this.canvas?.getContext('2d');
    if (!grid || !ctx || !this.image) return;
    this.age();
    // Auto scale follows the hottest spot, but never below one click's peak, so heat visibly fades.
    const top = this.maxIntensity > 0 ? this.maxIntensity : Math.max(grid.max, 1);
    const empty = grid.max / top < VISIBLE;
    const pixels = this.image.data;
    const scale = (grid.readScale / top) * 255;
    const values = grid.values;
    for (let i = 0; i < values.length; i++) {
      const level = Math.min(255, (values[i]! * scale) | 0) * 4;
      pixels[i * 4] = this.table[level]!;
      pixels[i * 4 + 1] = this.table[level + 1]!;
      pixels[i * 4 + 2] = this.table[level + 2]!;
      pixels[i * 4 + 3] = this.table[level + 3]!;
    }
    ctx.putImageData(this.image, 0, 0);
    this.draws += 1;
    // Fading is a change too: keep drawing until the map is empty.
    if (!empty) this.schedule();
    else grid.clear();
  }

  private ripple(x: number, y: number): void {
    const marker = document.createElement('div');
    marker.className = 'marker';
    marker.setAttribute('part', 'marker');
    marker.style.left = `${x * 100}%`;
    marker.style.top = `${y * 100}%`;
    marker.addEventListener('animationend', () => marker.remove(), { once: true });
    this.renderRoot.append(marker);
  }
}

/** `ovl-heat-votes`: votes per region in the window, row by row. */
export interface HeatVotes {
  readonly columns: number;
  readonly rows: number;
  readonly counts: readonly number[];
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-heatmap': OvlHeatmap;
  }
  interface HTMLElementEventMap {
    'ovl-heat-votes': CustomEvent<HeatVotes>;
  }
}
