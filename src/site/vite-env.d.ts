// The one thing the setup page reads from Vite's `import.meta.env`, declared here so the
// library's type build (tsconfig.lib.json, which loads no Vite types) checks it too.
interface ImportMetaEnv {
  /** True on Vite's dev server (`npm start`), false in the build. */
  readonly DEV: boolean;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
