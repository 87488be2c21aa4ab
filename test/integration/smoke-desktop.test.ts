// `npm run smoke:desktop` on a machine without the Electron binary (like these build machines):
// one line that says nothing was checked, exit 0; never a claimed pass.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir.ts';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/smoke-desktop.ts');

describe('npm run smoke:desktop', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('says in one line that nothing was checked when there is no Electron binary, and exits 0', () => {
    // An Electron folder without the binary: the same answer on a machine that has one in node_modules.
    const run = spawnSync(process.execPath, [script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tmp.dir },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^Prueba de escritorio omitida: .*no se comprobó nada\.$/)]);
    expect(run.stdout).not.toMatch(/superada/);
  });

  it('fails, in Spanish, when the packaged app it is asked to start does not exist', () => {
    const run = spawnSync(process.execPath, [script, '--app', path.join(tmp.dir, 'Mejora.exe')], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no existe la aplicación empaquetada/);
  });

  it('is the npm script the README and the release workflow name', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string> };
    expect(pkg.scripts['smoke:desktop']).toBe('node scripts/smoke-desktop.ts');
  });
});
