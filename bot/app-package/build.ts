import { readFileSync } from 'node:fs';
import AdmZip from 'adm-zip';
import type { PackageValues } from './values.js';

export const APP_PACKAGE_DIR = new URL('../../appPackage/', import.meta.url);
const FILES = ['manifest.json', 'en.json', 'color.png', 'outline.png'] as const;

/** Replaces each ${{NAME}} placeholder; a placeholder left without a value is an error, not a blank. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`appPackage: no value for placeholder ${name}`);
    // The value lands inside a JSON string.
    return JSON.stringify(value).slice(1, -1);
  });
}

export function filledManifest(values: PackageValues): Record<string, unknown> {
  const template = readFileSync(new URL('manifest.json', APP_PACKAGE_DIR), 'utf8');
  return JSON.parse(fillPlaceholders(template, values)) as Record<string, unknown>;
}

/** The zip Teams accepts: the filled manifest, the localization file and both icons at the root. */
export function buildAppPackage(values: PackageValues): Buffer {
  const zip = new AdmZip();
  for (const name of FILES) {
    const content = readFileSync(new URL(name, APP_PACKAGE_DIR));
    if (name === 'manifest.json') {
      zip.addFile(name, Buffer.from(`${JSON.stringify(filledManifest(values), null, 2)}\n`, 'utf8'));
    } else {
      zip.addFile(name, content);
    }
  }
  return zip.toBuffer();
}
