// A plan shaped like a real one for the forms tests: three responsables, actions with and
// without tasks, a task already completed, a note.
import path from 'node:path';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { ActionFields } from '../../shared/types.ts';

const action = (text: string, patch: Partial<ActionFields> = {}): ActionFields => ({ ...emptyActionFields(), action: text, ...patch });
const tasks = (...texts: string[]) => texts.map((text) => ({ text, status: 'pendiente' as const }));

export const INSTITUTION = 'Ayuntamiento Municipal de Vallejuelo';
export const SECRETARIO = 'Secretario Municipal';
export const TI = 'Encargado de Tecnología';

export interface FormsPlan {
  backend: Backend;
  planId: number;
  dbPath: string;
}

export async function makeFormsPlan(dir: string, fileName = 'datos.sqlite', door: 'app' | 'cli' = 'app'): Promise<FormsPlan> {
  const dbPath = path.join(dir, fileName);
  const backend = openBackend(dbPath, undefined, { door });
  const { api } = backend;
  const planId = (await api.createPlan({ institution: INSTITUTION, periodFrom: 2026, periodTo: 2026 })).id;
  await api.addAction({
    planId,
    fields: action('Realizar reuniones trimestrales con las juntas de vecinos para rendir cuentas', {
      criterion: 6,
      area: 'Participación ciudadana',
      indicator: '4 reuniones con acta firmada',
      start: '2026-01',
      end: '2026-12',
      responsible: SECRETARIO,
      tasks: tasks('Convocar a las juntas de vecinos', 'Levantar las actas de cada reunión', 'Publicar las actas en el portal'),
    }),
  });
  await api.addAction({
    planId,
    fields: action('Habilitar la encuesta de satisfacción en línea', {
      criterion: 6,
      indicator: 'Encuesta publicada',
      start: '2026-01',
      end: '2026-06',
      responsible: `${TI}; Relaciones Públicas`,
    }),
  });
  await api.addAction({
    planId,
    fields: action('Actualizar el manual de funciones', {
      start: '2026-02',
      end: '2026-09',
      responsible: 'Recursos Humanos',
      tasks: tasks('Revisar el manual vigente', 'Validar con cada área'),
    }),
  });
  await api.addAction({
    planId,
    fields: action('Capacitar al personal de la OAI', {
      start: '2026-03',
      end: '2026-08',
      responsible: SECRETARIO,
      tasks: tasks('Gestionar el taller con el INAP'),
    }),
  });
  return { backend, planId, dbPath };
}
