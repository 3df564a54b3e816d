export declare const CHAT_PAGE_WEIGHT_BEFORE: number;
export interface SiteBuild {
  /** The temporary folder holding the build; the caller removes it. */
  readonly outDir: string;
  /** Gzip bytes the chat page loads up front. */
  readonly initial: number;
  /** Each chunk it loads on demand: its entry module (under src/) and gzip bytes. */
  readonly lazy: readonly { name: string; bytes: number }[];
}
export declare function buildSite(): Promise<SiteBuild>;
export declare const CHAT_PAGE_WEIGHT_LIMIT: number;
