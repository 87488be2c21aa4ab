// The history of changes must not slow plan writes noticeably. Target: importing a 400-action
// plan workbook (what the officer waits for) with the history triggers takes at most 2× the
// same import on a connection without them (the reference, measured in this run): every
// action and task written gets one history row, so about twice the rows is the ceiling (on
// this machine ×1.6, about +90 ms on a 400-action import). Also printed, for scale: the bare
// writes (create 400 actions with 3 tasks, then update each).
// Run: npx node bench/history.ts
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, openDatabase } from '../main/db/open.ts';
import { createPlan, replaceActions } from '../main/db/planStore.ts';
import { exportPlan, importPlan } from '../main/planfile/planFileService.ts';
import { emptyActionFields } from '../shared/types.ts';
import type { ActionFields } from '../shared/types.ts';

const ACTIONS = 400;
const MAX_RATIO = 2;
const ROUNDS = 5;

const actions = (round: number, responsible: string): ActionFields[] =>
  Array.from({ length: ACTIONS }, (_, i) => ({
    ...emptyActionFields(),
    action: `Acción ${i + 1} (${round})`,
    responsible,
    tasks: [1, 2, 3].map((k) => ({ text: `Tarea ${k}`, status: 'pendiente' as const })),
  }));

function writes(db: Database, round: number): number {
  const t0 = process.hrtime.bigint();
  const planId = createPlan(db, {
    institution: 'Ayuntamiento',
    title: `Plan ${round}`,
    periodFrom: 2025,
    periodTo: 2026,
    cafVersion: '2020',
  });
  replaceActions(db, planId, actions(round, 'Planificación'));
  replaceActions(db, planId, actions(round, 'Recursos Humanos'));
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-bench-history-'));
try {
  const withLog = openDatabase(path.join(dir, 'con-historial.sqlite')).db;
  const without = openDatabase(path.join(dir, 'sin-historial.sqlite')).db;
  for (const { name } of without.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger'").all() as { name: string }[]) {
    without.exec(`DROP TRIGGER temp.${name}`);
  }
  writes(withLog, 0);
  writes(without, 0);
  let a = 0;
  let b = 0;
  for (let r = 1; r <= ROUNDS; r++) {
    a += writes(withLog, r);
    b += writes(without, r);
  }
  console.log(
    `400 acciones, escrituras solas (crear + actualizar): con historial ${(a / ROUNDS).toFixed(0)} ms, sin historial ${(b / ROUNDS).toFixed(0)} ms, ×${(a / b).toFixed(2)}`,
  );

  const { bytes, fileName } = await exportPlan(withLog, 2);
  const importOnce = async (db: Database) => {
    const t0 = process.hrtime.bigint();
    await importPlan(db, { fileName, bytes, mode: 'new', periodFrom: 2025, periodTo: 2026 });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  await importOnce(withLog);
  await importOnce(without);
  let ia = 0;
  let ib = 0;
  for (let r = 0; r < ROUNDS; r++) {
    ib += await importOnce(without);
    ia += await importOnce(withLog);
  }
  const ratio = ia / ib;
  const logged = (withLog.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
  console.log(
    `importar un plan de 400 acciones: con historial ${(ia / ROUNDS).toFixed(0)} ms, sin historial ${(ib / ROUNDS).toFixed(0)} ms, ×${ratio.toFixed(2)} (${logged} cambios registrados en total)`,
  );
  closeDatabase(withLog);
  closeDatabase(without);
  if (ratio > MAX_RATIO) {
    console.error(`El historial hace las escrituras ${ratio.toFixed(2)}× más lentas (objetivo ≤ ${MAX_RATIO}×).`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
