// Where the CLI writes a report: through the one atomic writer (temp file beside the target,
// fsync, rename), so a failed write never leaves half a PDF where the last one was.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../files/atomicWrite.ts';
import { describeSaveError } from '../files/fileErrors.ts';

/** Writes a report for the CLI; a failure becomes a Spanish message that says what to do. */
export async function writeReportFile(target: string, data: Uint8Array): Promise<string> {
  const resolved = path.resolve(target);
  try {
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    await writeFileAtomic(resolved, data);
  } catch (err) {
    throw new AppError('io_error', describeSaveError(err, resolved));
  }
  return resolved;
}
