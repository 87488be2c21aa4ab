// A copy too big for its target is refused before writing, with the size.
import { describe, expect, it } from 'vitest';
import { copyDoesNotFit, FAT32_MAX_FILE_BYTES } from '../../main/backup/copyFile.ts';
import { isYes } from '../../main/cli/confirm.ts';

describe('copy size against the target volume', () => {
  it('refuses more than 4 GB on FAT32, naming the size and what to do', () => {
    const m = copyDoesNotFit(4.5 * 1024 ** 3, { fsType: 0x4d44, freeBytes: 30 * 1024 ** 3 });
    expect(m).toMatch(/ocupa 4.5 GB/);
    expect(m).toMatch(/FAT32.*4 GB.*exFAT o NTFS/);
    expect(copyDoesNotFit(FAT32_MAX_FILE_BYTES, { fsType: 0x4d44 })).toBeNull();
    expect(copyDoesNotFit(4.5 * 1024 ** 3, { fsType: 0xef53, freeBytes: 30 * 1024 ** 3 })).toBeNull(); // ext4
  });

  it('refuses a copy larger than the free space', () => {
    expect(copyDoesNotFit(300 * 1024 ** 2, { freeBytes: 100 * 1024 ** 2 })).toMatch(/ocupa 300 MB.*quedan 100 MB libres/);
    expect(copyDoesNotFit(1024, {})).toBeNull();
  });
});

describe('CLI confirmation answers', () => {
  it('only an explicit yes confirms', () => {
    for (const a of ['s', 'S', 'si', 'Sí', 'y', 'yes', ' s ']) expect(isYes(a), a).toBe(true);
    for (const a of ['', 'n', 'no', 'quizás', 'sss']) expect(isYes(a), a).toBe(false);
  });
});
