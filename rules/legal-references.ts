import type { KnownPassageId } from './passages/index.js';

/**
 * The seeds cite Serviceloven (SEL); since 1 January 2024 the child and youth provisions are in
 * Barnets lov (BL). Each entry shows the seed's reference beside the current one, with where the
 * mapping was read, so a caseworker can check it and nobody mistakes an unchecked line for law.
 * Read against the consolidated act LBK nr 282 af 17/03/2025.
 */

export interface LegalSource {
  readonly publisher: 'lovguiden' | 'sm.dk' | 'retsinformation' | 'other';
  readonly title: string;
  readonly url: string;
}

export interface LegalReference {
  readonly id: string;
  /** The reference as the seeds give it (or the topic, where the seeds name no provision). */
  readonly seed: string;
  /** Other spellings of the same reference in the seed texts, for lookup. */
  readonly seedAliases: readonly string[];
  /** The current provision. */
  readonly current: string;
  /** What the current provision says that matters here (Danish). */
  readonly says: string;
  readonly saysEn: string;
  /** Passages of the seeds that rest on this reference. */
  readonly passages: readonly KnownPassageId[];
  /** Where the mapping was read; never empty. */
  readonly source: readonly [LegalSource, ...LegalSource[]];
  /** False when the sources do not confirm the current reference itself; show it as unchecked. */
  readonly verified: boolean;
  /** Why an entry is unverified, or what exactly a source confirms. */
  readonly note?: string;
}

const lovguidenBL = (paragraph: number): LegalSource => ({
  publisher: 'lovguiden',
  title: `Bekendtgørelse af barnets lov § ${paragraph} (LBK nr 282 af 17/03/2025)`,
  url: `https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/${paragraph}`,
});

