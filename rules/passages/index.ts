import { BARNETS_LOV_PASSAGES } from './barnets-lov.js';
import { MODEL_PASSAGES } from './model.js';
import type { Passage, PassageSource } from './passage.js';
import { SERVICESTANDARD_PASSAGES } from './servicestandard.js';

export type { Passage, PassageSource } from './passage.js';
export { PASSAGE_SOURCES } from './passage.js';

/** Every passage: the service standard, then the model, each in printed order, then the provisions of Barnets lov they rest on. */
export const PASSAGES = [...SERVICESTANDARD_PASSAGES, ...MODEL_PASSAGES, ...BARNETS_LOV_PASSAGES] as const satisfies readonly Passage[];

/** The ids that exist, as a type, so a citation written in code is checked by the compiler. */
export type KnownPassageId = (typeof PASSAGES)[number]['id'];

const BY_ID: ReadonlyMap<string, Passage> = new Map(PASSAGES.map((p) => [p.id, p]));

export function passageById(id: string): Passage | undefined {
  return BY_ID.get(id);
}

export function isPassageId(id: string): id is KnownPassageId {
  return BY_ID.has(id);
}

export function passagesOf(source: PassageSource): readonly Passage[] {
  return PASSAGES.filter((p) => p.source === source);
}

export interface SourceInfo {
  /** The document's own Danish title. */
  readonly title: string;
  /** Short English description for docs and the English UI. */
  readonly description: string;
  /** The seed file the passages were taken from, relative to the shared seeds folder. */
  readonly seedFile: string;
}

export const SOURCES: Readonly<Record<PassageSource, SourceInfo>> = {
  servicestandard: {
    title: 'Servicestandard for praktisk pædagogisk støtte i hjemmet',
    description:
      'A municipal service standard for special support in the home (SEL § 52, stk. 3, nr. 2; now Barnets lov § 32, stk. 1, nr. 2) at three levels: ' +
      'practical pedagogical support, intensive and compensatory. The document is a draft with tracked changes ' +
      '(red = proposed added, struck through = proposed deleted); the colours were lost when the text was extracted, ' +
      'so level 1 ("Ad. 1") and its variants 1A and 1B read side by side as alternatives, and 1B keeps a half-edited ' +
      'sentence ("I særlige tilfælde Der kan ..."). The passages keep the words as printed; which wording a municipality ' +
      'adopts is a parameter of its own standard, not an edit of the text.',
    seedFile: 'servicestandard-praktisk-paedagogisk-stoette.txt',
  },
  model: {
    title: 'Model for kommunal hjemmepædagogisk indsats',
    description:
      'The national model (from the "1.000-dages-programmet") for preventive pedagogical guidance in the home by daycare ' +
      'pedagogues, for children aged 0-24 months or from late pregnancy: target group, risk-factor checklists, tasks, ' +
      'duration (up to 40 weeks), organisation and competences. It is not special support under SEL chapter 11.',
    seedFile: 'model-hjemmepaedagogisk-indsats.txt',
  },
  'barnets-lov': {
    title: 'Barnets lov (LBK nr 282 af 17/03/2025)',
    description:
      'The provisions of the Danish Children\'s Act the decision relies on where the reason is the law rather than the standards ' +
      '(the seeds cite Serviceloven, whose child provisions moved here on 1 January 2024): § 19 afdækning, § 20, stk. 3 (4 months), ' +
      '§ 32, stk. 1, nr. 2, stk. 3 and stk. 4, § 91 (barnets plan), § 95 (follow-up), § 133 and § 136 (underretning). Quoted from ' +
      'lovguiden.dk\'s rendering of the consolidated act; passages marked verified: false are renderings still to be checked.',
    seedFile: 'barnets-lov.txt',
  },
};
