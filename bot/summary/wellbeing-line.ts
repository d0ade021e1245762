import type { WellbeingArea } from '../../rules/parameters/schema.js';
import type { Assessment } from '../storage/wellbeing.js';

/**
 * The wellbeing course as one compact line, for the summary card and the journal text, where a
 * chart cannot go: each area's scores oldest first, e.g.
 * "Trivsel (1–5): Barnets udvikling og adfærd 2 → 3 → 4 · Forældrenes kompetencer 3 → 3".
 * Pure; null before the first assessment. An area a municipality no longer lists keeps its id.
 */
export function wellbeingLine(course: readonly Assessment[], areas: readonly WellbeingArea[], locale: 'da' | 'en' = 'da'): string | null {
  if (course.length === 0) return null;
  const ids = [...new Set([...areas.map((a) => a.id), ...course.flatMap((a) => a.scores.map((s) => s.area))])];
  const parts = ids.flatMap((id) => {
    const scores = course.flatMap((a) => a.scores.filter((s) => s.area === id).map((s) => s.score));
    if (scores.length === 0) return [];
    const area = areas.find((a) => a.id === id);
    return [`${area ? area[locale] : id} ${scores.join(' → ')}`];
  });
  return `${locale === 'da' ? 'Trivsel (1–5)' : 'Wellbeing (1–5)'}: ${parts.join(' · ')}`;
}
