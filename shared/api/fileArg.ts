// A file passed through the contract ({fileName, bytes}) whose size check names the file and
// says what to do, in the words of the door it came through (a plain validator message would not).
import { AppError } from '../errors.ts';
import { formatBytes } from '../format.ts';
import { ValidationError, v } from '../validate.ts';
import type { Validator } from '../validate.ts';

export interface NamedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** `tooBig(name, size, max)`: the Spanish message for a file over `maxBytes` (sizes already formatted). */
export function namedFileValidator(maxBytes: number, tooBig: (name: string, size: string, max: string) => string): Validator<NamedFile> {
  const fileName = v.string({ min: 1, max: 260 });
  return {
    parse(x, path = '') {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new ValidationError(path, 'un archivo con nombre y contenido');
      const input = x as Record<string, unknown>;
      for (const key of Object.keys(input)) {
        if (key !== 'fileName' && key !== 'bytes') throw new ValidationError(`${path}.${key}`, 'ningún campo con ese nombre');
      }
      const name = fileName.parse(input.fileName, `${path}.fileName`);
      const bytes = input.bytes;
      if (!(bytes instanceof Uint8Array)) throw new ValidationError(`${path}.bytes`, 'el contenido de un archivo');
      if (bytes.byteLength > maxBytes) {
        throw new AppError('invalid_file', tooBig(name, formatBytes(bytes.byteLength), formatBytes(maxBytes)));
      }
      return { fileName: name, bytes };
    },
  };
}
