// The esbuild options of the bundles scripts/build.mjs writes. The tests build the same
// bundles in memory from here, so what they check is what ships.

/** Left to node_modules: Electron itself, the native module and the large libraries. */
export const EXTERNAL = ['electron', 'better-sqlite3', 'exceljs', 'iconv-lite', 'pdfkit'];

/** The desktop shell's CommonJS bundles: [entry, output], relative to the project root. */
export const ELECTRON_ENTRIES: readonly (readonly [string, string])[] = [
  ['main/electron/main.ts', 'dist/electron/main.cjs'],
  ['main/electron/preload.ts', 'dist/electron/preload.cjs'],
  ['main/app/backendWorker.ts', 'dist/electron/backend-worker.cjs'],
];

/** Options for one shell bundle (entry and outfile relative to root). */
export function electronBundleOptions(root: string, entry: string, outfile: string) {
  return {
    entryPoints: [`${root}/${entry}`],
    outfile: `${root}/${outfile}`,
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    external: EXTERNAL,
    logLevel: 'warning' as const,
    // import.meta.url has no meaning in a CommonJS bundle: main and the backend worker get
    // their own file's URL. Not the preload: a sandboxed preload has no __filename (and does
    // not need it).
    ...(entry.endsWith('preload.ts')
      ? {}
      : {
          define: { 'import.meta.url': '__mejoraImportMetaUrl' },
          banner: { js: "const __mejoraImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
        }),
  };
}

/** Options for the CLI/backend ESM bundle in dist/cli (chunks keep exceljs out of start-up). */
export function cliBundleOptions(root: string) {
  return {
    entryPoints: [`${root}/main/cli/main.ts`],
    outdir: `${root}/dist/cli`,
    bundle: true,
    splitting: true,
    format: 'esm' as const,
    platform: 'node' as const,
    target: 'node22',
    external: EXTERNAL,
    logLevel: 'warning' as const,
  };
}
