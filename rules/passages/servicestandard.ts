/**
 * Servicestandard for praktisk pædagogisk støtte i hjemmet, passage by passage, in printed order.
 * Plain data: the text is the seed's, verbatim, with only PDF line-break hyphenation repaired
 * and whitespace collapsed. Tracked-change wording ("I særlige tilfælde Der kan ...") is kept
 * as printed; what the lost colours meant is said in SOURCES, not by editing the text.
 */

export const SERVICESTANDARD_PASSAGES = [
  {
    id: 'pps.titel',
    source: 'servicestandard',
    heading: 'Titel',
    text: 'Servicestandard for praktisk pædagogisk støtte i hjemmet',
  },
  {
    id: 'pps.lovgrundlag',
    source: 'servicestandard',
    heading: 'Lovgrundlag',
    text: 'Lov om Social Service § 52, stk. 3, nr. 2',
  },
  {
    id: 'pps.maal',
    source: 'servicestandard',
    heading: 'Mål med indsats',
    text: 'Målet er at understøtte forældrene til at tage vare på og ansvar for barnet eller den unge.',
  },
  {
    id: 'pps.niveauer',
    source: 'servicestandard',
    heading: 'Mål med indsats',
    text: 'Indsatsen er delt ind i tre niveauer, hvor der skelnes mellem følgende: 1 Praktisk pædagogisk støtte i hjemmet 2 Intensiv praktisk pædagogisk støtte 3 Kompenserende praktisk pædagogisk støtte i hjemmet',
  },
  {
    id: 'pps.maalgruppe.1',
    source: 'servicestandard',
    heading: 'Målgruppe › Ad. 1',
    text: 'Familier med børn og unge under 18 år, hvor der er bekymring for barnet eller den unges trivsel og udvikling. Forældrene skønnes at have brug for støtte til i tilstrækkelig grad at drage omsorg for deres barns udvikling og for familien generelt. Det er vurderet, at forældrene ikke vil kunne profitere af familiebehandling.',
  },
  {
    id: 'pps.maalgruppe.2',
    source: 'servicestandard',
    heading: 'Målgruppe › Ad. 2',
    text: 'Familier med børn og unge under 18 år, hvor der er udpræget bekymring for barnet eller den unges trivsel og udvikling. Bekymringen er af en sådan karakter, at der er behov for intensiv støtte i familiens hjem, samt afklaring af, hvorvidt forældrene kan profitere af støtte.',
  },
  {
    id: 'pps.maalgruppe.3',
    source: 'servicestandard',
    heading: 'Målgruppe › Ad. 3',
    text: 'Familier med børn og unge under 18 år, hvor der er udpræget bekymring for barnet eller den unges trivsel og udvikling. Forældrene mangler forældrekompetencer i forhold til at drage tilstrækkelig omsorg for barnet på det praktiske område.',
  },
  {
    id: 'pps.kriterier.1',
    source: 'servicestandard',
    heading: 'Kriterier i forbindelse med tildeling › Ad. 1',
    text: 'Med udgangspunkt i den børnefaglige undersøgelse, skal det være vurderet, at problemerne skal kunne løses inden for en afgrænset periode.',
  },
  {
    id: 'pps.kriterier.2',
    source: 'servicestandard',
    heading: 'Kriterier i forbindelse med tildeling › Ad. 2',
    text: 'Det er vurderet, at der er behov for en intensiv indsats, såfremt udviklingen skal vendes. Der er behov for afprøvning af, hvorvidt forældrene kan udvikle sig på baggrund af råd, vejledning og praktisk støtte.',
  },
  {
    id: 'pps.kriterier.3',
    source: 'servicestandard',
    heading: 'Kriterier i forbindelse med tildeling › Ad. 3',
    text: 'Det er afdækket, at forældrene er i stand til at yde følelsesmæssig omsorg, men har alvorlige mangler i forhold til at udføre den praktiske omsorg. Forældrene viser endvidere vilje og evne til at se behovet for støtte.',
  },
  {
    id: 'pps.indhold.1',
    source: 'servicestandard',
    heading: 'Indsatsens indhold › Ad. 1',
    text: 'Kontakt med familien bestående af arbejde i hjemmet og samtaler ud fra dette med forældrene. Netværket skal inddrages.',
  },
  {
    id: 'pps.indhold.2',
    source: 'servicestandard',
    heading: 'Indsatsens indhold › Ad. 2',
    text: 'Intensiv kontakt med familien bestående af pædagogisk indsats i hjemmet. Desuden kan der være tale om deltagelse i møder på skole, daginstitution m.v. Arbejdet foregår primært i familiens hjem.',
  },
  {
    id: 'pps.indhold.3',
    source: 'servicestandard',
    heading: 'Indsatsens indhold › Ad. 3',
    text: 'Støtte efter behov.',
  },
  {
    id: 'pps.omfang.1',
    source: 'servicestandard',
    heading: 'Indsatsens omfang › Ad. 1',
    text: 'Udgangspunktet er 1 ugentligt besøg i en periode på op til 9 mdr. Der er herefter mulighed for at forlænge indsatsen ved en ny vurdering og bevilling.',
  },
  {
    id: 'pps.omfang.1a',
    source: 'servicestandard',
    heading: 'Indsatsens omfang › Ad. 1 › 1A',
    text: 'Indsatsen har som udgangspunkt et omfang svarende til ca. 1 ugentlig kontakt/samtale i en periode på op til 9 + 3 måneder. De ekstra måneder anvendes til afslutning, overlevering eller revisitering. Der er herefter mulighed for at forlænge indsatsen ved en ny vurdering og bevilling.',
  },
  {
    id: 'pps.omfang.1a.opstart',
    source: 'servicestandard',
    heading: 'Indsatsens omfang › Ad. 1 › 1A',
    text: 'Ofte indebærer et forløb mere end 1 ugentligt møde i opstartsfasen og færre senere i forløbet.',
  },
  {
    id: 'pps.omfang.1b',
    source: 'servicestandard',
    heading: 'Indsatsens omfang › Ad. 1 › 1B',
    text: 'I særlige tilfælde Der kan aftales op til 2 ugentlige besøg i de første 3-6 måneder og herefter 1 ugentligt besøg i resten af indskrivningsperioden.',
  },
  {
    id: 'pps.omfang.2',
    source: 'servicestandard',
    heading: 'Indsatsens omfang › Ad. 2',
    text: 'Udgangspunktet er, at indsatsen svarer op til 2-3 ugentlige besøg i hjemmet. Indsatsen bevilliges for 3 måneder ad gangen, således at der følges tæt op på, om indsatsen har tilstrækkelig effekt til at sikre børnenes trivsel.',
  },
  {
    id: 'pps.omfang.2.alder',
    source: 'servicestandard',
    heading: 'Indsatsens omfang › Ad. 2',
    text: 'Tilbuddet er som udgangspunkt til unge under 13 år.',
  },
  {
    id: 'pps.omfang.3',
    source: 'servicestandard',
    heading: 'Indsatsens omfang › Ad. 3',
    text: 'Udgangspunktet er, at indsatsen kan indeholde op til 5 timer pr. uge. Indsatsen vil ofte være af længere varighed, men der skal foretages opfølgning hver 6 måned med henblik på at sikre, at den kompenserende støtte fortsat er tilstrækkelig til at sikre børnenes trivsel.',
  },
  {
    id: 'pps.saerlige.foreloebig',
    source: 'servicestandard',
    heading: 'Særlige bemærkninger',
    text: 'I særlige tilfælde kan intensiv praktisk pædagogisk støtte opstartes sideløbende med, at en børnefaglig undersøgelse og endelig handleplan udarbejdes. I disse tilfælde skal der foreligge en foreløbig handleplan.',
  },
  {
    id: 'pps.saerlige.visitation-social',
    source: 'servicestandard',
    heading: 'Særlige bemærkninger',
    text: 'Der skal være opmærksomhed på samarbejdet med Visitation Social, såfremt forældrene modtager støtte derfra.',
  },
  {
    id: 'pps.saerlige.tvaerfaglige-moeder',
    source: 'servicestandard',
    heading: 'Særlige bemærkninger',
    text: 'Deltagelse i tværfaglige møder kan erstatte besøg.',
  },
  {
    id: 'pps.redaktion',
    source: 'servicestandard',
    heading: 'Markering af ændringsforslag',
    text: 'Skrift med rødt markerer at teksten foreslås indarbejdet Skrift med overstregning markerer at teksten foreslås slettet',
  },
] as const;
