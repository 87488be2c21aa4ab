// Runs `mejora` as a user does: a real process; returns its exit code and output.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './browserMode.ts';

const run = promisify(execFile);

export async function mejora(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = path.join(ROOT, 'bin/mejora.mjs');
  if (input === undefined) {
    try {
      const { stdout, stderr } = await run(process.execPath, [file, ...args], { env: process.env });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [file, ...args], { env: process.env }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}
