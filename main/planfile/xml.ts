// Just enough XML for SpreadsheetML parts: attributes, text with entities, Excel's
// `_xHHHH_` escapes. Element names may carry a namespace prefix (`x:c`), which some
// generators write.

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(raw: string): string {
  if (!raw.includes('&') && !raw.includes('_x')) return raw;
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, ent: string) => {
      if (ent[0] === '#') {
        const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[ent] ?? '';
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The attributes of a start tag's attribute text (`r="A1" t="s"`), by full and by local name. */
export function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const name = m[1]!;
    const value = decodeXmlText(m[2] ?? m[3] ?? '');
    out[name] = value;
    const colon = name.indexOf(':');
    if (colon > 0 && !name.startsWith('xmlns')) {
      const local = name.slice(colon + 1);
      if (!(local in out)) out[local] = value;
    }
  }
  return out;
}

const elementPatterns = new Map<string, RegExp>();

export function* elements(xml: string, name: string): Generator<[string, string]> {
  let pattern = elementPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`, 'g');
    elementPatterns.set(name, pattern);
  }
  // A fresh copy per walk: generators of the same element may be nested or interleaved.
  const re = new RegExp(pattern.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) yield [m[1] ?? '', m[2] ?? ''];
}

/** The text of a string item (`<si>`, `<is>`): every `<t>` run, phonetic runs (`<rPh>`) left out. */
export function stringItemText(inner: string): string {
  const clean = inner.includes('rPh') ? inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/g, '') : inner;
  let text = '';
  for (const [, t] of elements(clean, 't')) text += decodeXmlText(t);
  return text;
}
