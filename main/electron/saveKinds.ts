// What kinds of file the desktop save dialog writes: the kind follows the suggested name's
// extension (an Excel export, a PDF report, a ZIP of evidence), and sets the dialog's title,
// its filter and the extension added when the user types a name without one.
import path from 'node:path';

export type SaveKind = 'xlsx' | 'pdf' | 'zip';

export const SAVE_KINDS: Record<SaveKind, { title: string; filter: { name: string; extensions: string[] } }> = {
  xlsx: { title: 'Exportar a Excel', filter: { name: 'Libro de Excel (.xlsx)', extensions: ['xlsx'] } },
  pdf: { title: 'Guardar como PDF', filter: { name: 'Documento PDF (.pdf)', extensions: ['pdf'] } },
  zip: { title: 'Guardar paquete de evidencias', filter: { name: 'Carpeta comprimida (.zip)', extensions: ['zip'] } },
};

/** The kind a suggested name asks for; anything else is an Excel export (the first kind there was). */
export function saveKindOf(suggestedName: string): SaveKind {
  const ext = path.extname(suggestedName).toLowerCase().slice(1);
  return ext === 'pdf' || ext === 'zip' ? ext : 'xlsx';
}

/** Appends the kind's extension unless the name already ends with it (Linux dialogs do not add it). */
export function withExtension(fileName: string, kind: SaveKind): string {
  return path.extname(fileName).toLowerCase() === `.${kind}` ? fileName : `${fileName}.${kind}`;
}
