#!/usr/bin/env node
// The package bin: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
import { run } from '../dist/bin.js';

await run();
