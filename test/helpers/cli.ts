// The `mejora` command as a user runs it: a real process (Node 22, bin/mejora.mjs).
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './browserMode.ts';

const run = promisify(execFile);

export async function mejora(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export function spawnMejora(args: string[]): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs `mejora` with `input` on its standard input (a paste piped in, a file read from "-"). */
export function mejoraWithInput(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args], { env: process.env }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}
