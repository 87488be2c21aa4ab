// Follow-up pages (issue 7 item 12): with a 400-action plan, 1,600 tasks in every state and
// 1,000 evidence files, how long from a click until Inicio, and until the plan page, answer
// in Chromium (browser mode, the real server). Target: under 1 s each. Also the semáforo of
// the whole plan (the shared rule over every action): target under 20 ms.
// Reference, measured in the same run: a bare Node process start (`node -e ""`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend } from '../main/app/backend.ts';
import { actionPercent, actionState } from '../shared/seguimiento/progress.ts';
import { semaforo } from '../shared/seguimiento/semaforo.ts';
import { emptyActionFields } from '../shared/types.ts';
import type { TaskStatus } from '../shared/types.ts';
import { startServe } from '../test/helpers/browserMode.ts';
import { launchChromium } from '../test/helpers/chromium.ts';
import { tempDir } from '../test/helpers/tempDir.ts';

const PAGE_TARGET_MS = 1000;
const SEMAFORO_TARGET_MS = 20;
const ACTIONS = 400;
const TASKS_PER_ACTION = 4;
const EVIDENCE = 1000;
const RUNS = 5;
const STATUSES: TaskStatus[] = ['completada', 'en_curso', 'pendiente', 'cancelada', 'completada', 'pendiente'];

async function seed(dbPath: string): Promise<number> {
  const backend = openBackend(dbPath);
  try {
    const { api } = backend;
    const year = new Date().getFullYear();
    const { id: planId } = await api.createPlan({
      institution: 'Ayuntamiento Municipal de Prueba',
      periodFrom: year - 1,
      periodTo: year + 1,
    });
    for (let i = 0; i < ACTIONS; i++) {
      const startMonth = (i % 12) + 1;
      await api.addAction({
        planId,
        fields: {
          ...emptyActionFields(),
          criterion: (i % 9) + 1,
          area: `Área de mejora ${i + 1}: no se evidencia el involucramiento de los ciudadanos en el diseño de los servicios.`,
          action: `Acción de mejora ${i + 1}: realizar encuestas para la medición de los servicios municipales.`,
          start: `${year - (i % 2)}-${String(startMonth).padStart(2, '0')}`,
          end: `${year + (i % 3 === 0 ? 0 : 1)}-${String(startMonth).padStart(2, '0')}`,
          responsible: ['Secretario Municipal', 'Planificación / OAI', 'Encargado de Tecnología', 'Recursos Humanos'][i % 4]!,
          tasks: Array.from({ length: TASKS_PER_ACTION }, (_, t) => ({
            text: `Tarea ${t + 1} de la acción ${i + 1}.`,
            status: STATUSES[(i + t) % STATUSES.length]!,
          })),
        },
      });
    }
    const plan = await api.planProgress({ planId });
    for (let e = 0; e < EVIDENCE; e++) {
      const action = plan.actions[e % ACTIONS]!;
      const task = e % 2 ? action.tasks[e % TASKS_PER_ACTION] : undefined;
      await api.addEvidence({
        actionId: action.id,
        ...(task ? { taskId: task.id } : {}),
        files: [{ fileName: `Evidencia ${e + 1}.pdf`, bytes: new TextEncoder().encode(`%PDF-1.4\n% evidencia ${e}\n%%EOF\n`) }],
        date: `${year}-01-15`,
        note: 'Acta firmada',
      });
    }
    return planId;
  } finally {
    backend.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function semaforoOfWholePlan(dbPath: string, planId: number): Promise<number> {
  const backend = openBackend(dbPath);
  try {
    const plan = await backend.api.planProgress({ planId });
    const times: number[] = [];
    for (let run = 0; run < 20; run++) {
      const t0 = performance.now();
      for (const a of plan.actions) {
        const input = {
          tasks: a.tasks,
          manualPercent: a.progress.manualPercent,
          manualReason: a.progress.manualReason,
          statusOverride: a.progress.statusOverride,
        };
        const pct = actionPercent(input);
        semaforo({
          start: a.start,
          end: a.end,
          endOpen: a.endOpen,
          state: actionState(input),
          actual: pct.fraction,
          asOf: plan.asOf,
          settings: plan.settings.semaforo,
        });
      }
      times.push(performance.now() - t0);
    }
    return median(times);
  } finally {
    backend.close();
  }
}

export async function benchSeguimientoPages(): Promise<boolean> {
  const tmp = tempDir('mejora-bench-');
  try {
    const dbPath = path.join(tmp.dir, 'mejora.sqlite');
    const s0 = performance.now();
    const planId = await seed(dbPath);
    console.log(
      `  seeded ${ACTIONS} actions, ${ACTIONS * TASKS_PER_ACTION} tasks, ${EVIDENCE} evidence files in ${((performance.now() - s0) / 1000).toFixed(1)} s`,
    );
    const semaforoMs = await semaforoOfWholePlan(dbPath, planId);

    const app = await startServe(dbPath);
    const browser = await launchChromium();
    const home: number[] = [];
    const planPage: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
        await page.goto(`${app.baseUrl}/#/planes?token=${app.token}`);
        await page.getByRole('heading', { name: 'Planes de mejora' }).waitFor();
        await new Promise((resolve) => setTimeout(resolve, 300));

        // Click "Inicio": interactive when its attention list is drawn and a button in it takes focus.
        let t0 = performance.now();
        await page.getByRole('button', { name: 'Inicio', exact: true }).click();
        const item = page.locator('section[data-reason] li button').first();
        await item.focus();
        home.push(performance.now() - t0);

        // Click the plan's title: interactive when its first row takes focus.
        t0 = performance.now();
        await page.locator(`.plan-card[data-plan-id="${planId}"] .link`).click();
        await page.locator('tr[data-action-no="1"]').focus();
        await page.waitForFunction(() => document.activeElement?.getAttribute('data-action-no') === '1');
        planPage.push(performance.now() - t0);
        await page.close();
      }
    } finally {
      await browser.close();
      await app.stop();
    }

    const r0 = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    const reference = performance.now() - r0;
    const ratio = (ms: number) => `${(ms / reference).toFixed(1)}×`;
    const okHome = median(home) < PAGE_TARGET_MS;
    const okPlan = median(planPage) < PAGE_TARGET_MS;
    const okSem = semaforoMs < SEMAFORO_TARGET_MS;
    console.log(
      `  Inicio runs: ${home.map((x) => x.toFixed(0)).join(', ')} ms; plan page runs: ${planPage.map((x) => x.toFixed(0)).join(', ')} ms`,
    );
    console.log(
      `${okHome ? 'OK  ' : 'FAIL'} seguimiento: Inicio interactive ${median(home).toFixed(0)} ms after the click (median of ${RUNS}; target < ${PAGE_TARGET_MS} ms; ${ratio(median(home))} bare node start)`,
    );
    console.log(
      `${okPlan ? 'OK  ' : 'FAIL'} seguimiento: plan page (${ACTIONS} actions with progress) interactive ${median(planPage).toFixed(0)} ms after the click (median of ${RUNS}; target < ${PAGE_TARGET_MS} ms; ${ratio(median(planPage))} bare node start)`,
    );
    console.log(
      `${okSem ? 'OK  ' : 'FAIL'} seguimiento: semáforo of the whole plan ${semaforoMs.toFixed(2)} ms (median of 20; target < ${SEMAFORO_TARGET_MS} ms); bare node start ${reference.toFixed(0)} ms`,
    );
    return okHome && okPlan && okSem;
  } finally {
    tmp.cleanup();
  }
}

if (import.meta.main) process.exitCode = (await benchSeguimientoPages()) ? 0 : 1;
