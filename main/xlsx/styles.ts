// Just enough of styles.xml to tell dates from numbers: which cell formats (`s="N"` on a
// cell) show a date. Excel stores a date as a serial number; only its format says so.
import { elements, parseAttributes } from './xml.ts';

// Built-in number formats that show dates (ECMA-376 part 1, §18.8.30, and the locale variants).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** Index → 1 shows a date, 2 shows a percentage (the cell holds a fraction: 0.5 is 50 %), 0 neither. */
export type DateStyles = Uint8Array;

/** Built-in percentage formats (9: 0%, 10: 0.00%). */
const PERCENT_FORMAT_IDS = new Set([9, 10]);

export function formatShowsPercent(code: string): boolean {
  return removeDelimited(removeDelimited(code, '"', '"'), '[', ']')
    .replace(/\\./g, '')
    .includes('%');
}

export function formatShowsDate(code: string): boolean {
  const bare = removeDelimited(removeDelimited(code, '"', '"'), '[', ']')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * `text` without its `open…close` runs, as `replace(/\[[^\]]*\]/g, '')` would do, in linear
 * time: that regex rescans to the end for every `[` when the `]` is missing.
 */
function removeDelimited(text: string, open: string, close: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const from = text.indexOf(open, pos);
    if (from < 0) break;
    const to = text.indexOf(close, from + 1);
    if (to < 0) break; // no later run can close either
    out += text.slice(pos, from);
    pos = to + 1;
  }
  return out + text.slice(pos);
}

/** Which cell formats (`cellXfs` by index) show a date; empty when there is no styles part. */
export function readDateStyles(xml: string | null): DateStyles {
  if (!xml) return new Uint8Array(0);
  const custom = new Map<number, string>();
  for (const [attrs] of elements(xml, 'numFmt')) {
    const a = parseAttributes(attrs);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = elements(xml, 'cellXfs').next().value?.[1] ?? '';
  const flags: number[] = [];
  for (const [attrs] of elements(cellXfs, 'xf')) {
    const id = Number(parseAttributes(attrs).numFmtId ?? 0);
    const code = custom.get(id);
    const date = code !== undefined ? formatShowsDate(code) : DATE_FORMAT_IDS.has(id);
    const percent = code !== undefined ? formatShowsPercent(code) : PERCENT_FORMAT_IDS.has(id);
    flags.push(date ? 1 : percent ? 2 : 0);
  }
  return Uint8Array.from(flags);
}
