// `cem analyze` (run by `npm run build:lib`): custom-elements.json from the elements' JSDoc
// (`@fires`, `@csspart`, `@cssprop`, `@attr`, one tag per line), for editors and documentation tools.
export default {
  globs: ['src/components/**/ovl-*.ts'],
  outdir: '.',
  litelement: true,
};
