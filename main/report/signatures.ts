// The signature block that closes the plan and the informe de avance: Elaborado / Revisado /
// Aprobado por, with the names and posts from the plan's settings. "Elaborado por" falls back
// to the user's name (settings: usuario) and is dated the day the document is made; the others
// leave a line to write the date by hand.
import { formatDay } from '../../shared/dates.ts';
import type { PlanSettings, Signer } from '../../shared/seguimiento/types.ts';
import { elaboradoBy } from '../files/madeBy.ts';
import type { MadeBy } from '../files/madeBy.ts';
import { COLORS } from './pdf/pdfDocument.ts';
import type { PdfBuilder } from './pdf/pdfDocument.ts';

export function drawSignatures(b: PdfBuilder, signers: PlanSettings['signers'], madeBy: MadeBy): void {
  const height = 150;
  if (b.room < height) b.addPage();
  else b.y += 24;
  b.paragraph('Firmas', { font: 'bold', size: 12, color: COLORS.accent }, { after: 10 });
  const rows: [string, Signer][] = [
    ['Elaborado por', elaboradoBy(signers.elaborado, madeBy)],
    ['Revisado por', signers.revisado],
    ['Aprobado por', signers.aprobado],
  ];
  const gap = 36;
  const w = (b.width - 2 * gap) / 3;
  const y = b.y;
  rows.forEach(([role, s], i) => {
    const x = b.left + i * (w + gap);
    b.drawLines([role], x, y, w, { font: 'semibold', size: 9.5 });
    b.hline(x, x + w, y + 58, COLORS.text, 0.75);
    b.drawLines(['Firma'], x, y + 61, w, { size: 7, color: COLORS.muted });
    const nameStyle = { size: 9, font: s.name ? ('semibold' as const) : ('regular' as const) };
    const name = b.lines(s.name || 'Nombre: ______________________________', w, nameStyle).slice(0, 2);
    b.drawLines(name, x, y + 76, w, { ...nameStyle, color: s.name ? COLORS.text : COLORS.muted });
    const post = b.lines(s.post || 'Cargo: ______________________________', w, { size: 8.5 }).slice(0, 2);
    b.drawLines(post, x, y + 76 + name.length * 12, w, { size: 8.5, color: COLORS.muted });
    b.drawLines(
      [`Fecha: ${i === 0 ? formatDay(madeBy.day) : '____ / ____ / ________'}`],
      x,
      y + 104 + (name.length + post.length - 2) * 12,
      w,
      {
        size: 8.5,
        color: COLORS.muted,
      },
    );
  });
  b.y = y + height - 10;
}
