// report-avance (issue 8): the informe de avance of a plan, from the same API the UI calls.
import type { InformeAvance, InformeFormat } from '../../shared/api/reports.ts';
import { formatDay } from '../../shared/dates.ts';
import { ACTION_STATE_LABELS, ACTION_STATES, SEMAFOROS, SEMAFORO_LABELS } from '../../shared/seguimiento/types.ts';
import { writeReportFile } from '../report/writeOutput.ts';
import { dayFlag, intFlag, requireInt, stringFlag, UsageError } from './args.ts';
import { printJson } from './command.ts';
import type { CliIO, Command } from './command.ts';

function printSummary(io: CliIO, r: InformeAvance): void {
  io.out(`${r.plan.institution} — ${r.plan.title}`);
  io.out(
    r.cutoff ? `Informe de avance: ${r.cutoff.label} (corte del ${formatDay(r.cutoff.date)})` : `Informe de avance al ${formatDay(r.asOf)}`,
  );
  io.out(
    `Avance global: ${r.totals.percent === null ? '—' : `${r.totals.percent.toLocaleString('es-DO')} %`} (${r.totals.actions} acciones)`,
  );
  io.out(`Por estado: ${ACTION_STATES.map((s) => `${ACTION_STATE_LABELS[s]} ${r.totals.by_state[s]}`).join(' · ')}`);
  io.out(
    `Semáforo: ${SEMAFOROS.filter((s) => r.totals.by_semaforo[s])
      .map((s) => `${SEMAFORO_LABELS[s]} ${r.totals.by_semaforo[s]}`)
      .join(' · ')}`,
  );
}

export const reportCommands: Command[] = [
  {
    name: 'report-avance',
    usage:
      'mejora report-avance PLAN [--cutoff ID | --as-of FECHA] [--xlsx SALIDA.xlsx] [--pdf SALIDA.pdf] [--zip SALIDA.zip] [--db ARCHIVO] [--json]',
    summary:
      'Informe de avance del plan, de un corte cerrado (--cutoff) o a una fecha (--as-of, hoy por defecto): Excel, PDF para el MAP y paquete de evidencias (ZIP) para el SISMAP.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const planId = requireInt(args.positionals[0], 'el número del plan (PLAN)');
      const cutoffId = intFlag(args.flags, 'cutoff');
      const asOf = dayFlag(args.flags, 'as-of');
      if (cutoffId !== undefined && asOf !== undefined) throw new UsageError('Use --cutoff ID o --as-of FECHA, no ambos.');
      const at = { planId, ...(cutoffId !== undefined ? { cutoffId } : {}), ...(asOf ? { asOf } : {}) };
      const api = openApi();
      const informe = await api.informeAvance(at);
      const written: string[] = [];
      for (const format of ['xlsx', 'pdf', 'zip'] as InformeFormat[]) {
        const out = stringFlag(args.flags, format);
        if (!out) continue;
        const file = await api.exportInformeAvance({ ...at, format });
        written.push(await writeReportFile(out, file.bytes));
      }
      if (args.flags.json) {
        printJson(io, informe);
        return;
      }
      printSummary(io, informe);
      for (const f of written) io.out(`Guardado en «${f}».`);
    },
  },
];
