// Start-up: with a 400-action plan in the database, how long from starting `mejora serve`
// until the plan page is interactive in Chromium. Target: under 2 s.
// Reference, measured in the same run: a bare Node process start (`node -e ""`), so a slow
// machine shows up as a slow reference rather than as a mystery.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend } from '../main/app/backend.ts';
import { emptyActionFields } from '../shared/types.ts';
import type { ActionFields } from '../shared/types.ts';
import { startServe } from '../test/helpers/browserMode.ts';
import { launchChromium } from '../test/helpers/chromium.ts';
import { tempDir } from '../test/helpers/tempDir.ts';

const TARGET_MS = 2000;
const ACTIONS = 400;

function seed(dbPath: string): Promise<number> {
  const backend = openBackend(dbPath);
  return (async () => {
    const { id } = await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Prueba', periodFrom: 2025, periodTo: 2026 });
    for (let i = 0; i < ACTIONS; i++) {
      const fields: ActionFields = {
        ...emptyActionFields(),
        criterion: (i % 9) + 1,
        area: `Área de mejora número ${i + 1}: no se evidencia el involucramiento de los ciudadanos en el diseño de los servicios.`,
        action: `Acción de mejora ${i + 1}: realizar encuestas para la medición de los servicios municipales.`,
        objective: 'Prestar servicios orientados a los ciudadanos, tomando en cuenta sus sugerencias.',
        start: '2026-01',
        end: '2026-03',
        resources: 'Equipos tecnológicos, internet',
        indicator: 'Informe de tareas realizadas',
        responsible: 'Encargado de Tecnología',
        comments: 'N/A',
        tasks: [
          { text: 'Diseñar el cuestionario.', status: 'completada' },
          { text: 'Aplicar la encuesta.', status: 'en_curso' },
          { text: 'Publicar los resultados.', status: 'pendiente' },
        ],
      };
      await backend.api.addAction({ planId: id, fields });
    }
    backend.close();
    return id;
  })();
}

export async function benchStartup(): Promise<boolean> {
  const tmp = tempDir('mejora-bench-');
  try {
    const dbPath = path.join(tmp.dir, 'mejora.sqlite');
    const planId = await seed(dbPath);
    const browser = await launchChromium();
    try {
      const runs: number[] = [];
      const parts: string[] = [];
      for (let i = 0; i < 3; i++) {
        const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
        const t0 = performance.now();
        const app = await startServe(dbPath);
        const tServe = performance.now();
        await page.goto(`${app.baseUrl}/#/plan/${planId}?token=${app.token}`);
        const tLoad = performance.now();
        await page.locator('tr[data-action-no="1"]').focus();
        const tFirst = performance.now();
        const last = page.locator(`tr[data-action-no="${ACTIONS}"]`);
        await last.waitFor({ state: 'attached' });
        runs.push(performance.now() - t0);
        parts.push(
          `server ${(tServe - t0).toFixed(0)} + page ${(tLoad - tServe).toFixed(0)} + first rows ${(tFirst - tLoad).toFixed(0)} + all rows ${(performance.now() - tFirst).toFixed(0)} ms`,
        );
        await page.close();
        await app.stop();
      }
      const r0 = performance.now();
      spawnSync(process.execPath, ['-e', '']);
      const reference = performance.now() - r0;
      const best = Math.min(...runs);
      const median = runs.sort((a, b) => a - b)[1]!;
      const ok = median < TARGET_MS;
      for (const p of parts) console.log(`  ${p}`);
      console.log(
        `startup: ${ACTIONS}-action plan interactive in ${median.toFixed(0)} ms (median of 3, best ${best.toFixed(0)} ms; ` +
          `target < ${TARGET_MS} ms) — bare node start ${reference.toFixed(0)} ms, ratio ${(median / reference).toFixed(1)}× ${ok ? 'OK' : 'FAIL'}`,
      );
      return ok;
    } finally {
      await browser.close();
    }
  } finally {
    tmp.cleanup();
  }
}

if (import.meta.main) process.exitCode = (await benchStartup()) ? 0 : 1;
