// Responsables as offices write them: "Secretario Municipal.", "Planificación / OAI",
// "RRHH; Tecnología". Matched ignoring case, accents and spacing; a cell naming
// several people counts for each.
import { foldText } from '../text.ts';

export interface Responsable {
  /** Folded: what two cells must share to be the same person. */
  key: string;
  /** As first written (trimmed), for showing. */
  label: string;
}

// Not " y ": "Encargado de Tecnología y Comunicaciones" is one person.
const SEPARATORS = /\s*[,;/\n&]\s*/;

export function responsablesOf(cell: string): Responsable[] {
  const out: Responsable[] = [];
  const seen = new Set<string>();
  for (const part of cell.slice(0, 2000).split(SEPARATORS)) {
    // "Informático, acceso a información, Y encarg de tecnología": the last of a list starts
    // with its "y"; each person is shown with a capital, as in a list of names.
    const tidy = part
      .replace(/\s+/g, ' ')
      .replace(/[.:;,]+$/, '')
      .trim()
      .replace(/^(?:y|e)\s+/i, '');
    const label = tidy.charAt(0).toLocaleUpperCase('es') + tidy.slice(1);
    const key = foldText(label);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ key, label });
  }
  return out;
}

export function responsableKey(name: string): string {
  return foldText(name.replace(/\s+/g, ' '));
}
