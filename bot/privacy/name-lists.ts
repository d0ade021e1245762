import { readFileSync } from 'node:fs';

/**
 * The shipped lists (lists/README.md says where they come from), read once on first use and kept
 * lower-cased for lookup. Synchronous because every check that uses them is: the files are small
 * and beside the module, in the source tree and in dist/ alike.
 */

export interface NameLists {
  /** Listed first names and surnames, lower-cased. */
  readonly names: ReadonlySet<string>;
  /** Listed towns and places, lower-cased; some hold a space ("hvide sande"). */
  readonly places: ReadonlySet<string>;
  /** Listed names and places that are also ordinary Danish words, lower-cased. */
  readonly alsoWords: ReadonlySet<string>;
}

function read(file: string): string[] {
  return readFileSync(new URL(`./lists/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().normalize('NFC').toLocaleLowerCase('da'))
    .filter((line) => line !== '');
}

let lists: NameLists | undefined;

export function nameLists(): NameLists {
  lists ??= {
    names: new Set([...read('first-names.txt'), ...read('surnames.txt')]),
    places: new Set(read('towns.txt')),
    alsoWords: new Set(read('also-words.txt')),
  };
  return lists;
}
