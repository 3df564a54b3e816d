/** The production build is also served under this prefix, as a host like GitHub Pages serves a project. */
export const SUB_PATH = '/someone/obs-overlays/';
