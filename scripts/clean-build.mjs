// The build starts from empty output folders: a module moved or removed in
// src/ must not leave its old output behind for `npm pack` to ship.
// Usage: node scripts/clean-build.mjs   (the first step of `npm run build`)
import { rmSync } from 'node:fs';

for (const folder of ['build', 'dist']) rmSync(folder, { recursive: true, force: true });
