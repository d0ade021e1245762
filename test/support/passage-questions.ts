/**
 * Questions a caseworker or pedagogue asks about the two standards, each with the one passage a
 * person who knows the standards would point to. Written from the seeds, in everyday words
 * rather than the standards' own where people talk differently, to measure the passage search.
 */
export interface PassageQuestion {
  readonly question: string;
  readonly expected: string;
}

export const PASSAGE_QUESTIONS: readonly PassageQuestion[] = [
  { question: 'Hvad er lovgrundlaget for praktisk pædagogisk støtte i hjemmet?', expected: 'pps.lovgrundlag' },
  { question: 'Hvad er målet med støtten til forældrene?', expected: 'pps.maal' },
  { question: 'Hvilke tre niveauer er indsatsen delt ind i?', expected: 'pps.niveauer' },
  { question: 'Kan forældre, der kan profitere af familiebehandling, få praktisk pædagogisk støtte?', expected: 'pps.maalgruppe.1' },
  { question: 'Udpræget bekymring hvor vi skal afklare om forældrene kan profitere af støtte', expected: 'pps.maalgruppe.2' },
  { question: 'Forældrene mangler forældrekompetencer på det praktiske område', expected: 'pps.maalgruppe.3' },
  { question: 'Skal problemerne kunne løses inden for en afgrænset periode ud fra den børnefaglige undersøgelse?', expected: 'pps.kriterier.1' },
  { question: 'Hvornår skal vi afprøve om forældrene kan udvikle sig med råd og vejledning?', expected: 'pps.kriterier.2' },
  { question: 'Mor giver følelsesmæssig omsorg, men der er alvorlige mangler i den praktiske omsorg', expected: 'pps.kriterier.3' },
  { question: 'Skal netværket inddrages i samtalerne med forældrene?', expected: 'pps.indhold.1' },
  { question: 'Må pædagogen deltage i møder på skolen eller i daginstitutionen?', expected: 'pps.indhold.2' },
  { question: 'Hvad bruges de ekstra måneder til ved afslutning og overlevering?', expected: 'pps.omfang.1a' },
  { question: 'Må der være mere end et møde om ugen i opstartsfasen?', expected: 'pps.omfang.1a.opstart' },
  { question: 'Kan vi aftale 2 ugentlige besøg de første 3-6 måneder?', expected: 'pps.omfang.1b' },
  { question: 'Hvor længe bevilliges intensiv støtte ad gangen, og hvor tæt følges der op?', expected: 'pps.omfang.2' },
  { question: 'Er intensiv støtte kun for unge under 13 år?', expected: 'pps.omfang.2.alder' },
  { question: 'Hvor mange timer pr. uge kan kompenserende støtte have, og hvor ofte opfølgning?', expected: 'pps.omfang.3' },
  { question: 'Kan intensiv støtte opstartes før den børnefaglige undersøgelse og handleplanen er færdig?', expected: 'pps.saerlige.foreloebig' },
  { question: 'Forældrene får også hjælp fra Visitation Social', expected: 'pps.saerlige.visitation-social' },
  { question: 'Kan et tværfagligt møde erstatte et besøg?', expected: 'pps.saerlige.tvaerfaglige-moeder' },
  { question: 'Hvilken alder er hjemmepædagogisk indsats målrettet?', expected: 'hpi.3.maalgruppe.alder' },
  { question: 'Kan indsatsen begynde allerede sidst i graviditeten?', expected: 'hpi.3.maalgruppe.alder' },
  { question: 'Hvor mange uger kan den hjemmepædagogiske indsats vare?', expected: 'hpi.4.varighed' },
  { question: 'Hvem opsporer familierne, er det sundhedsplejersken?', expected: 'hpi.5.opsporing' },
  { question: 'Hvad gør pædagogen, hvis hjemmet kræver en underretning til familieafdelingen?', expected: 'hpi.6.underretning' },
  { question: 'Moren har tidligere haft en fødselsdepression', expected: 'hpi.3.risiko.parent-5' },
  { question: 'Barnet er svært at trøste', expected: 'hpi.3.risiko.child-3' },
  { question: 'Far bliver let irritabel på barnet', expected: 'hpi.3.risiko.parent-11' },
  { question: 'Vordende mor er bekymret for forældrerollen og sin egen formåen', expected: 'hpi.3.risiko.expecting-1' },
  { question: 'Hvad er målet for barnets udvikling ved vuggestuestart?', expected: 'hpi.2.underformaal.maal' },
  { question: 'Hvordan inddrager vi forældrene i at udforme forløbet?', expected: 'hpi.5.samskabelse' },
  { question: 'Pædagogen skal kunne begå sig i familiens hjem og skabe tillid', expected: 'hpi.6.kompetence.1' },
  { question: 'Problemet skal have en lav grad af kompleksitet', expected: 'hpi.3.problemstilling.kompleksitet' },
  { question: 'Hjemmepædagogisk indsats når familien har brug for særlig støtte efter kapitel 11?', expected: 'hpi.3.maalgruppe.ikke-saerlig-stoette' },
  { question: 'Hvordan styrker forældrene barnets sprog med dialogisk højtlæsning?', expected: 'hpi.4.trivsel.2' },
  { question: 'Faste rammer for måltider og sovetider i hverdagen', expected: 'hpi.4.relationer.4' },
  { question: 'Hvordan kan forældrene støtte barnet i dagtilbuddets børnefællesskaber?', expected: 'hpi.4.dagtilbud.1' },
  { question: 'Kan pædagogerne have base i forvaltningen og være ansat i et andet dagtilbud?', expected: 'hpi.5.organisering' },
  { question: 'Kan flere fagpersoner arbejde tværfagligt sammen om indsatsen?', expected: 'hpi.4.tvaerfagligt' },
  { question: 'Hvilke risikofaktorer kan udløse visitation til den hjemmepædagogiske indsats?', expected: 'hpi.3.risikofaktorer' },
  { question: 'Barnet søger kun lidt kontakt', expected: 'hpi.3.risiko.child-7' },
  { question: 'Forældrene mangler viden om børns udvikling og hjælper ikke barnet med selvregulering', expected: 'hpi.3.risiko.parent-7' },
  // Asked the way people talk, not the way the standards write; some only a reader of the whole
  // standard would connect, and the search is allowed to miss a few of those.
  { question: 'Hvor længe kan intensiv støtte bevilges?', expected: 'pps.omfang.2' },
  { question: 'Hvor mange besøg om ugen på niveau 2?', expected: 'pps.omfang.2' },
  { question: 'Hvor mange timer om ugen på niveau 3?', expected: 'pps.omfang.3' },
  { question: 'Kan hjemmebesøg erstattes af møder?', expected: 'pps.saerlige.tvaerfaglige-moeder' },
  { question: 'hvornår skal der laves en underretning', expected: 'hpi.6.underretning' },
  { question: 'Hvad er aldersgrænsen for niveau 2?', expected: 'pps.omfang.2.alder' },
  { question: 'Kan man forlænge støtten efter 9 måneder?', expected: 'pps.omfang.1' },
  { question: 'Barnet har uro og sover dårligt', expected: 'hpi.3.risiko.child-1' },
  { question: 'Familien er i en krise efter en skilsmisse', expected: 'hpi.3.risiko.parent-1' },
  { question: 'Er den hjemmepædagogiske indsats særlig støtte?', expected: 'hpi.3.maalgruppe.ikke-saerlig-stoette' },
  { question: 'Hvem kan henvise en familie?', expected: 'hpi.5.opsporing' },
  { question: 'foreløbig handleplan', expected: 'pps.saerlige.foreloebig' },
  { question: 'Hvad hvis forældrene kan have gavn af familiebehandling', expected: 'pps.maalgruppe.1' },
  { question: 'Ung mor under 20 år som venter barn', expected: 'hpi.3.risiko.expecting-5' },
  { question: 'Hvor ofte følges der op på kompenserende støtte', expected: 'pps.omfang.3' },
];
