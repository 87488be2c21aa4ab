// Just enough XML for the small SpreadsheetML parts (workbook, relationships, styles) and
// for one shared string or cell at a time: attributes, text with entities, Excel's
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
  // A hand-written scan, linear in the text: a regex over a start tag that is a whole part
  // long (`<row aaaa…`, an unclosed quote) would retry from every character.
  const out: Record<string, string> = {};
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isNameChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < n && isNameChar(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i);
    let j = skipSpace(text, i);
    if (text[j] !== '=') continue;
    j = skipSpace(text, j + 1);
    const quote = text[j];
    if (quote !== '"' && quote !== "'") {
      i = j;
      continue;
    }
    const close = text.indexOf(quote, j + 1);
    if (close < 0) break; // no later attribute can have a closed value either
    const value = decodeXmlText(text.slice(j + 1, close));
    out[name] = value;
    const colon = name.indexOf(':');
    if (colon > 0 && !name.startsWith('xmlns')) {
      const local = name.slice(colon + 1);
      if (!(local in out)) out[local] = value;
    }
    i = close + 1;
  }
  return out;
}

/** `[\w:.-]` */
export function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;
}

/** XML whitespace, plus what `\s` also accepts in a regex. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 12 ||
    c === 11 ||
    c === 0xa0 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

interface ElementSpan {
  /** Index of the `<` of the start tag. */
  start: number;
  /** Index just past the end tag (or past `/>`). */
  end: number;
  attrs: string;
  inner: string;
}

/**
 * The `name` elements of `xml` (any namespace prefix), in order, without nesting (true of the
 * SpreadsheetML elements read here). Linear in the text: each search goes forward with
 * `indexOf`, and a start tag that is never closed ends the walk, since no later one could
 * close either (a regex would rescan to the end of the text for every unclosed start tag).
 */
function* elementSpans(xml: string, name: string): Generator<ElementSpan> {
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return;
    // The tag's qualified name: `name` or `prefix:name`.
    let q = lt + 1;
    while (q < xml.length && isNameChar(xml.charCodeAt(q))) q++;
    const qname = xml.slice(lt + 1, q);
    const colon = qname.lastIndexOf(':');
    const local = colon >= 0 ? qname.slice(colon + 1) : qname;
    if (local !== name || (q < xml.length && !isSpace(xml.charCodeAt(q)) && xml[q] !== '>' && xml[q] !== '/')) {
      pos = Math.max(q, lt + 1);
      continue;
    }
    const gt = xml.indexOf('>', q);
    if (gt < 0) return; // an unfinished start tag: nothing after it is an element
    if (xml[gt - 1] === '/' && gt - 1 >= q) {
      yield { start: lt, end: gt + 1, attrs: xml.slice(q, gt - 1), inner: '' };
      pos = gt + 1;
      continue;
    }
    const close = findEndTag(xml, qname, gt + 1);
    if (!close) return;
    yield { start: lt, end: close.end, attrs: xml.slice(q, gt), inner: xml.slice(gt + 1, close.start) };
    pos = close.end;
  }
}

/** `</qname>` (spaces allowed before `>`) at or after `from`. */
function findEndTag(xml: string, qname: string, from: number): { start: number; end: number } | null {
  const needle = '</' + qname;
  let at = xml.indexOf(needle, from);
  while (at >= 0) {
    const after = skipSpace(xml, at + needle.length);
    if (xml[after] === '>') return { start: at, end: after + 1 };
    at = xml.indexOf(needle, at + needle.length);
  }
  return null;
}

/** [attribute text, inner text] of each `name` element of `xml`. */
export function* elements(xml: string, name: string): Generator<[string, string]> {
  for (const span of elementSpans(xml, name)) yield [span.attrs, span.inner];
}

/** The text of a string item (`<si>`, `<is>`): every `<t>` run, phonetic runs (`<rPh>`) left out. */
export function stringItemText(inner: string): string {
  // One forward walk over the tags (no generator, no array per run): an item of a million
  // one-letter runs costs its length, not a million objects.
  const n = inner.length;
  const parts: string[] = [];
  let pos = 0;
  for (;;) {
    const lt = inner.indexOf('<', pos);
    if (lt < 0 || lt + 1 >= n) break;
    const closing = inner.charCodeAt(lt + 1) === 47;
    let q = lt + (closing ? 2 : 1);
    const nameStart = q;
    while (q < n && isNameChar(inner.charCodeAt(q))) q++;
    const gt = inner.indexOf('>', q);
    if (gt < 0) break; // an unfinished tag: nothing after it is a run
    pos = gt + 1;
    if (closing || inner.charCodeAt(gt - 1) === 47) continue;
    let local = nameStart;
    for (let k = nameStart; k < q; k++) if (inner.charCodeAt(k) === 58) local = k + 1;
    const len = q - local;
    if (len === 1 && inner.charCodeAt(local) === 116 /* t */) {
      const end = inner.indexOf('<', pos);
      if (end < 0) break;
      // Only a real end tag closes the run (`</t>`, `</x:t>`); the text holds no '<'.
      parts.push(decodeXmlText(inner.slice(pos, end)));
      pos = end;
    } else if (len === 3 && inner.startsWith('rPh', local)) {
      // A phonetic run (furigana): its text is not the cell's. Skip to its end tag.
      const end = findEndTag(inner, inner.slice(nameStart, q), pos);
      if (!end) break;
      pos = end.end;
    }
  }
  return parts.length === 1 ? parts[0]! : parts.join('');
}