export const LEGAL_REFERENCES: readonly LegalReference[] = [
  {
    id: 'praktisk-paedagogisk-stoette',
    seed: 'SEL § 52, stk. 3, nr. 2',
    seedAliases: ['Lov om Social Service § 52, stk. 3, nr. 2', 'serviceloven § 52, stk. 3, nr. 2'],
    current: 'Barnets lov § 32, stk. 1, nr. 2',
    says:
      'Praktisk, pædagogisk eller anden støtte i hjemmet. Stk. 3: afgørelsen angiver formålet med indsatsen og den forventede varighed. ' +
      'Stk. 4: støtten kan iværksættes på grundlag af en afdækning (§ 19) eller en børnefaglig undersøgelse (§ 20) eller sideløbende med, at de afsluttes.',
    saysEn:
      'Practical, pedagogical or other support in the home. Subs. 3: the decision states the purpose and expected duration. ' +
      'Subs. 4: support may start on the basis of an afdækning (§ 19) or a børnefaglig undersøgelse (§ 20), or alongside either.',
    passages: ['pps.lovgrundlag'],
    source: [
      lovguidenBL(32),
      {
        publisher: 'sm.dk',
        title: 'Støttende indsatser',
        url: 'https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/saerlig-stoette-og-hjaelp/stoettende-indsatser',
      },
    ],
    verified: true,
  },
  {
    id: 'tidligt-forebyggende',
    seed: 'SEL § 11, stk. 3',
    seedAliases: ['servicelovens § 11, stk. 3', 'serviceloven § 11, stk. 3'],
    current: 'Barnets lov § 30',
    says: 'Tidligt forebyggende indsatser til barnet, den unge eller familien, når det kan imødekomme barnets behov; ingen afgørelse eller undersøgelse forudsættes.',
    saysEn: 'Early preventive measures for the child or family where they can meet the need; no formal decision or assessment is required.',
    passages: ['hpi.3.maalgruppe.spaend'],
    source: [
      lovguidenBL(30),
      {
        publisher: 'sm.dk',
        title: 'Rådgivning og tidligt forebyggende indsatser',
        url: 'https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/saerlig-stoette-og-hjaelp/raadgivning-og-tidligt-forebyggende-indsatser',
      },
    ],
    verified: true,
    note: 'Lovguidens forarbejder til § 30 henviser selv til servicelovens § 11, stk. 3.',
  },
  {
    id: 'saerlig-stoette',
    seed: 'SEL kapitel 11',
    seedAliases: ['servicelovens kapitel 11', 'serviceloven kapitel 11'],
    current: 'Barnets lov kapitel 4 (støttende indsatser, §§ 32 ff.)',
    says: 'Støttende indsatser ved særligt behov for støtte: det, den forebyggende model ikke må have brug for.',
    saysEn: 'Supportive measures for a special need of support: what the preventive model must not be needed for.',
    passages: ['hpi.3.maalgruppe.ikke-saerlig-stoette'],
    source: [
      {
        publisher: 'sm.dk',
        title: 'Rådgivning og tidligt forebyggende indsatser',
        url: 'https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/saerlig-stoette-og-hjaelp/raadgivning-og-tidligt-forebyggende-indsatser',
      },
    ],
    verified: false,
    note: 'sm.dk bekræfter, at målgruppen for tidligt forebyggende indsatser er dem uden behov for støttende indsatser; kapitlets nummer (4) er ikke efterprøvet.',
  },
  {
    id: 'boernefaglig-undersoegelse',
    seed: 'SEL § 50',
    seedAliases: ['serviceloven § 50', 'børnefaglig undersøgelse', 'børnefaglige undersøgelse'],
    current: 'Barnets lov § 20 (og §§ 21-23)',
    says: 'Den børnefaglige undersøgelse afsluttes senest 4 måneder efter, at kommunen bliver opmærksom på behovet; ellers en foreløbig vurdering og snarest afslutning.',
    saysEn: 'The child-welfare assessment is concluded within 4 months of the need becoming known; otherwise a preliminary assessment and conclusion as soon as possible.',
    passages: ['pps.kriterier.1', 'pps.saerlige.foreloebig'],
    source: [lovguidenBL(20)],
    verified: true,
    note: 'Lovguidens forarbejder til § 20 henviser til servicelovens § 50.',
  },
  {
    id: 'barnets-plan',
    seed: 'handleplan / foreløbig handleplan',
    seedAliases: ['handleplan', 'foreløbig handleplan', 'SEL § 140', 'serviceloven § 140'],
    current: 'Barnets lov § 91 (barnets plan)',
    says: 'Ved indsatser efter § 32 tager kommunen stilling til, om der skal udarbejdes en barnets plan; i givet fald senest 3 måneder efter afgørelsen.',
    saysEn: 'For § 32 support the municipality decides whether a child’s plan is needed; if so, within 3 months of the decision.',
    passages: ['pps.saerlige.foreloebig'],
    source: [lovguidenBL(91)],
    verified: true,
    note: 'Lovguidens forarbejder til § 91 henviser til servicelovens § 140 om handleplaner.',
  },
  {
    id: 'opfoelgning',
    seed: '(opfølgning)',
    seedAliases: ['opfølgning'],
    current: 'Barnets lov § 95',
    says:
      'Første opfølgning på det tidligste af: når en sideløbende afdækning eller undersøgelse er afsluttet, eller 3 måneder efter indsatsen er iværksat; ' +
      'derefter fastlægger kommunen opfølgningen og begrunder den.',
    saysEn:
      'First follow-up at the earlier of: the parallel assessment concluded, or 3 months after the support started; then the municipality sets the cadence, with reasons.',
    passages: ['pps.omfang.2', 'pps.omfang.3'],
    source: [lovguidenBL(95)],
    verified: true,
  },
  {
    id: 'underretningspligt',
    seed: '(underretning)',
    seedAliases: ['underretning', 'SEL § 153', 'serviceloven § 153'],
    current: 'Barnets lov § 133 (skærpet underretningspligt for offentligt ansatte)',
    says: 'Offentligt ansatte skal underrette kommunen ved kendskab til eller grund til at antage, at et barn kan have behov for særlig støtte.',
    saysEn: 'Public employees must notify the municipality when they know or have reason to believe that a child may need special support.',
    passages: ['hpi.6.underretning'],
    source: [
      {
        publisher: 'retsinformation',
        title: 'Vejledning om sagsbehandling og kommunernes opgaver efter barnets lov (VEJ nr 9471 af 21/06/2024), kapitel 1',
        url: 'https://www.retsinformation.dk/api/pdf/244358',
      },
    ],
    verified: false,
    note: 'Vejledningen placerer underretningspligten i barnets lovs §§ 132-135, 138 og 214; at netop § 133 er den skærpede pligt er ikke efterprøvet.',
  },
  {
    id: 'underretning-24-timer',
    seed: '(underretning)',
    seedAliases: ['underretning'],
    current: 'Barnets lov § 136 (vurdering inden for 24 timer)',
    says: 'Kommunen vurderer inden for 24 timer efter en underretning, om barnets sundhed eller udvikling er i fare og kræver akutte indsatser.',
    saysEn: 'Within 24 hours of a report the municipality assesses whether the child’s health or development is in danger and needs urgent action.',
    passages: ['hpi.6.underretning'],
    source: [
      {
        publisher: 'sm.dk',
        title: 'Underretningspligt: Kommunens pligt',
        url: 'https://www.sm.dk/arbejdsomraader/boern-og-unge-i-udsatte-positioner/underretningspligt/kommunens-pligt',
      },
      {
        publisher: 'retsinformation',
        title: 'Vejledning om sagsbehandling og kommunernes opgaver efter barnets lov (VEJ nr 9471 af 21/06/2024), kapitel 2 (§§ 136-137)',
        url: 'https://www.retsinformation.dk/api/pdf/244358',
      },
    ],
    verified: true,
    note: 'sm.dk bekræfter 24-timersvurderingen; vejledningen henfører kommunens behandling af underretninger til §§ 136-137.',
  },
  {
    id: 'paedagogisk-laereplan',
    seed: 'dagtilbudsloven §§ 8-9',
    seedAliases: ['dagtilbudslovens § 8-9', 'dagtilbudsloven § 8-9', 'dagtilbudslovens §§ 8-9'],
    current: 'dagtilbudsloven §§ 8-10',
    says: 'Den styrkede pædagogiske læreplan med det fælles pædagogiske grundlag, som den forebyggende model bygger på.',
    saysEn: 'The strengthened pedagogical curriculum and its common foundation, which the preventive model builds on.',
    passages: ['hpi.3.maalgruppe.spaend'],
    source: [
      {
        publisher: 'other',
        title: 'Socialministeriet 2018: Pjece om styrket læreplan og Dagtilbudsloven (gengivet af rosalie.dk)',
        url: 'https://rosalie.dk/socialministeriet-2018-pjece-om-styrket-laereplan-dagtilbudsloven.asp',
      },
    ],
    verified: false,
    note: 'Kun en sekundær kilde nævner §§ 8-10; ikke efterprøvet i lovteksten.',
  },
];

/** Case, spacing and "§§" vs "§" do not distinguish one reference from another. */
function normaliseRef(ref: string): string {
  return ref.toLowerCase().replace(/§§/gu, '§').replace(/\s+/gu, ' ').replace(/\s*-\s*/gu, '-').trim();
}

const BY_SEED: ReadonlyMap<string, readonly LegalReference[]> = (() => {
  const map = new Map<string, LegalReference[]>();
  for (const ref of LEGAL_REFERENCES) {
    for (const key of new Set([ref.seed, ...ref.seedAliases].map(normaliseRef))) {
      map.set(key, [...(map.get(key) ?? []), ref]);
    }
  }
  return map;
})();

/** The current provisions for a reference as the seeds write it ("Lov om Social Service § 52, stk. 3, nr. 2"); empty when unknown. */
export function legalReferencesForSeed(seedRef: string): readonly LegalReference[] {
  return BY_SEED.get(normaliseRef(seedRef)) ?? [];
}

export function legalReferenceById(id: string): LegalReference | undefined {
  return LEGAL_REFERENCES.find((r) => r.id === id);
}
