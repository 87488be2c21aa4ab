// The rooms of the house keep to their jobs (see the README's layout): renderer/ talks to the
// backend only through shared/'s contract, shared/ stays free of Node and of main/, the rooms below
// the API layer never call it, and only the desktop shell imports Electron.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkShape, importSpecifiers, readTree } from '../helpers/houseShape.ts';
import type { SourceFile } from '../helpers/houseShape.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const rules = (files: SourceFile[]) => checkShape(files).map((v) => `${v.file}:${v.line} ${v.specifier} — ${v.rule}`);

describe('the shape of the house', () => {
  it('holds for the code in this repository', () => {
    const files = readTree(ROOT);
    // The walk really found the rooms (an empty walk would pass vacuously).
    for (const room of [
      'main/api/',
      'main/db/',
      'main/electron/',
      'main/planfile/',
      'main/survey/',
      'shared/api/',
      'renderer/src/views/',
    ]) {
      expect(
        files.some((f) => f.path.startsWith(room)),
        room,
      ).toBe(true);
    }
    expect(files.some((f) => f.path.endsWith('.svelte'))).toBe(true);
    expect(rules(files)).toEqual([]);
  }, 30_000); // parsing every source file with TypeScript takes a few seconds on a busy machine
});

describe('the shape checker', () => {
  it('reads every kind of import, including dynamic ones and those inside .svelte scripts', () => {
    const ts = [
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "import './side-effect.css';",
      "const e = await import('./e.ts');",
      "const f = require('f');",
      "type G = typeof import('./g.ts');",
      'const h = await import(name);',
      "// import z from './commented-out.ts';",
      'const s = "import(\'not-an-import\')";',
    ].join('\n');
    expect(importSpecifiers('x/file.ts', ts)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: '../b.ts', line: 2 },
      { specifier: './c.ts', line: 3 },
      { specifier: './d.ts', line: 4 },
      { specifier: './side-effect.css', line: 5 },
      { specifier: './e.ts', line: 6 },
      { specifier: 'f', line: 7 },
      { specifier: './g.ts', line: 8 },
      { specifier: null, line: 9 },
    ]);
    const svelte =
      "<script lang=\"ts\" module>\n  import x from './x.ts';\n</script>\n<script lang=\"ts\">\n  import y from 'svelte';\n</script>\n<p>import z from 'z'</p>\n";
    expect(importSpecifiers('v/View.svelte', svelte)).toEqual([
      { specifier: './x.ts', line: 2 },
      { specifier: 'svelte', line: 5 },
    ]);
  });

  it('accepts a small tree that keeps the rules', () => {
    const tree: SourceFile[] = [
      {
        path: 'renderer/src/views/A.svelte',
        text: "<script>import { api } from '../lib/api.ts'; import type { Plan } from '../../../shared/types.ts'; import { tick } from 'svelte';</script>",
      },
      { path: 'renderer/src/main.ts', text: "import '@fontsource-variable/inter/wght.css'; import './app.css';" },
      { path: 'shared/rules.ts', text: "import { x } from './months.ts';" },
      {
        path: 'main/db/planStore.ts',
        text: "import Database from 'better-sqlite3'; import { rules } from '../../shared/rules.ts'; import fs from 'node:fs';",
      },
      { path: 'main/api/plans.ts', text: "import { listPlans } from '../db/planStore.ts';" },
      { path: 'main/http/server.ts', text: "import type { Dispatch } from '../api/dispatch.ts';" },
      { path: 'main/electron/main.ts', text: "import { app } from 'electron'; const m = await import('../api/index.ts');" },
    ];
    expect(rules(tree)).toEqual([]);
  });

  it('fails on each broken rule, naming the file, line and rule', () => {
    const tree: SourceFile[] = [
      {
        path: 'renderer/src/views/Bad.svelte',
        text: "<script lang=\"ts\">\n  import { openDb } from '../../../main/db/open.ts';\n  import fs from 'node:fs';\n  import Excel from 'exceljs';\n</script>",
      },
      { path: 'renderer/src/lib/sneaky.ts', text: "export const load = () => import('../../../main/survey/report.ts');" },
      {
        path: 'shared/bad.ts',
        text: "import { planStore } from '../main/db/planStore.ts';\nimport path from 'path';\nimport { x } from 'node:crypto';",
      },
      { path: 'main/planfile/readPlanFile.ts', text: "import { createHandlers } from '../api/index.ts';" },
      { path: 'main/survey/importer.ts', text: "const api = await import('../api/surveys.ts');" },
      { path: 'main/db/planStore.ts', text: "export type { Ctx } from '../api/context.ts';" },
      { path: 'main/xlsx/reader.ts', text: "import type { ApiContext } from '../api/context.ts';" },
      { path: 'main/app/backend.ts', text: "import { BrowserWindow } from 'electron';" },
      { path: 'main/cli/main.ts', text: 'const m = await import(process.env.X!);' },
      { path: 'main/paths.ts', text: "import { x } from '../renderer/src/lib/format.ts';" },
      { path: 'main/api/plans.ts', text: "export const f = (db) => db.prepare('SELECT plan_id FROM action WHERE id = ?');" },
    ];
    expect(rules(tree)).toEqual([
      'renderer/src/views/Bad.svelte:2 ../../../main/db/open.ts — renderer/ imports only shared/ (the backend is reached through the contract)',
      'renderer/src/views/Bad.svelte:3 node:fs — renderer/ runs in the browser: no node: modules',
      'renderer/src/views/Bad.svelte:4 exceljs — renderer/ imports only the npm packages it is allowed (svelte, @fontsource-variable/inter)',
      'renderer/src/lib/sneaky.ts:1 ../../../main/survey/report.ts — renderer/ imports only shared/ (the backend is reached through the contract)',
      'shared/bad.ts:1 ../main/db/planStore.ts — shared/ imports nothing from main/ or renderer/',
      'shared/bad.ts:2 path — shared/ imports no node: modules (it runs in the browser too)',
      'shared/bad.ts:3 node:crypto — shared/ imports no node: modules (it runs in the browser too)',
      'main/planfile/readPlanFile.ts:1 ../api/index.ts — rooms below the API layer (stores, readers, writers, surveys…) never import main/api/',
      'main/survey/importer.ts:1 ../api/surveys.ts — rooms below the API layer (stores, readers, writers, surveys…) never import main/api/',
      'main/db/planStore.ts:1 ../api/context.ts — rooms below the API layer (stores, readers, writers, surveys…) never import main/api/',
      'main/xlsx/reader.ts:1 ../api/context.ts — rooms below the API layer (stores, readers, writers, surveys…) never import main/api/',
      'main/app/backend.ts:1 electron — only main/electron/ imports electron',
      'main/cli/main.ts:1 (computed) — a dynamic import with a computed specifier cannot be checked: name the module',
      'main/paths.ts:1 ../renderer/src/lib/format.ts — main/ never imports renderer/',
      'main/api/plans.ts:1 (SQL) — main/api/ holds no SQL: the stores below it do',
    ]);
  });
});
