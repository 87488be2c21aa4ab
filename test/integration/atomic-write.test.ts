// Files the user asked for are whole or untouched: real files, a real process killed mid-write.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAtomicTempName, writeFileAtomic, writeFileAtomicSync } from '../../main/files/atomicWrite.ts';
import { ROOT } from '../helpers/browserMode.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('writeFileAtomic', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('mejora-atomic-')));
  afterEach(() => tmp.cleanup());

  it('writes bytes, replaces an existing file, and leaves no temporary file', async () => {
    const target = path.join(tmp.dir, 'plan.xlsx');
    fs.writeFileSync(target, 'el plan del año pasado');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(target)]).toEqual([1, 2, 3]);
    writeFileAtomicSync(target, 'otro');
    expect(fs.readFileSync(target, 'utf8')).toBe('otro');
    expect(fs.readdirSync(tmp.dir)).toEqual(['plan.xlsx']);
  });

  it('lets a writer function fill the temporary file, beside the target', async () => {
    const target = path.join(tmp.dir, 'copia.sqlite');
    let seen = '';
    await writeFileAtomic(target, (tmpPath) => {
      seen = tmpPath;
      fs.writeFileSync(tmpPath, 'datos');
    });
    expect(path.dirname(seen)).toBe(tmp.dir);
    expect(isAtomicTempName(path.basename(seen))).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('datos');
  });

  it('keeps the previous file when the writer fails half-way', async () => {
    const target = path.join(tmp.dir, 'plan.xlsx');
    fs.writeFileSync(target, 'viejo');
    await expect(
      writeFileAtomic(target, (tmpPath) => {
        fs.writeFileSync(tmpPath, 'a medias');
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fs.readFileSync(target, 'utf8')).toBe('viejo');
    expect(fs.readdirSync(tmp.dir)).toEqual(['plan.xlsx']);
  });

  it('refuses to replace a read-only file', async () => {
    if (process.getuid?.() === 0) return; // root ignores permissions
    const target = path.join(tmp.dir, 'plan.xlsx');
    fs.writeFileSync(target, 'protegido');
    fs.chmodSync(target, 0o444);
    await expect(writeFileAtomic(target, 'nuevo')).rejects.toMatchObject({ code: 'EACCES' });
    expect(fs.readFileSync(target, 'utf8')).toBe('protegido');
  });

  it('leaves the previous file intact when the writing process is killed with SIGKILL', async () => {
    const target = path.join(tmp.dir, 'plan.xlsx');
    const previous = 'PK el plan 2025 que ya se envió al MAP';
    fs.writeFileSync(target, previous);
    const script = `
      import fs from 'node:fs';
      import { writeFileAtomic } from ${JSON.stringify(path.join(ROOT, 'main/files/atomicWrite.ts'))};
      await writeFileAtomic(${JSON.stringify(target)}, async (tmp) => {
        fs.writeFileSync(tmp, Buffer.alloc(1 << 20, 7));
        process.stdout.write('writing\\n');
        await new Promise(() => setInterval(() => {}, 1000));
      });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve());
      child.on('exit', () => reject(new Error('exited early')));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(fs.readFileSync(target, 'utf8')).toBe(previous);
    // Only the hidden temporary file is left over, never a half-written target.
    expect(
      fs
        .readdirSync(tmp.dir)
        .filter((n) => n !== 'plan.xlsx')
        .every(isAtomicTempName),
    ).toBe(true);
  });
});
