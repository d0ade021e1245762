// Familiestøtte's team overview in the channel tab: open cases by measure, what falls due, scope
// used against granted, and overrides of the recommendation. Plain browser JavaScript like tab.js.
// The charts are SVG written here: the page has no build step and takes no new dependency, and a
// bar per figure is all the overview needs. Colours come from the theme's CSS variables, so the
// three Teams themes (and forced colours) apply to the charts as to the text. Every figure is a
// button that lists the cases behind it; every value is written with textContent, never as HTML.
'use strict';

(() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const percent = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

  // The page's one element builder (tab.js), so both scripts write values the same way.
  const el = (...args) => window.familiestotte.el(...args);

  /** A horizontal bar: the track is the whole, the fill the part. Decorative: the number beside it says it. */
  function bar(part, whole, kind) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 100 8');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('class', `bar bar-${kind || 'count'}`);
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const track = document.createElementNS(SVG, 'rect');
    track.setAttribute('class', 'bar-track');
    track.setAttribute('width', '100');
    track.setAttribute('height', '8');
    const fill = document.createElementNS(SVG, 'rect');
    fill.setAttribute('class', 'bar-fill');
    const width = whole > 0 ? Math.max(part > 0 ? 1.5 : 0, (100 * part) / whole) : 0;
    fill.setAttribute('width', width.toFixed(2));
    fill.setAttribute('height', '8');
    svg.append(track, fill);
    return svg;
  }

  let selected = null;
  /** The cases behind a figure, by reference; each opens the case's summary below. */
  function showCases(button, title, figure) {
    const box = $('overview-cases');
    if (selected) selected.setAttribute('aria-pressed', 'false');
    selected = button;
    button.setAttribute('aria-pressed', 'true');
    const items = figure.cases.map((reference) => {
      const open = el('button', { type: 'button', class: 'case-link', 'data-reference': reference }, reference);
      open.addEventListener('click', () => window.familiestotte.openCase(reference));
      return el('li', {}, open);
    });
    box.replaceChildren(
      el('h3', { id: 'overview-cases-heading', text: `${title}: ${figure.count} ${figure.count === 1 ? 'sag' : 'sager'}` }),
      figure.cases.length ? el('ul', { class: 'case-links', 'aria-labelledby': 'overview-cases-heading' }, items) : el('p', { class: 'hint', text: 'Ingen sager.' }),
    );
    box.hidden = false;
    box.focus();
  }

  /** One figure as a row: label, number and bar; a button when there are cases behind it. */
  function figureRow(label, figure, whole, options = {}) {
    const value = options.value || String(figure.count);
    const content = [el('span', { class: 'figure-label', text: label }), el('span', { class: 'figure-value', text: value }), bar(options.part ?? figure.count, whole, options.kind)];
    if (figure.count === 0) return el('li', { class: 'figure figure-empty' }, el('div', { class: 'figure-inner' }, content));
    const button = el('button', { type: 'button', class: 'figure-inner', 'aria-pressed': 'false', 'data-figure': options.id || '' }, content, el('span', { class: 'sr-only', text: 'Vis sagerne' }));
    button.addEventListener('click', () => showCases(button, label, figure));
    return el('li', { class: 'figure' }, button);
  }

  function countButton(title, figure, id, overdue) {
    if (figure.count === 0) return el('span', { class: 'count-zero', text: '0' });
    const button = el('button', { type: 'button', class: `count${overdue ? ' count-overdue' : ''}`, 'aria-pressed': 'false', 'data-figure': id, 'aria-label': `${title}: ${figure.count}. Vis sagerne` }, String(figure.count));
    button.addEventListener('click', () => showCases(button, title, figure));
    return button;
  }

  function openBlock(o) {
    const max = Math.max(1, ...o.open.byMeasure.map((m) => m.cases.count));
    return el(
      'section',
      { class: 'overview-block', 'aria-labelledby': 'ov-open' },
      el('h3', { id: 'ov-open', text: `Åbne sager efter indsats og niveau (${o.open.total.count})` }),
      o.open.byMeasure.length === 0
        ? el('p', { class: 'hint', text: 'Teamet har ingen åbne sager.' })
        : el('ul', { class: 'figures' }, o.open.byMeasure.map((m) => figureRow(m.label, m.cases, max, { id: `open-${m.outcome}${m.variant || ''}` }))),
    );
  }

  function dueBlock(o) {
    const head = el('tr', {}, el('th', { scope: 'col', text: 'Hvad' }), el('th', { scope: 'col', text: 'Overskredet' }), el('th', { scope: 'col', text: 'Næste 14 dage' }), el('th', { scope: 'col', text: 'Næste 30 dage' }));
    const rows = o.due.map((d) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row', text: d.label }),
        el('td', { 'data-label': 'Overskredet' }, countButton(`${d.label}, overskredet`, d.overdue, `due-${d.category}-overdue`, true)),
        el('td', { 'data-label': 'Næste 14 dage' }, countButton(`${d.label}, de næste 14 dage`, d.next14, `due-${d.category}-14`)),
        el('td', { 'data-label': 'Næste 30 dage' }, countButton(`${d.label}, de næste 30 dage`, d.next30, `due-${d.category}-30`)),
      ),
    );
    return el(
      'section',
      { class: 'overview-block', 'aria-labelledby': 'ov-due' },
      el('h3', { id: 'ov-due', text: 'Frister' }),
      el('table', { class: 'due-table' }, el('caption', { class: 'hint', text: `Antal sager pr. ${dateFormat.format(new Date(`${o.today}T00:00:00Z`))}; de 30 dage rummer de 14.` }), el('thead', {}, head), el('tbody', {}, rows)),
      childPlanUndecided(o),
    );
  }

  /** Cases with support under § 32 whose stance on barnets plan is still to be taken: § 91 asks it at the decision. */
  function childPlanUndecided(o) {
    const title = 'Barnets plan: ikke besluttet, om der skal udarbejdes en';
    return el('p', { class: 'child-plan-undecided' }, el('span', { text: `${title}: ` }), countButton(title, o.childPlanUndecided, 'child-plan-undecided', false));
  }

  function scopeBlock(o) {
    const max = Math.max(1, o.scope.granted);
    return el(
      'section',
      { class: 'overview-block', 'aria-labelledby': 'ov-scope' },
      el('h3', { id: 'ov-scope', text: `Omfang: brugt mod bevilget (${o.scope.granted} sager med bevilling)` }),
      o.scope.lines.length === 0
        ? el('p', { class: 'hint', text: 'Ingen åbne sager med en bevilling.' })
        : el('ul', { class: 'figures' }, o.scope.lines.map((l) => figureRow(l.label, l.cases, max, { id: `scope-${l.standing}`, kind: l.standing === 'above' || l.standing === 'below' ? 'warn' : 'count' }))),
      el('p', { class: 'hint', text: 'Gennemsnittet siden start, som i sagens resumé.' }),
    );
  }

  function overridesBlock(o) {
    const ov = o.overrides;
    const words = ov.words.map((w) => {
      const figure = { count: w.cases.length, cases: w.cases };
      const button = el('button', { type: 'button', class: 'word', 'aria-pressed': 'false', 'data-figure': `word-${w.word}` }, `${w.word} `, el('span', { class: 'word-count', text: String(w.reasons) }), el('span', { class: 'sr-only', text: ` ${w.reasons === 1 ? 'begrundelse' : 'begrundelser'}. Vis sagerne` }));
      button.addEventListener('click', () => showCases(button, `Begrundelser med «${w.word}»`, figure));
      return el('li', {}, button);
    });
    return el(
      'section',
      { class: 'overview-block', 'aria-labelledby': 'ov-overrides' },
      el('h3', { id: 'ov-overrides', text: `Afvigelser fra anbefalingen (${ov.overridden.count} sager, ${ov.decisions} afgørelser)` }),
      ov.byMeasure.length === 0
        ? el('p', { class: 'hint', text: 'Der er ingen afgørelser endnu.' })
        : el(
            'ul',
            { class: 'figures' },
            ov.byMeasure.map((m) =>
              figureRow(`Anbefalet: ${m.label}`, m.overridden, 1, { id: `override-${m.outcome}`, part: m.share, kind: 'share', value: `${m.overridden.count} af ${m.decisions} (${percent.format(m.share)})` }),
            ),
          ),
      el('h4', { text: 'Hyppigste ord i begrundelserne' }),
      words.length === 0 ? el('p', { class: 'hint', text: 'Ingen begrundelser endnu.' }) : el('ul', { class: 'words' }, words),
      el('p', { class: 'hint', text: 'Navne, CPR-numre og andre personoplysninger er fjernet før optællingen; korte ord og fyldord tælles ikke.' }),
    );
  }

  async function load(teamId) {
    const section = $('overview');
    section.hidden = false;
    const status = $('overview-status');
    status.textContent = 'Henter overblik …';
    try {
      const { overview } = await window.familiestotte.api(`/api/tab/overview?teamId=${encodeURIComponent(teamId)}`);
      $('overview-body').replaceChildren(openBlock(overview), dueBlock(overview), scopeBlock(overview), overridesBlock(overview));
      status.textContent = 'Vælg et tal for at se sagerne bag det.';
      section.dataset.loaded = 'true';
    } catch (error) {
      status.textContent = error.message;
      status.classList.add('warning');
    }
  }

  if (window.familiestotte && window.familiestotte.teamId) load(window.familiestotte.teamId);
  document.addEventListener('familiestotte:channel', (event) => load(event.detail.teamId));
})();
