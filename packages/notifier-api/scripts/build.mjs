// Two tsc runs, one per module format, so CommonJS (`require`) and ES module (`import`) consumers each
// get files in their own format; the `exports` map in package.json picks one. The esm folder gets its
// own package.json so Node reads its .js files as ES modules.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('dist', { recursive: true, force: true });
for (const project of ['tsconfig.build.json', 'tsconfig.esm.json']) {
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  } catch {
    process.exit(1); // tsc printed the errors
  }
}
mkdirSync('dist/esm', { recursive: true });
writeFileSync('dist/esm/package.json', '{ "type": "module" }\n');
