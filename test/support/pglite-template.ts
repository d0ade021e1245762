import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../bot/storage/database.js';
import { migrate } from '../../bot/storage/migrate.js';

/**
 * PGlite's first start in an empty folder runs initdb, which takes seconds. The test run pays
 * that once: a migrated template folder is made here, and each test database is a copy of it.
 */
export interface TemplateRun {
  /** Everything the run creates lives under here and is removed at the end. */
  root: string;
  template: string;
}

export async function createTemplate(): Promise<TemplateRun> {
  const root = await mkdtemp(join(tmpdir(), 'familiestotte-test-'));
  const template = join(root, 'template');
  const db = await openDatabase({ dataDir: template });
  try {
    await migrate(db);
  } finally {
    // Closed before anyone copies it, so the copy is a consistent, cleanly shut down cluster.
    await db.close();
  }
  return { root, template };
}

export async function removeTemplate(run: TemplateRun): Promise<void> {
  await rm(run.root, { recursive: true, force: true });
}
