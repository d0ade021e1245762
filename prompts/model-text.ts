/**
 * What goes to the model is data and what comes back is text. Notes and the previous summary are
 * sent with angle brackets replaced by look-alikes, so nothing in them can close the prompt's
 * <notater> or <tidligere-resume> delimiters. The model's summary is shown as plain text: no
 * links, URLs, headings or emphasis reach a card (Teams renders TextBlock markdown), and a
 * sentence in which the model recommends a measure is dropped: the model does not decide.
 */

export function asPromptData(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

const MEASURE = String.raw`(?:niveau\s*[123][ab]?|[123][ab]?\s*-?\s*niveau|1a|1b|hjemmepædagogisk\w*|praktisk\s+pædagogisk\s+støtte|forebyggende\s+\w+|underretning\w*|anbringelse\w*|\w*indsats\w*|foranstaltning\w*)`;
const ADVICE = String.raw`(?:anbefal\w*|bør|foreslå\w*|foreslår|indstill\w*|skal\s+(?:have|tildeles|bevilges|visiteres)|tildel\w*|bevilg\w*|visit\w*|vælg\w*|recommend\w*|should)`;
const RECOMMENDS = new RegExp(String.raw`\b${ADVICE}\b[^.!?]*\b${MEASURE}|\b${MEASURE}\b[^.!?]*\b${ADVICE}\b`, 'iu');

export const DROPPED_ADVICE_NOTE = '(En sætning, hvor sprogmodellen anbefalede en indsats, er fjernet: modellen træffer ikke afgørelser – det gør sagsbehandleren ud fra standarden.)';

export function plainModelText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<?(?:https?:\/\/|www\.)[^\s>)]+>?/giu, '[link fjernet]')
    .replace(/^\s{0,3}#{1,6}\s*/gmu, '')
    .replace(/^\s*>\s?/gmu, '')
    .replace(/[*_`~]+/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The summary as shown: plain text, and without any sentence that recommends a measure. */
export function summaryForPeople(text: string): string {
  const plain = plainModelText(text);
  const sentences = plain.match(/[^.!?]+[.!?]*\s*/gu) ?? [plain];
  const kept = sentences.filter((s) => !RECOMMENDS.test(s));
  const body = kept.join('').trim();
  return kept.length === sentences.length ? body : [body, DROPPED_ADVICE_NOTE].filter((s) => s !== '').join(' ');
}
