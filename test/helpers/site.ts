/** The production build is also served under this prefix, as a host like GitHub Pages serves a project. */
export const SUB_PATH = '/someone/obs-overlays/';

/**
 * A host name the test browser resolves to 127.0.0.1 (vite.config.ts): the built site served
 * under it is no secure context, so its pages have no Web Locks, as in OBS's local-file mode.
 */
export const INSECURE_SITE_HOST = 'overlays.obs.test';
