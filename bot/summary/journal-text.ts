import type { CaseSummary, CitedPassage } from './case-summary.js';

/**
 * The summary as plain text for pasting into the case system (the journal): no markup,
 * every reason with its passage id so the journal keeps the citation, dates as YYYY-MM-DD.
 */
export function journalText(s: CaseSummary): string {
  const lines: string[] = [`Sagsresumé, sag ${s.reference}${s.label ? ` (${s.label})` : ''}, pr. ${s.today}`, ''];
  const cited = (c: CitedPassage) => `- ${c.text}${c.passage.id ? ` [${c.passage.id}]` : ''}`;

  if (!s.decision) {
    lines.push('Der er ikke truffet en afgørelse i sagen endnu.');
  } else {
    lines.push(`Anbefaling efter servicestandarden: ${s.decision.recommendation}`);
    if (s.override) {
      lines.push(`Valgt af sagsbehandler: ${s.override.chosen}`);
      lines.push(`Begrundelse for afvigelsen: ${s.override.reason}`);
      lines.push(`Afveget af ${s.override.by} ${s.override.at.slice(0, 10)}`);
    } else if (s.decision.decidedBy) {
      lines.push(`Besluttet af: ${s.decision.decidedBy}`);
    }
    lines.push(`Start: ${s.decision.startDate}`);
    if (s.decision.warnings.length > 0) lines.push('', 'Bemærk:', ...s.decision.warnings.map(cited));
    if (s.decision.reasons.length > 0) lines.push('', 'Begrundelse:', ...s.decision.reasons.map(cited));
    if (s.decision.legalBasis.length > 0) {
      lines.push('', 'Lovgrundlag:', ...s.decision.legalBasis.map((l) => `- ${l.current} (tidligere ${l.seed})`));
    }
  }
  if (s.dueDates.length > 0) {
    lines.push('', 'Frister:', ...s.dueDates.map((d) => `- ${d.due} ${d.label}: ${d.text}${d.passage.id ? ` [${d.passage.id}]` : ''}`));
  }
  if (s.scope) lines.push('', `Omfang: ${s.scope.text}`);
  if (s.plan) {
    lines.push('', `Plan – formål: ${s.plan.purpose}`, ...s.plan.goals.map((g, i) => `${i + 1}. ${g.text}: ${g.progress}${g.since ? ` (${g.since})` : ''}`));
    lines.push(s.plan.nextReview ? `Næste gennemgang: ${s.plan.nextReview.due} (${s.plan.nextReview.label})` : 'Forløbet er afsluttet.');
  }
  if (s.wellbeing) lines.push('', s.wellbeing.line);
  if (s.notesSummary) {
    lines.push('', `Resumé af ${s.notesSummary.noteCount} ${s.notesSummary.noteCount === 1 ? 'notat' : 'notater'} (${s.notesSummary.producedBy}, ${s.notesSummary.at.slice(0, 10)}):`, s.notesSummary.text);
  }
  return lines.join('\n');
}
