// Familiestøtte's team overview in the channel tab: open cases by measure, what falls due, scope
// used against granted, and overrides of the recommendation. Plain browser JavaScript like tab.js.
// The charts are SVG written here: the page has no build step and takes no new dependency, and a
// bar per figure is all the overview needs. Colours come from the theme's CSS variables, so the
// three Teams themes (and forced colours) apply to the charts as to the text. Every figure is a
// button that lists the cases behind it; every value is written with textContent, never as HTML.
// Its words are the page's (tab.js STRINGS), in the reader's language; the server labels the
// measures, deadlines and scope in that language too (the page sends it as `lang`).
'use strict';

(() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  // The page's one element builder and words (tab.js), so both scripts write values the same way.
  const el = (...args) => window.familiestotte.el(...args);
  const W = () => window.familiestotte.words();
  const percent = (share) => new Intl.NumberFormat(window.familiestotte.lang() === 'en' ? 'en-GB' : 'da-DK', { style: 'percent', maximumFractionDigits: 0 }).format(share);

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
      el('h3', { id: 'overview-cases-heading', text: `${title}: ${W().cases(figure.count)}` }),
      figure.cases.length ? el('ul', { class: 'case-links', 'aria-labelledby': 'overview-cases-heading' }, items) : el('p', { class: 'hint', text: W().noCases }),
    );
    box.hidden = false;
    box.focus();
  }

  /** One figure as a row: label, number and bar; a button when there are cases behind it. */
  function figureRow(label, figure, whole, options = {}) {
    const value = options.value || String(figure.count);
    const content = [el('span', { class: 'figure-label', text: label }), el('span', { class: 'figure-value', text: value }), bar(options.part ?? figure.count, whole, options.kind)];
    if (figure.count === 0) return el('li', { class: 'figure figure-empty' }, el('div', { class: 'figure-inner' }, content));
    const button = el('button', { type: 'button', class: 'figure-inner', 'aria-pressed': 'false', 'data-figure': options.id || '' }, content, el('span', { class: 'sr-only', text: W().showCases }));
    button.addEventListener('click', () => showCases(button, label, figure));
    return el('li', { class: 'figure' }, button);
  }

  function countButton(title, figure, id, overdue) {
    if (figure.count === 0) return el('span', { class: 'count-zero', text: '0' });
    const button = el('button', { type: 'button', class: `count${overdue ? ' count-overdue' : ''}`, 'aria-pressed': 'false', 'data-figure': id, 'aria-label': W().countLabel(title, figure.count) }, String(figure.count));
    button.addEventListener('click', () => showCases(button, title, figure));
    return button;
  }

  function openBlock(o) {
    const max = Math.max(1, ...o.open.byMeasure.map((m) => m.cases.count));
    return el(
      'section',
      { class: 'overview-block', 'aria-labelledby': 'ov-open' },
      el('h3', { id: 'ov-open', text: W().openHeading(o.open.total.count) }),
      o.open.byMeasure.length === 0
        ? el('p', { class: 'hint', text: W().noOpen })
        : el('ul', { class: 'figures' }, o.open.byMeasure.map((m) => figureRow(m.label, m.cases, max, { id: `open-${m.outcome}${m.variant || ''}` }))),
    );
  }

  function dueBlock(o) {
    const w = W();
    const head = el('tr', {}, el('th', { scope: 'col', text: w.what }), el('th', { scope: 'col', text: w.overdue }), el('th', { scope: 'col', text: w.next14 }), el('th', { scope: 'col', text: w.next30 }));
    const rows = o.due.map((d) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row', text: d.label }),
        el('td', { 'data-label': w.overdue }, countButton(w.overdueOf(d.label), d.overdue, `due-${d.category}-overdue`, true)),
        el('td', { 'data-label': w.next14 }, countButton(w.next14Of(d.label), d.next14, `due-${d.category}-14`)),
        el('td', { 'data-label': w.next30 }, countButton(w.next30Of(d.label), d.next30, `due-${d.category}-30`)),
      ),
    );
    return el(
      'section',
      { class: 'overview-block', 'aria-labelledby': 'ov-due' },
      el('h3', { id: 'ov-due', text: w.dueHeading }),
      el('table', { class: 'due-table' }, el('caption', { class: 'hint', text: w.dueCaption(window.familiestotte.formatDate(o.today)) }), el('thead', {}, head), el('tbody', {}, rows)),
      childPlanUndecided(o),
    );
  }

  /** Cases with support under § 32 whose stance on barnets plan is still to be taken: § 91 asks it at the decision. */
  function childPlanUndecided(o) {
    const title = W().childPlanUndecided;
    return el('p', { class: 'child-plan-undecided' }, el('span', { text: `${title}: ` }), countButton(title, o.childPlanUndecided, 'child-plan-undecided', false));
  }

  function scopeBlock(o) {
    const max = Math.max(1, o.scope.granted);
    return el(
      'section',
      { class: 'overview-block', 'aria-labelledby': 'ov-scope' },
      el('h3', { id: 'ov-scope', text: W().scopeHeading(o.scope.granted) }),
      o.scope.lines.length === 0
        ? el('p', { class: 'hint', text: W().noScope })
        : el('ul', { class: 'figures' }, o.scope.lines.map((l) => figureRow(l.label, l.cases, max, { id: `scope-${l.standing}`, kind: l.standing === 'above' || l.standing === 'below' ? 'warn' : 'count' }))),
      el('p', { class: 'hint', text: W().scopeHint }),
    );
  }

  function overridesBlock(o) {
    const ov = o.overrides;
    const w = W();
    const words = ov.words.map((word) => {
      const figure = { count: word.cases.length, cases: word.cases };
      const button = el('button', { type: 'button', class: 'word', 'aria-pressed': 'false', 'data-figure': `word-${word.word}` }, `${word.word} `, el('span', { class: 'word-count', text: String(word.reasons) }), el('span', { class: 'sr-only', text: w.wordReasons(word.reasons) }));
      button.addEventListener('click', () => showCases(button, w.reasonsWith(word.word), figure));
      return el('li', {}, button);
    });
    return el(
      'section',
      { class: 'overview-block', 'aria-labelledby': 'ov-overrides' },
      el('h3', { id: 'ov-overrides', text: w.overridesHeading(ov.overridden.count, ov.decisions) }),
      ov.byMeasure.length === 0
        ? el('p', { class: 'hint', text: w.noDecisions })
        : el(
            'ul',
            { class: 'figures' },
            ov.byMeasure.map((m) =>
              figureRow(w.recommended(m.label), m.overridden, 1, { id: `override-${m.outcome}`, part: m.share, kind: 'share', value: w.share(m.overridden.count, m.decisions, percent(m.share)) }),
            ),
          ),
      el('h4', { text: w.wordsHeading }),
      words.length === 0 ? el('p', { class: 'hint', text: w.noReasons }) : el('ul', { class: 'words' }, words),
      el('p', { class: 'hint', text: w.wordsHint }),
    );
  }

  async function load(teamId) {
    const section = $('overview');
    section.hidden = false;
    const status = $('overview-status');
    status.textContent = W().loading;
    try {
      const { overview } = await window.familiestotte.api(`/api/tab/overview?teamId=${encodeURIComponent(teamId)}`);
      $('overview-body').replaceChildren(openBlock(overview), dueBlock(overview), scopeBlock(overview), overridesBlock(overview));
      status.textContent = W().choose;
      section.dataset.loaded = 'true';
    } catch (error) {
      status.textContent = error.message;
      status.classList.add('warning');
    }
  }

  if (window.familiestotte && window.familiestotte.teamId) load(window.familiestotte.teamId);
  document.addEventListener('familiestotte:channel', (event) => load(event.detail.teamId));
})();
