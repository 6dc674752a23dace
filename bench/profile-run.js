// A command of the unbundled build (build/cli/bin.js, one file per source module, which `npm run build` writes beside the package's dist/)
// under the bin's own V8 flags and young-generation growth, for profiles that
// name each sample's source file (`bench/stages.js` reads them).
// Usage: node --cpu-prof --cpu-prof-dir=DIR bench/profile-run.js run CASES …
import { createRequire } from 'node:module';

const { setFlags } = createRequire(import.meta.url)('../bin/v8-flags.js');
const { run } = await import('../build/cli/bin.js');
await run(setFlags);
