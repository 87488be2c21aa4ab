// "Abrir" on an evidence file in the desktop app: the path comes from the backend, never from
// the page; a refused or runnable file is never handed to the system.
import { describe, expect, it } from 'vitest';
import type { WireResponse } from '../../shared/api/wire.ts';
import { isRunnable, openEvidence } from '../../main/electron/openEvidence.ts';

function deps(answer: WireResponse, openResult = '') {
  const calls: { method: string; args: unknown }[] = [];
  const opened: string[] = [];
  return {
    calls,
    opened,
    deps: {
      dispatch: async (method: string, args: unknown) => (calls.push({ method, args }), answer),
      openPath: async (file: string) => (opened.push(file), openResult),
    },
  };
}

describe('opening evidence from the desktop app', () => {
  it('asks the backend for the verified copy and opens that path', async () => {
    const d = deps({ ok: true, result: { path: '/tmp/mejora-evidencias/acta.pdf', fileName: 'acta.pdf' } });
    await expect(openEvidence({ evidenceId: 7 }, d.deps)).resolves.toEqual({ ok: true, result: { opened: true } });
    expect(d.calls).toEqual([{ method: 'evidenceOpenPath', args: { evidenceId: 7 } }]);
    expect(d.opened).toEqual(['/tmp/mejora-evidencias/acta.pdf']);
  });

  it('refuses a request that is not an evidence id (the page cannot name a path)', async () => {
    const d = deps({ ok: true, result: { path: '/etc/passwd', fileName: 'x' } });
    const res = await openEvidence({ path: '/etc/passwd' }, d.deps);
    expect(res.ok).toBe(false);
    expect(d.calls).toEqual([]);
    expect(d.opened).toEqual([]);
  });

  it('passes on the backend refusal (unknown or damaged evidence) without opening anything', async () => {
    const refusal: WireResponse = { ok: false, error: { code: 'not_found', message: 'No existe la evidencia 9.' } };
    const d = deps(refusal);
    await expect(openEvidence({ evidenceId: 9 }, d.deps)).resolves.toEqual(refusal);
    expect(d.opened).toEqual([]);
  });

  it('never opens a type that runs code', async () => {
    for (const name of ['informe.exe', 'x.BAT', 'a.js', 'b.vbs', 'c.ps1', 'd.lnk', 'e.html', 'f.cmd']) {
      expect(isRunnable(name)).toBe(true);
      const d = deps({ ok: true, result: { path: `/tmp/${name}`, fileName: name } });
      const res = await openEvidence({ evidenceId: 1 }, d.deps);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toContain(name);
      expect(d.opened).toEqual([]);
    }
    for (const name of ['acta.pdf', 'foto.JPG', 'lista.xlsx', 'informe.docx']) expect(isRunnable(name)).toBe(false);
  });

  it('says in Spanish when the system has no program for the file', async () => {
    const d = deps({ ok: true, result: { path: '/tmp/foto.heic', fileName: 'foto.heic' } }, 'No application');
    const res = await openEvidence({ evidenceId: 2 }, d.deps);
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringContaining('«foto.heic»') } });
  });
});
