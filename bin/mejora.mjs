#!/usr/bin/env node
// The `mejora` command. The backend is TypeScript run directly by Node 22's type stripping,
// so nothing has to be compiled before the CLI works.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Mejora necesita Node 22.18 o posterior y se está ejecutando con Node ${process.versions.node}. ` +
      'Use "npx mejora …" o "npm start" dentro de la carpeta del proyecto: así se usa el Node que trae el proyecto.',
  );
  process.exit(1);
}
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
