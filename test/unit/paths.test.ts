import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, resolveDbPath } from '../../main/paths.ts';

describe('where the data file lives', () => {
  it('uses the same folder Electron calls userData', () => {
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Mejora',
    );
    expect(defaultUserDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Mejora');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ana')).toBe('/x/Mejora');
    expect(defaultUserDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Mejora');
  });

  it('--db wins over MEJORA_DB, which wins over the default', () => {
    expect(resolveDbPath({ flag: '/a/b.sqlite', env: { MEJORA_DB: '/c/d.sqlite' } })).toBe('/a/b.sqlite');
    expect(resolveDbPath({ env: { MEJORA_DB: '/c/d.sqlite' } })).toBe('/c/d.sqlite');
    expect(resolveDbPath({ env: {}, dataDir: '/u' })).toBe('/u/mejora.sqlite');
  });
});
