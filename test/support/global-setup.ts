import type { TestProject } from 'vitest/node';
import { createTemplate, removeTemplate } from './pglite-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder that test databases are copied from. */
    pgliteTemplate: string;
    /** Where test databases are created; removed after the run. */
    testDataRoot: string;
  }
}

// Runs once before all test files, so each file opens an already-initialised database
// instead of paying PGlite's first start.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = await createTemplate();
  project.provide('pgliteTemplate', run.template);
  project.provide('testDataRoot', run.root);
  return () => removeTemplate(run);
}
