// The shape of the house as a check: which room may import which. Specifiers are read from the
// source with TypeScript's parser (static imports and re-exports, `import type`, dynamic
// `import(...)`, `require(...)`, `typeof import(...)` in types; the <script> blocks of .svelte files),
// so the rules hold for the code as written, not as bundled.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  text: string;
}

export interface ImportRef {
  /** The module specifier, or null for a dynamic import whose specifier is computed. */
  specifier: string | null;
  line: number;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

/** npm packages the renderer may import (it runs in the browser: everything else goes through the contract). */
export const RENDERER_PACKAGES = ['svelte', '@fontsource-variable/inter'];

/** Rooms of main/ that stand above the API layer and may call it: transports, the CLI, the app wiring. */
export const API_CALLERS = ['main/api/', 'main/app/', 'main/cli/', 'main/http/', 'main/electron/'];

/** The folders the rules apply to. */
export const CHECKED_ROOTS = ['main', 'shared', 'renderer/src'];

const SOURCE_EXT = /\.(ts|mts|cts|js|mjs|cjs|svelte)$/;
const NODE_BUILTINS = new Set(builtinModules);

export function importSpecifiers(file: string, text: string): ImportRef[] {
  if (file.endsWith('.svelte')) {
    const refs: ImportRef[] = [];
    for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
      const before = text.slice(0, m.index + m[0].indexOf('>') + 1).split('\n').length - 1;
      for (const ref of importSpecifiers(`${file}.ts`, m[1]!)) refs.push({ ...ref, line: ref.line + before });
    }
    return refs;
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const refs: ImportRef[] = [];
  const add = (node: ts.Node, specifier: ts.Node | undefined) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    refs.push({ specifier: specifier && ts.isStringLiteralLike(specifier) ? specifier.text : null, line });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      add(node, node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || (isRequire && node.arguments.length === 1)) add(node, node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

type Target = { kind: 'repo'; path: string } | { kind: 'node'; name: string } | { kind: 'package'; name: string };

function resolve(file: string, specifier: string): Target {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    return { kind: 'repo', path: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) };
  }
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!)) return { kind: 'node', name: specifier };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

const inRoom = (p: string, room: string) => p === room.replace(/\/$/, '') || p.startsWith(room);

/** Every import that breaks a rule of the house. */
export function checkShape(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const f = file.path;
    for (const ref of importSpecifiers(f, file.text)) {
      const report = (rule: string) => out.push({ file: f, line: ref.line, specifier: ref.specifier ?? '(computed)', rule });
      if (ref.specifier === null) {
        report('a dynamic import with a computed specifier cannot be checked: name the module');
        continue;
      }
      const target = resolve(f, ref.specifier);
      const pkg = target.kind === 'package' ? target.name : null;

      if (pkg === 'electron' && !inRoom(f, 'main/electron/')) report('only main/electron/ imports electron');

      if (inRoom(f, 'renderer/')) {
        if (target.kind === 'repo' && !inRoom(target.path, 'renderer/') && !inRoom(target.path, 'shared/')) {
          report('renderer/ imports only shared/ (the backend is reached through the contract)');
        } else if (target.kind === 'node') report('renderer/ runs in the browser: no node: modules');
        else if (pkg && pkg !== 'electron' && !RENDERER_PACKAGES.includes(pkg)) {
          report(`renderer/ imports only the npm packages it is allowed (${RENDERER_PACKAGES.join(', ')})`);
        }
      }

      if (inRoom(f, 'shared/')) {
        if (target.kind === 'repo' && (inRoom(target.path, 'main/') || inRoom(target.path, 'renderer/'))) {
          report('shared/ imports nothing from main/ or renderer/');
        } else if (target.kind === 'node') report('shared/ imports no node: modules (it runs in the browser too)');
      }

      if (inRoom(f, 'main/') && target.kind === 'repo') {
        if (inRoom(target.path, 'renderer/')) report('main/ never imports renderer/');
        if (inRoom(target.path, 'main/api/') && !API_CALLERS.some((room) => inRoom(f, room))) {
          report('rooms below the API layer (stores, readers, writers, surveys…) never import main/api/');
        }
      }
    }
    if (inRoom(f, 'main/api/')) {
      file.text.split('\n').forEach((text, i) => {
        if (SQL.test(text)) out.push({ file: f, line: i + 1, specifier: '(SQL)', rule: 'main/api/ holds no SQL: the stores below it do' });
      });
    }
  }
  return out;
}

/** A statement run on the database, or SQL text: what the API layer leaves to the stores. */
const SQL = /\.(prepare|exec|pragma|transaction)\(|\b(SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/;

/** The source files under the checked roots of a tree on disk. */
export function readTree(root: string, roots: readonly string[] = CHECKED_ROOTS): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(child);
      } else if (SOURCE_EXT.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push({ path: child, text: fs.readFileSync(path.join(root, child), 'utf8') });
      }
    }
  };
  for (const r of roots) walk(r);
  return files;
}
