// The files beside a data file DIR/NAME.sqlite (agreed between helpers): backups in
// DIR/NAME.copias/, evidence files in DIR/NAME.evidencias/ — so two data files in one folder
// never mix their copies.
import path from 'node:path';

function stem(dbPath: string): string {
  const base = path.basename(dbPath);
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(dbPath), `${stem(dbPath)}.copias`);
}

export function evidenceDirFor(dbPath: string): string {
  return path.join(path.dirname(dbPath), `${stem(dbPath)}.evidencias`);
}
