import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAppPackage } from '../app-package/build.js';
import { PackageConfigError, packageValuesFrom } from '../app-package/values.js';

/** `npm run package`: appPackage/build/familiestotte.zip with the ids from the environment. */
try {
  const values = packageValuesFrom(process.env);
  const outDir = fileURLToPath(new URL('../../appPackage/build/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  const target = `${outDir}familiestotte.zip`;
  writeFileSync(target, buildAppPackage(values));
  console.log(`${target} (Teams app id ${values.TEAMS_APP_ID}, bot id ${values.MicrosoftAppId})`);
} catch (error) {
  if (!(error instanceof PackageConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
