// A column's dictionary as the UTF-8 bytes of its JSON array, written straight into one
// buffer. JSON.stringify of a 240,000-timestamp dictionary makes a 5 MB string that
// better-sqlite3 then copies into UTF-8 before SQLite copies it again: three copies alive at
// the moment a large import peaks. These bytes are bound with `CAST(? AS TEXT)`, so the
// stored value is the same text JSON.stringify would have given (the tests compare them).

/** JSON.stringify(dict), as UTF-8 bytes. */
export function dictJsonBytes(dict: readonly string[]): Buffer {
  // Room for the usual case (ASCII or a few accents, little to escape) at once: growing by
  // doubling would hold two large buffers while copying.
  let chars = 2;
  for (const s of dict) chars += s.length + 3;
  let buf = Buffer.allocUnsafe(Math.ceil(chars * 1.1) + 16);
  let at = 0;
  buf[at++] = 0x5b; // [
  for (let i = 0; i < dict.length; i++) {
    const s = dict[i]!;
    // One small string per value, gone at the next scavenge; escapes as JSON.stringify does
    // (quotes, backslashes, control characters, lone surrogates).
    const json = JSON.stringify(s);
    const worst = json.length * 3 + 1;
    if (at + worst > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, at + worst));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    if (i > 0) buf[at++] = 0x2c; // ,
    at += buf.write(json, at, 'utf8');
  }
  buf[at++] = 0x5d; // ]
  return buf.subarray(0, at);
}
