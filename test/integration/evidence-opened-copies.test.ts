// "Abrir" an evidence file writes a copy under its own name for the system's program. Those
// copies (the municipality's actas and photos) must not pile up in the temporary folder: the
// old ones go when Mejora closes and when it starts again; a recent one (maybe still on screen)
// stays until it is old.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { OPENED_COPY_MAX_AGE_MS, openedCopiesRoot } from '../../main/evidence/openedCopies.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { tempDir } from '../helpers/tempDir.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Makes the folder of an opened copy look `ms` old. */
function age(file: string, ms: number): void {
  const when = new Date(Date.now() - ms);
  fs.utimesSync(path.dirname(file), when, when);
}

describe('copies of evidence opened with the system program', () => {
  let tmp: ReturnType<typeof tempDir>;
  let savedTmpdir: string | undefined;
  beforeEach(() => {
    tmp = tempDir();
    savedTmpdir = process.env.TMPDIR;
    // The system's temporary folder, for this test only (os.tmpdir() reads TMPDIR).
    process.env.TMPDIR = path.join(tmp.dir, 'temporal');
    fs.mkdirSync(process.env.TMPDIR);
  });
  afterEach(() => {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
    tmp.cleanup();
  });

  it('are written under the original name, and removed once old on close and on the next start', async () => {
    const dbPath = path.join(tmp.dir, 'datos.sqlite');
    let backend = openBackend(dbPath);
    const { api } = backend;
    const { id: planId } = await api.createPlan({ institution: 'Ayuntamiento de Vallejuelo', periodFrom: 2026, periodTo: 2026 });
    const { id: actionId } = await api.addAction({ planId, fields: { ...emptyActionFields(), action: 'Reuniones con la comunidad' } });
    const { evidence } = await api.addEvidence({ actionId, files: [{ fileName: 'Acta de la reunión.pdf', bytes: PDF }] });
    const evidenceId = evidence[0]!.id;

    const first = (await api.evidenceOpenPath({ evidenceId })).path;
    const second = (await api.evidenceOpenPath({ evidenceId })).path;
    expect(path.basename(first)).toBe('Acta de la reunión.pdf');
    expect(first.startsWith(openedCopiesRoot() + path.sep)).toBe(true);
    expect(second).not.toBe(first);
    expect(fs.readFileSync(first)).toEqual(Buffer.from(PDF));

    // Closing removes the copy opened long ago, keeps the one opened a moment ago.
    age(first, OPENED_COPY_MAX_AGE_MS + 60_000);
    backend.close();
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.existsSync(path.dirname(first))).toBe(false);
    expect(fs.existsSync(second)).toBe(true);

    // Next start: the one left behind is old now, and goes.
    age(second, OPENED_COPY_MAX_AGE_MS + 60_000);
    backend = openBackend(dbPath);
    expect(fs.existsSync(second)).toBe(false);
    expect(fs.readdirSync(openedCopiesRoot())).toEqual([]);
    // The evidence itself is untouched and opens again.
    expect(fs.existsSync((await backend.api.evidenceOpenPath({ evidenceId })).path)).toBe(true);
    backend.close();
  });
});
