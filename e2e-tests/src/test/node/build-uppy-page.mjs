// Bundles uppy-page/ for the browser (Uppy's packages are ES modules for bundlers): node build-uppy-page.mjs <outdir>
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const outdir = process.argv[2];
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ['uppy-page/uppy-page.js'],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  outdir,
  logLevel: 'warning',
});
copyFileSync('uppy-page/index.html', join(outdir, 'index.html'));
console.log(JSON.stringify({ outdir }));
