// Where the data lives on Windows, and which folders get a warning — pure functions of paths.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacyMovePlan, locationRisk, locationWarning } from '../../main/app/dataLocation.ts';
import { defaultDataDir, legacyDbPath } from '../../main/paths.ts';

const winEnv = {
  APPDATA: 'C:\\Users\\ana\\AppData\\Roaming',
  LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
  OneDrive: 'C:\\Users\\ana\\OneDrive',
};

describe('the data folder', () => {
  it('is under %LOCALAPPDATA% on Windows (Roaming may be a network share), userData elsewhere', () => {
    expect(defaultDataDir(winEnv, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Local\\Mejora');
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Local\\Mejora');
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe(path.join('/home/ana/.config', 'Mejora'));
    expect(legacyDbPath(winEnv, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Mejora\\mejora.sqlite');
    expect(legacyDbPath({}, 'linux', '/home/ana')).toBeNull();
  });

  it('moves an old Roaming file only when the new place has none', () => {
    expect(legacyMovePlan(true, false)).toBe('move');
    expect(legacyMovePlan(true, true)).toBe('keep_new');
    expect(legacyMovePlan(false, false)).toBe('nothing');
  });
});

describe('risky data folders', () => {
  const win = { platform: 'win32' as const, env: winEnv };
  it('warns for a network share, a OneDrive folder or a USB stick', () => {
    expect(locationRisk('\\\\servidor\\planificacion\\Mejora', win)).toBe('network');
    expect(locationRisk('Z:\\Mejora', { ...win, driveKind: 'network' })).toBe('network');
    expect(locationRisk('C:\\Users\\ana\\OneDrive\\Documentos\\Mejora', win)).toBe('onedrive');
    expect(locationRisk('c:\\users\\ana\\onedrive\\Mejora', win)).toBe('onedrive');
    expect(locationRisk('C:\\Users\\ana\\OneDrive - Ayuntamiento de Baní\\Mejora', { ...win, env: {} })).toBe('onedrive');
    expect(locationRisk('E:\\Mejora', { ...win, driveKind: 'removable' })).toBe('removable');
    expect(locationRisk('/media/ana/USB/Mejora', { platform: 'linux', env: {} })).toBe('removable');
  });

  it('does not warn for the usual local folders', () => {
    expect(locationRisk('C:\\Users\\ana\\AppData\\Local\\Mejora', win)).toBeNull();
    expect(locationRisk('C:\\Users\\ana\\OneDriveViejo\\Mejora', win)).toBeNull();
    expect(locationRisk('\\\\?\\C:\\Users\\ana\\Mejora', win)).toBeNull(); // a long local path, not a share
    expect(locationRisk('/home/ana/.config/Mejora', { platform: 'linux', env: {} })).toBeNull();
  });

  it('says in Spanish what can happen and points to "Guardar una copia en…"', () => {
    for (const [dir, facts] of [
      ['\\\\servidor\\datos', win],
      ['C:\\Users\\ana\\OneDrive\\Mejora', win],
      ['E:\\Mejora', { ...win, driveKind: 'removable' as const }],
    ] as const) {
      const m = locationWarning(dir, facts)!;
      expect(m).toMatch(/puede dañarse|copias en conflicto/);
      expect(m).toContain('«Guardar una copia en…»');
    }
    expect(locationWarning('C:\\Users\\ana\\AppData\\Local\\Mejora', win)).toBeNull();
  });
});
