import { runAssess } from './assess-command.js';

// The command's only output: the decision on stdout, or a Danish message on stderr.
const result = runAssess(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
