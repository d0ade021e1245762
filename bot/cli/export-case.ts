import { runExportCaseCommand } from './lifecycle-commands.js';
import { openOperatorDatabase } from './operator-database.js';

// The command's only output: JSON on stdout, or a Danish message on stderr.
const result = await runExportCaseCommand(process.argv.slice(2), { open: () => openOperatorDatabase(process.env), env: process.env, now: () => new Date() });
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
