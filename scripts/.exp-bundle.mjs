import { join } from 'node:path';
import { build } from 'esbuild';
const outDir = process.argv[2];
const vendors = (process.argv[3] ?? '').split(',').filter(Boolean);
const plugin = {
  name: 'vendor',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (vendors.includes(args.path)) return { path: `./vendor/${args.path}.cjs`, external: true };
      return undefined;
    });
  },
};
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', legalComments: 'none', minifyWhitespace: true, minifySyntax: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/bin.ts'], outfile: join(outDir, 'parity.cjs'), define: { PARITY_VERSION: '"0.1.0"' }, external: ['@readme/openapi-parser', 'fast-check', 'pure-rand', 'pure-rand/*'], plugins: [plugin] });
for (const v of vendors) await build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(v)});`, resolveDir: process.cwd() }, outfile: join(outDir, 'vendor', `${v}.cjs`) });
