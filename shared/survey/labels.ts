// How answer labels are compared: ignoring case, accents, spacing, gender marks
// ("Satisfecho/a", "Satisfecho(a)", "Satisfech@") and a leading code ("5 - Muy satisfecho").
// Also which answers are non-answers (blank, No aplica, NS/NR…), kept out of the valid base.
import { foldText } from '../text.ts';

/** "5 - Satisfecho(a) " → "satisfecho"; "Muy Buena" → "muy buena". */
export function foldLabel(value: string): string {
  let s = foldText(value);
  s = s.replace(/^\d{1,2}\s*[-–—.):=]\s*(?=\D)/, ''); // "5 - Muy satisfecho", "1) Malo"
  s = s.replace(/\s*\(\s*\d{1,2}\s*\)$/, ''); // "Muy satisfecho (5)"
  // Gender marks. Lookbehinds, not `([a-z]{3,})…`: a captured letter run is retried from
  // every position of a long run of letters (quadratic on a 60 KB cell).
  s = s
    .replace(/(?<=[a-z]{3})\s*\/\s*as?\b/g, '')
    .replace(/(?<=[a-z]{3})\s*\(\s*as?\s*\)/g, '')
    .replace(/(?<=[a-z]{2})@/g, 'o');
  s = s
    .replace(/[¿?¡!"'.,;:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

/** The label's code when it starts with one ("5 - Muy satisfecho" → 5), else null. */
export function leadingCode(value: string): number | null {
  const m = /^\s*(\d{1,2})\s*[-–—.):=]\s*\D/.exec(value);
  return m ? Number(m[1]) : null;
}

const NON_ANSWERS = new Set(
  [
    'no aplica',
    'n/a',
    'na',
    'n a',
    'no aplicable',
    'ns/nr',
    'ns nr',
    'nsnr',
    'ns-nr',
    'ns',
    'nr',
    'no sabe',
    'no responde',
    'no sabe / no responde',
    'no sabe no responde',
    'no sabe, no responde',
    'no sabe/no responde',
    'no se',
    'no sé',
    'no contesta',
    'no contesto',
    'sin respuesta',
    'prefiero no responder',
    'prefiero no decirlo',
    'no utilizo este servicio',
    'no uso este servicio',
    'no he usado este servicio',
    'no lo he usado',
    'no lo utilizo',
    'no utiliza el servicio',
    'no usa el servicio',
    'no corresponde',
    'no opina',
    'sin opinion',
    '-',
    '--',
    'n.a.',
  ].map((s) => foldLabel(s)),
);

/** True for "No aplica", "N/A", "NS/NR", "No sabe / no responde", "No utilizo este servicio"… (not for blanks). */
export function isNonAnswer(value: string): boolean {
  const f = foldLabel(value);
  if (f === '') return value.trim() !== '' && /^[-–—.\s]+$/.test(value.trim());
  return NON_ANSWERS.has(f);
}

export function isBlank(value: string): boolean {
  return value.trim() === '';
}
