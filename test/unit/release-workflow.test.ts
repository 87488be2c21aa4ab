// The release workflow cannot run here (no Windows, no Electron binary): this reads it and checks
// that it does what the README promises, with the names package.json and electron-builder.yml use.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const workflow = YAML.parse(fs.readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8'));
const builder = YAML.parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}
const job = workflow.jobs.windows as { 'runs-on': string; steps: Step[] };
const runs = job.steps.map((s) => s.run ?? '');
const indexOf = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));

/** electron-builder's ${version}/${arch}/${ext} macros, as it expands them. */
const expand = (name: string, ext: string) =>
  name
    .replace(/\$\{version\}/, pkg.version)
    .replace(/\$\{arch\}/, 'x64')
    .replace(/\$\{ext\}/, ext);

describe('.github/workflows/release.yml', () => {
  it('runs on a Windows runner, on a version tag or by hand', () => {
    expect(job['runs-on']).toMatch(/^windows-/);
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('uses the Node major the project pins', () => {
    const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe(pkg.devDependencies.node.split('.')[0]);
  });

  it('installs, tests, builds, checks the packaged app, then uploads, in that order', () => {
    const install = indexOf(/^npm ci\b/);
    const typecheck = indexOf(/^npm run typecheck$/);
    const tests = indexOf(/^npx vitest run\b/);
    const dist = indexOf(/^npm run dist -- --win\b/);
    const smoke = indexOf(/^npm run smoke:desktop -- --app release\/win-unpacked\/Mejora\.exe$/);
    const upload = job.steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
    for (const i of [install, typecheck, tests, dist, smoke, upload]) expect(i).toBeGreaterThanOrEqual(0);
    expect([install, typecheck, tests, dist, smoke, upload]).toEqual(
      [...[install, typecheck, tests, dist, smoke, upload]].sort((a, b) => a - b),
    );
    expect(runs[tests]).toContain('--project unit');
    expect(runs[tests]).toContain('--project integration');
    expect(runs[dist]).toContain('--publish never');
  });

  it('calls only npm scripts that exist', () => {
    for (const run of runs) {
      for (const [, script] of run.matchAll(/npm run ([\w:-]+)/g)) expect(pkg.scripts, script).toHaveProperty(script!);
    }
    expect(pkg.scripts['smoke:desktop']).toBe('node scripts/smoke-desktop.ts');
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.yml/);
  });

  it('builds the per-user installer and a zip, never "portable"', () => {
    const targets = builder.win.target.map((t: { target: string }) => t.target);
    expect(targets).toEqual(['nsis', 'zip']);
    expect(builder.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(JSON.stringify(builder)).not.toMatch(/portable/);
  });

  it('uploads exactly the files electron-builder names, and fails when one is missing', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with?.['if-no-files-found']).toBe('error');
    const globs = String(upload.with?.path)
      .trim()
      .split('\n')
      .map((g) => g.trim());
    const installer = path.posix.join(builder.directories.output, expand(builder.nsis.artifactName, 'exe'));
    const zip = path.posix.join(builder.directories.output, expand(builder.win.artifactName, 'zip'));
    expect(installer).toBe(`release/Mejora-Setup-${pkg.version}.exe`);
    expect(zip).toBe(`release/Mejora-${pkg.version}-win-x64.zip`);
    expect(globs.some((g) => path.matchesGlob(installer, g))).toBe(true);
    expect(globs.some((g) => path.matchesGlob(zip, g))).toBe(true);
    // The unpacked folder the smoke step starts is electron-builder's win-unpacked, named after productName.
    expect(builder.productName).toBe('Mejora');
  });
});
