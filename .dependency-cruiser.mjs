/**
 * The import rule of src/, checked by `npm run lint:deps` and, in `npm test`, by
 * test/layering/import-rule.test.ts.
 *
 * src/ is built in floors. A folder may import its own floor and the floors below it, never one
 * above, and no import may lead back to where it started. So each floor can be read and tested
 * with only what is below it, and the library (src/index.ts) ships without the pages, the setup
 * site or the demo tooling on top. Type-only imports count too: a reader needs the file a type
 * comes from as much as the compiler does.
 */

/**
 * The floors, lowest first: the folders under src/ on each, and why it sits there. A new folder
 * goes on a floor here (a folder on none fails the check).
 */
const FLOORS = [
  { folders: ['core'], why: 'shared pieces every floor uses (the Source contract, schedules, errors, logging), which must work with nothing else loaded' },
  { folders: ['twitch'], why: "Twitch's APIs (Helix, tokens, logins), which any source or tool uses without pulling in the rest" },
  { folders: ['domain'], why: 'the domain types (stream events): plain data that sources, elements and tools all speak, so it depends on none of them' },
  { folders: ['sources', 'video'], why: 'the network clients and video out: the library uses them with no element' },
  { folders: ['chat-lookups'], why: 'what decorates a chat line without the DOM (badges, emotes, 7TV cosmetics, pronouns, cheermotes, profiles): data for the chat element, never made from it' },
  { folders: ['controllers'], why: "Lit controllers tying a source or a timer to an element's connection: elements share them, so they know none" },
  {
    folders: ['components'],
    why: 'the elements: the composition layer hands them their sources and settings, so they never reach for the demo tooling, the URL config, the registry, boot, the overlays or the site',
  },
  { folders: ['simulator', 'replay'], why: 'demo and record/replay tooling: it stands in for the sources and reads no URL config; the pages hand it to the elements' },
  { folders: ['config'], why: "the URL schemas and their parser: they describe elements' settings and know no overlay" },
  { folders: ['registry'], why: 'one entry and one guide per overlay, made of the config schemas, read by boot and the pages' },
  { folders: ['boot'], why: 'what every overlay page does first (read the URL, the setup card, ?debug, start and stop), shared by the overlays' },
  { folders: ['overlays'], why: "each overlay's composition (its sources, element and settings wired together), used only by its page and the setup site" },
  { folders: ['site'], why: 'the setup page, on top of everything' },
];

/** The floors the library (src/index.ts) is made of: up to the elements. */
const LIBRARY_TOP = 'components';
/** What the elements must never import: it has to stay on floors above theirs. */
const ABOVE_ELEMENTS = ['simulator', 'replay', 'config', 'registry', 'boot', 'overlays', 'site'];

const floorOf = (folder) => FLOORS.findIndex((floor) => floor.folders.includes(folder));
const under = (folders) => `^src/(${folders.join('|')})/`;
const foldersOf = (floors) => floors.flatMap((floor) => floor.folders);

for (const folder of ABOVE_ELEMENTS) {
  if (floorOf(folder) <= floorOf('components')) throw new Error(`.dependency-cruiser.mjs: src/${folder} must sit on a floor above src/components (elements never import it)`);
}

/** One rule per floor: nothing on it imports a floor above it. */
const floorRules = FLOORS.flatMap((floor, index) => {
  const above = foldersOf(FLOORS.slice(index + 1));
  if (above.length === 0) return [];
  return [
    {
      name: `floor-${floor.folders.join('-')}`,
      comment: `Nothing in src/${floor.folders.join(' or src/')} imports a floor above it: ${floor.why}.`,
      severity: 'error',
      from: { path: under(floor.folders) },
      to: { path: under(above) },
    },
  ];
});

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle has no file to start reading or testing from: move what both sides need (a type, a helper) to a floor below them.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'on-a-floor',
      comment: 'Every folder under src/ sits on a floor, or nothing checks what it imports: add it to FLOORS in .dependency-cruiser.mjs.',
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: under(foldersOf(FLOORS)) },
      to: { path: '^src/', pathNot: '^src/$1/' },
    },
    {
      name: 'library-entry',
      comment: `src/index.ts is the library: it exports the floors up to src/${LIBRARY_TOP}, never the tooling, config or pages above them.`,
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: { path: under(foldersOf(FLOORS.slice(floorOf(LIBRARY_TOP) + 1))) },
    },
    {
      name: 'nothing-imports-the-library-entry',
      comment: 'src/index.ts is for users of the package; inside src/, import the module itself.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
    ...floorRules,
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser's own TypeScript reader; swc reads
    // the files as they are, type-only imports included. tsconfig.json has no `paths`, so the
    // resolver needs nothing from it: it maps our `.js` specifiers to the `.ts` files by itself.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
