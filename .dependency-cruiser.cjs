/**
 * The layer rules of the project, enforced (`npm run lint:deps` is part of `npm test`):
 *   core     pure TypeScript: no DOM layer, no UI, no extension APIs, no entries
 *   dom      may use core; no UI, no extension APIs, no entries
 *   ui       Preact components: may use core; no extension APIs, no dom, no entries
 *   platform extension-API adapters shared by entries: may use core (and ui types); no dom, no entries
 *   node     Node-only readers of the data on disk (for the CLI, the build, scripts and tests): may use
 *            core; never imported by anything that runs in the browser
 *   entries  content, background, popup, options, cli: wire the layers; never import each other
 */
const ENTRIES = ['content', 'background', 'popup', 'options', 'cli'];
/** Everything that ends up in the extension's bundles. */
const BROWSER = ['core', 'dom', 'ui', 'platform', 'content', 'background', 'popup', 'options'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core is pure TypeScript: no DOM layer, UI, platform, entries or extension APIs.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: {
        path: [
          '^src/(dom|ui|platform)/',
          `^src/(${ENTRIES.join('|')})/`,
          'webextension-polyfill',
          '^node_modules/preact',
        ],
      },
    },
    {
      name: 'core-no-node',
      comment: 'src/core runs in the browser too: no Node built-ins.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'dom-no-extension-or-ui',
      comment: 'src/dom touches the DOM only: no extension APIs, no UI, no entries.',
      severity: 'error',
      from: { path: '^src/dom/' },
      to: { path: ['^src/(ui|platform)/', `^src/(${ENTRIES.join('|')})/`, 'webextension-polyfill'] },
    },
    {
      name: 'ui-props-in-callbacks-out',
      comment: 'src/ui components get data by props: no extension APIs, no platform, no entries.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: ['^src/platform/', `^src/(${ENTRIES.join('|')})/`, 'webextension-polyfill'] },
    },
    {
      name: 'platform-is-shared-plumbing',
      comment:
        'src/platform adapts extension APIs for the entries; it never imports an entry or the DOM layer.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: ['^src/dom/', `^src/(${ENTRIES.join('|')})/`] },
    },
    {
      name: 'browser-never-imports-node',
      comment:
        'src/node reads files with Node built-ins: code that runs in the browser must never import it ' +
        '(the build and the CLI hand its results to browser code as data).',
      severity: 'error',
      from: { path: `^src/(${BROWSER.join('|')})/` },
      to: { path: '^src/node/' },
    },
    {
      name: 'node-reads-data-only',
      comment: 'src/node reads and validates data for Node callers: it may use core, nothing else of ours.',
      severity: 'error',
      from: { path: '^src/node/' },
      to: { path: ['^src/(dom|ui|platform)/', `^src/(${ENTRIES.join('|')})/`, 'webextension-polyfill'] },
    },
    ...ENTRIES.map((entry) => ({
      name: `entry-${entry}-stands-alone`,
      comment: 'Entry folders only wire modules together; none imports another.',
      severity: 'error',
      from: { path: `^src/${entry}/` },
      to: { path: `^src/(${ENTRIES.filter((e) => e !== entry).join('|')})/` },
    })),
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves, except the build-time virtual modules (virtual:wsw-*).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:wsw-' },
    },
    {
      name: 'src-not-to-dev-deps',
      comment: 'Shipped code may not depend on devDependencies.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    exclude: { path: '\\.css$' },
  },
};
