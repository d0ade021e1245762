/**
 * Barnets lov (LBK nr 282 af 17/03/2025): the provisions the decision rests on where a reason is
 * the law's, not the standards'. The seeds cite Serviceloven; these are the rules in force now.
 * Verbatim from lovguiden.dk's rendering of the consolidated act where it could be read; the rest
 * is marked `verified: false` (a rendering of the provision's content, to be checked against
 * retsinformation.dk before anyone relies on its wording).
 */
const lovguiden = (paragraph: number): string => `https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/${paragraph}`;

export const BARNETS_LOV_PASSAGES = [
  {
    id: 'bl.19',
    source: 'barnets-lov',
    heading: 'Barnets lov § 19 (afdækning)',
    text: 'Kommunalbestyrelsen kan afdække et eller flere forhold hos barnet eller den unge, når det vurderes tilstrækkeligt til at belyse barnets eller den unges behov for støtte.',
    verified: false,
    url: lovguiden(19),
  },
  {
    id: 'bl.20.3',
    source: 'barnets-lov',
    heading: 'Barnets lov § 20, stk. 3 (børnefaglig undersøgelse: frist)',
    text: 'Stk. 3. Den børnefaglige undersøgelse skal afsluttes, senest 4 måneder efter at kommunalbestyrelsen bliver opmærksom på, at et barn eller en ung kan have behov for særlig støtte. Hvis undersøgelsen undtagelsesvis ikke kan afsluttes inden 4 måneder, skal kommunalbestyrelsen udarbejde en foreløbig vurdering og snarest herefter afslutte undersøgelsen.',
    url: lovguiden(20),
  },
  {
    id: 'bl.32.1.2',
    source: 'barnets-lov',
    heading: 'Barnets lov § 32, stk. 1, nr. 2 (støtte i hjemmet)',
    text: 'Når det må anses for at være af væsentlig betydning af hensyn til et barns eller en ungs særlige behov for støtte, skal kommunalbestyrelsen træffe afgørelse om en eller flere af følgende støttende indsatser, jf. dog § 54, stk. 3, i lov om bekæmpelse af ungdomskriminalitet: Praktisk, pædagogisk eller anden støtte i hjemmet.',
    url: lovguiden(32),
  },
  {
    id: 'bl.32.3',
    source: 'barnets-lov',
    heading: 'Barnets lov § 32, stk. 3 (formål og forventet varighed)',
    text: 'Stk. 3. Ved en afgørelse efter stk. 1 skal kommunalbestyrelsen vælge den eller de støttende indsatser, som bedst kan imødekomme barnets eller den unges særlige behov for støtte. Afgørelsen skal angive formålet med indsatsen og den forventede varighed.',
    url: lovguiden(32),
  },
  {
    id: 'bl.32.4',
    source: 'barnets-lov',
    heading: 'Barnets lov § 32, stk. 4 (grundlaget for støtten)',
    // The stored page breaks off after this clause; the rest of the sentence (alongside either) is not quoted.
    text: 'Stk. 4. Støttende indsatser efter stk. 1 kan iværksættes på grundlag af en afdækning eller en børnefaglig undersøgelse af barnets eller den unges behov, jf. §§ 19 og 20 i denne lov',
    url: lovguiden(32),
  },
  {
    id: 'bl.91.1',
    source: 'barnets-lov',
    heading: 'Barnets lov § 91, stk. 1 (barnets plan)',
    text: 'Kommunalbestyrelsen skal, når der træffes afgørelse om indsatser efter § 32, stk. 1, tage stilling til, om der skal udarbejdes en barnets plan, jf. dog § 108. Planen skal i givet fald foreligge, senest 3 måneder efter at der er truffet afgørelse om en indsats.',
    url: lovguiden(91),
  },
  {
    id: 'bl.95',
    source: 'barnets-lov',
    heading: 'Barnets lov § 95 (opfølgning)',
    text: 'Kommunalbestyrelsen skal følge op på en støttende indsats efter § 32, stk. 1, første gang, når en sideløbende afdækning eller børnefaglig undersøgelse er afsluttet, dog senest 3 måneder efter at indsatsen er iværksat. Herefter fastlægger kommunalbestyrelsen, hvornår der skal følges op, og begrunder det.',
    verified: false,
    url: lovguiden(95),
  },
  {
    id: 'bl.133',
    source: 'barnets-lov',
    heading: 'Barnets lov § 133 (skærpet underretningspligt)',
    text: 'Personer, der udøver offentlig tjeneste eller offentligt hverv, skal underrette kommunalbestyrelsen, hvis de under udøvelsen af tjenesten eller hvervet får kendskab til eller grund til at antage, at et barn eller en ung under 18 år kan have behov for særlig støtte.',
    verified: false,
    url: lovguiden(133),
  },
  {
    id: 'bl.136',
    source: 'barnets-lov',
    heading: 'Barnets lov § 136 (vurdering inden for 24 timer)',
    text: 'Kommunalbestyrelsen skal senest 24 timer efter modtagelsen af en underretning vurdere, om barnets eller den unges sundhed eller udvikling er i fare, og om der derfor er behov for at iværksætte akutte indsatser.',
    verified: false,
    url: lovguiden(136),
  },
] as const;
