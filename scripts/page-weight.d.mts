export declare const CHAT_PAGE_WEIGHT_BEFORE: number;
export declare const CHAT_PAGE_WEIGHT_LIMIT: number;
export declare const LABEL_PAGE_WEIGHT_LIMIT: number;
/** What one page of the built site loads, gzip. */
export interface PageWeight {
  /** Gzip bytes the page loads up front: its HTML and what its entry imports statically. */
  readonly initial: number;
  /** Each file of those and its gzip bytes. */
  readonly upFront: readonly { file: string; bytes: number }[];
  /** Each chunk it loads on demand: its entry module (under src/), its file and gzip bytes. */
  readonly lazy: readonly { name: string; file: string; bytes: number }[];
  /**
   * The modules in the files it loads up front (under src/, as `lazy` names them), largest first,
   * each with the gzip bytes of its code alone before minifying: a module's share of its file is
   * less, so they add up to more than `initial`.
   */
  readonly modules: readonly { name: string; bytes: number }[];
}
export interface SiteBuild {
  /** The temporary folder holding the build; the caller removes it. */
  readonly outDir: string;
  /** Every page by name (`index`, `auth`, each overlay's folder name). */
  readonly pages: Readonly<Record<string, PageWeight>>;
}
export declare function buildSite(): Promise<SiteBuild>;
