// How the plan table is shown (density, hidden columns), remembered for this user on this
// computer. A broken or foreign stored value is ignored, never an error.
const KEY = 'mejora.planTable.v1';

export type Density = 'normal' | 'compacta';

export interface TablePrefs {
  density: Density;
  /** Column keys the user hid ('objective', 'extra:Presupuesto', …). */
  hidden: string[];
}

function read(): TablePrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<TablePrefs> | null;
    return {
      density: raw?.density === 'compacta' ? 'compacta' : 'normal',
      hidden: Array.isArray(raw?.hidden) ? raw.hidden.filter((k): k is string => typeof k === 'string').slice(0, 200) : [],
    };
  } catch {
    return { density: 'normal', hidden: [] };
  }
}

export const tablePrefs = $state<TablePrefs>(read());

export function saveTablePrefs(): void {
  try {
    localStorage.setItem(KEY, JSON.stringify($state.snapshot(tablePrefs)));
  } catch {
    // Storage full or disabled: the choice lasts for this session only.
  }
}

export function setColumnHidden(key: string, hidden: boolean): void {
  const i = tablePrefs.hidden.indexOf(key);
  if (hidden && i < 0) tablePrefs.hidden.push(key);
  if (!hidden && i >= 0) tablePrefs.hidden.splice(i, 1);
  saveTablePrefs();
}

export function setDensity(density: Density): void {
  tablePrefs.density = density;
  saveTablePrefs();
}
