// `npm run bench`: every benchmark script in this folder, one process each, so one's
// memory does not count against another's. Exits non-zero if any target is missed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const scripts = ['startup.ts', 'seguimientoPages.ts', 'planFiles.ts', 'surveys.ts', 'seguimiento.ts', 'reports.ts', 'history.ts'].filter(
  (f) => fs.existsSync(path.join(dir, f)),
);
let failed = 0;
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const res = spawnSync(process.execPath, ['--expose-gc', path.join(dir, script)], { stdio: 'inherit' });
  if (res.status !== 0) failed++;
}
console.log(failed ? `\n${failed} benchmark(s) missed their target.` : '\nAll benchmark targets met.');
process.exit(failed ? 1 : 0);
