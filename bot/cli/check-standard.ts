import { readFileSync } from 'node:fs';
import { runCheckStandard } from './check-standard-command.js';

// `npm run check-standard -- FIL [--parametre FIL]`: Danish problems on stderr, exit 1 when any.
const result = runCheckStandard(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
