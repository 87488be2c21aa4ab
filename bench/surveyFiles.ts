// The survey files the bench measures: N Google Forms responses × 12 columns, as the .xlsx
// Google Forms downloads (shared strings, a date-formatted timestamp) and as its CSV.
import ExcelJS from 'exceljs';
import fs from 'node:fs';

const SAT = ['Muy insatisfecho', 'Insatisfecho', 'Ni satisfecho ni insatisfecho', 'Satisfecho', 'Muy satisfecho', 'No aplica', ''];
const SECTORS = ['La Ciénaga', 'Centro', 'El Cercado', 'Batey Central', 'Sabana Alta', 'Los Guandules'];
const AGES = ['18 a 24 años', '25 a 34 años', '35 a 44 años', '45 a 59 años', '60 años o más'];
const SERVICES = [
  'Mercado municipal',
  'Matadero municipal',
  'Cementerio municipal',
  'Recolección de basura',
  'Parques, plazas y áreas verdes',
];
const QUALITY = ['Muy malo', 'Malo', 'Regular', 'Bueno', 'Muy bueno', ''];
export const HEADER = [
  'Marca temporal',
  'Dirección de correo electrónico',
  'Sexo',
  'Edad',
  'Sector o barrio',
  '¿Qué servicios municipales ha usado en los últimos 12 meses?',
  ...['Mercado municipal', 'Matadero municipal', 'Cementerio municipal', 'Recolección de residuos sólidos'].map(
    (s) => `¿Qué tan satisfecho(a) está con los siguientes servicios? [${s}]`,
  ),
  'El trato recibido por el personal del ayuntamiento fue',
  'Del 0 al 10, ¿qué tan probable es que recomiende los servicios del ayuntamiento?',
];

function rows(count: number): Generator<(string | number | Date)[]> {
  let seed = 42;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  return (function* () {
    for (let i = 0; i < count; i++) {
      const when = new Date(Date.UTC(2026, 1, 1) + Math.floor(rand() * 59 * 86_400_000));
      const used = SERVICES.filter(() => rand() < 0.4).join(', ');
      yield [
        when,
        i % 7 === 0 ? `persona${i}@correo.example` : '',
        pick(['Femenino', 'Masculino']),
        pick(AGES),
        pick(SECTORS),
        used,
        pick(SAT),
        pick(SAT),
        pick(SAT),
        pick(SAT),
        pick(QUALITY),
        Math.floor(rand() * 11),
      ];
    }
  })();
}

export async function writeSurveyXlsx(file: string, count: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Respuestas de formulario 1');
  ws.getColumn(1).numFmt = 'd/m/yyyy h:mm:ss';
  ws.addRow(HEADER).commit();
  for (const row of rows(count)) {
    const r = ws.addRow(row);
    r.getCell(1).numFmt = 'd/m/yyyy h:mm:ss';
    r.commit();
  }
  await wb.commit();
}

export function writeSurveyCsv(file: string, count: number): void {
  const q = (v: string | number | Date) => {
    const s =
      v instanceof Date
        ? `${v.getUTCDate()}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()} ${v.getUTCHours()}:${String(v.getUTCMinutes()).padStart(2, '0')}:${String(v.getUTCSeconds()).padStart(2, '0')}`
        : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines: string[] = [HEADER.map((h) => `"${h}"`).join(',')];
  for (const row of rows(count)) lines.push(row.map(q).join(','));
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
}
