/**
 * The layer table of design.md, enforced: `npm run lint` (the first step of `npm test`) fails on a
 * wrong import. Paths may carry the prefix of the fixture tree under test/fixtures/wrong-imports/,
 * which proves in a test that each kind of wrong import fails.
 */
const R = '^(?:test/fixtures/wrong-imports/)?';
const STATION = `${R}electron/station/`;
const error = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    error(
      'shared-is-pure',
      'shared/ imports nothing but shared/ and zod: no Node, no DOM, no station code.',
      { path: `${R}shared/` },
      {
        pathNot: [`${R}shared/`, '(^|/)node_modules/zod/'],
      },
    ),
    error('shared-no-node', 'shared/ runs in the renderer too: no Node built-ins.', { path: `${R}shared/` }, { dependencyTypes: ['core'] }),
    error(
      'renderer-only-renderer-and-shared',
      'The renderer talks to the station only through window.station: it imports renderer/, shared/ and browser libraries.',
      { path: `${R}renderer/` },
      { path: [`${R}(electron|resources|scripts|test)/`, '(^|/)node_modules/electron'] },
    ),
    error('renderer-no-node', 'The renderer is sandboxed: no Node built-ins.', { path: `${R}renderer/` }, { dependencyTypes: ['core'] }),
    error(
      'electron-only-in-main-and-preload',
      "Only electron/main/ and electron/preload/ import 'electron' (and electron-store).",
      { pathNot: `${R}electron/(main|preload)/` },
      { path: '(^|/)node_modules/electron(-store)?/' },
    ),
    error(
      'privileged-side-never-imports-renderer',
      'The renderer is built and served as files; electron/ never imports its code.',
      { path: `${R}electron/` },
      {
        path: `${R}renderer/`,
      },
    ),
    error(
      'station-is-plain-node',
      'The station core never reaches into a shell: it is wired by electron/main and electron/web through electron/station/index.ts.',
      { path: STATION },
      { path: `${R}(electron/(main|preload|web|common)|renderer)/` },
    ),
    error(
      'base-rooms-import-only-shared',
      'providers/, printing/, history/, settings/, health/ and systems-api/ import only shared/ and their own room (systems-api gets what it needs from core as functions).',
      { path: `${STATION}(providers|printing|history|settings|health|systems-api)/` },
      { path: `${R}(electron|renderer)/`, pathNot: `${STATION}$1/` },
    ),
    error(
      'orders-import-providers-only',
      'orders/ may import shared/, its own room and providers/.',
      { path: `${STATION}orders/` },
      { path: `${R}(electron|renderer)/`, pathNot: `${STATION}(orders|providers)/` },
    ),
    error(
      'labels-and-packing-never-import-core',
      'labels/, packing/ and reports/ may import the rooms below them, never core/ (core wires them).',
      { path: `${STATION}(labels|packing|reports)/` },
      { path: `${R}(electron|renderer)/`, pathNot: `${STATION}($1|labels|providers|printing|history|settings|orders)/` },
    ),
    error(
      'outbox-imports-the-rooms-it-delivers-from',
      'outbox/ may import shared/, its own room, history/, settings/ and orders/ (core wires it, never the other way).',
      { path: `${STATION}outbox/` },
      { path: `${R}(electron|renderer)/`, pathNot: `${STATION}(outbox|history|settings|orders|providers)/` },
    ),
    error(
      'rooms-through-their-index',
      "A room exposes an index.ts; other rooms import that, not the room's insides.",
      { path: `${STATION}([^/]+)/` },
      { path: `${STATION}[^/]+/.`, pathNot: [`${STATION}$1/`, `${STATION}[^/]+/index\\.ts$`] },
    ),
    error(
      'shells-through-the-station-entry',
      'The shells reach the station core only through electron/station/index.ts.',
      { path: `${R}electron/(main|preload|web|common)/` },
      { path: `${STATION}.+/` },
    ),
    error(
      'preload-is-sandboxed',
      'The preload imports electron, shared/ and electron/common/ only.',
      { path: `${R}electron/preload/` },
      {
        path: `${R}electron/(main|web|station)/`,
      },
    ),
    error(
      'web-shell-is-not-electron',
      'The browser shell runs without Electron: it never imports electron/main or electron/preload.',
      { path: `${R}electron/web/` },
      {
        path: `${R}electron/(main|preload)/`,
      },
    ),
    error(
      'common-is-common',
      'electron/common holds pure helpers both shells use: it imports no shell.',
      { path: `${R}electron/common/` },
      {
        path: `${R}electron/(main|preload|web|station)/`,
      },
    ),
    {
      name: 'no-circular',
      comment: 'No import cycles: inside a room, files import each other directly, never through the room index.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
