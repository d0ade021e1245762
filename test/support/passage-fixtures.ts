import type { SearchablePassage } from '../../bot/search/passage-index.js';

/** A few passages copied verbatim from the seeds, for tests that must not wait for the full set. */
export const FIXTURE_PASSAGES: readonly SearchablePassage[] = [
  {
    id: 'pps.maalgruppe.1',
    heading: 'Målgruppe › Ad. 1',
    text: 'Familier med børn og unge under 18 år, hvor der er bekymring for barnet eller den unges trivsel og udvikling. Forældrene skønnes at have brug for støtte til i tilstrækkelig grad at drage omsorg for deres barns udvikling og for familien generelt. Det er vurderet, at forældrene ikke vil kunne profitere af familiebehandling.',
  },
  {
    id: 'pps.kriterier.1',
    heading: 'Kriterier i forbindelse med tildeling › Ad. 1',
    text: 'Med udgangspunkt i den børnefaglige undersøgelse, skal det være vurderet, at problemerne skal kunne løses inden for en afgrænset periode.',
  },
  {
    id: 'pps.omfang.2',
    heading: 'Indsatsens omfang › Ad. 2',
    text: 'Udgangspunktet er, at indsatsen svarer op til 2-3 ugentlige besøg i hjemmet. Indsatsen bevilliges for 3 måneder ad gangen, således at der følges tæt op på, om indsatsen har tilstrækkelig effekt til at sikre børnenes trivsel.',
  },
  {
    id: 'pps.omfang.3',
    heading: 'Indsatsens omfang › Ad. 3',
    text: 'Udgangspunktet er, at indsatsen kan indeholde op til 5 timer pr. uge. Indsatsen vil ofte være af længere varighed, men der skal foretages opfølgning hver 6 måned med henblik på at sikre, at den kompenserende støtte fortsat er tilstrækkelig til at sikre børnenes trivsel.',
  },
  {
    id: 'pps.saerlige.tvaerfaglige-moeder',
    heading: 'Særlige bemærkninger',
    text: 'Deltagelse i tværfaglige møder kan erstatte besøg.',
  },
  {
    id: 'hpi.3.maalgruppe.alder',
    heading: '3) Målgruppe',
    text: 'Tilbuddet om en hjemmepædagogisk indsats målrettes børn i alderen 0-24 måneder, men kan også etableres sidst i graviditeten eller fra fødslen.',
  },
  {
    id: 'hpi.3.risiko.parent-5',
    heading: '3) Målgruppe › Forældre',
    text: 'der tidligere har haft en fødselsdepression.',
  },
  {
    id: 'hpi.3.risiko.child-3',
    heading: '3) Målgruppe › Barnet',
    text: 'er svært trøstbart',
  },
  {
    id: 'hpi.4.varighed',
    heading: '4) Indhold og arbejdsopgaver',
    text: 'Den pædagogiske indsats i familien kan vare op til 10 måneder (40 uger) og overlappe med start i vuggestue eller børnehave. Intensiteten og varigheden af forløbet beror på en konkret vurdering af barnets udvikling og familiens behov, således kan det ugentlige antal af timer i hjemmet varieres efter behov.',
  },
  {
    id: 'hpi.6.underretning',
    heading: '6) Kompetencer',
    text: 'at være i stand til at tydeliggøre den formelle opgave, hvis situationen i hjemmet viser sig at kræve yderligere hjælp eller indgriben i form af underretning til familieafdelingen.',
  },
];
