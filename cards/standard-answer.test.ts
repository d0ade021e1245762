import { describe, expect, it } from 'vitest';
import { passageById } from '../rules/passages/index.js';
import { cardText } from '../test/support/card-json.js';
import { standardAnswerCard } from './standard-answer.js';

const passage = (id: string) => {
  const p = passageById(id)!;
  return { id: p.id, source: p.source, heading: p.heading, text: p.text };
};

describe('the standard answer card', () => {
  it('shows each passage verbatim with its heading, source and id', () => {
    const card = standardAnswerCard({ locale: 'da' }, 'Kan møder erstatte besøg?', [passage('pps.saerlige.tvaerfaglige-moeder'), passage('hpi.4.varighed')]);
    const text = cardText(card);
    expect(text).toContain('Deltagelse i tværfaglige møder kan erstatte besøg.');
    expect(text).toContain(passage('hpi.4.varighed').text);
    expect(text).toContain('Servicestandard for praktisk pædagogisk støtte i hjemmet · pps.saerlige.tvaerfaglige-moeder');
    expect(text).toContain('Model for kommunal hjemmepædagogisk indsats · hpi.4.varighed');
    expect(text).toContain('»Kan møder erstatte besøg?«');
  });

  it('says what to try when nothing matched', () => {
    expect(cardText(standardAnswerCard({ locale: 'da' }, 'xyzzy', []))).toContain('Ingen afsnit matchede');
  });

  it('speaks English for an English locale and keeps the passages in Danish', () => {
    const text = cardText(standardAnswerCard({ locale: 'en' }, 'visits', [passage('pps.omfang.2')]));
    expect(text).toContain('What the standard says');
    expect(text).toContain(passage('pps.omfang.2').text);
  });
});
