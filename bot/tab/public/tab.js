// Familiestøtte's tab: case summaries in the personal app, a team's channel and a meeting's side panel.
// Plain browser JavaScript, no build step; teams-js is the package's own UMD bundle (global microsoftTeams).
// Every value from the server is written with textContent, never as HTML.
'use strict';

(() => {
  const DEV_TOKEN = 'lokal-udvikling';
  const THEMES = ['default', 'dark', 'contrast'];
  const $ = (id) => document.getElementById(id);
  const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const formatDate = (iso) => dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

  /** How the page was opened: which view, which team, how to get a token. */
  const state = { kind: 'personal', teamId: null, getToken: async () => DEV_TOKEN };

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function applyTheme(theme) {
    document.body.dataset.theme = THEMES.includes(theme) ? theme : 'default';
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  async function api(path) {
    const token = await state.getToken();
    const res = await fetch(path, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.message || 'Familiestøtte svarede ikke som ventet. Prøv igen om lidt.');
    return body;
  }

  // The overview (overview.js) asks through the same token and opens a case the same way.
  window.familiestotte = { api, openCase: (reference) => { $('reference').value = reference; return loadSummary(reference); }, teamId: null };

  // ---- Where are we? Teams, or a plain browser in local development mode. ----

  async function start() {
    const config = await fetch('/api/tab/config').then((r) => r.json()).catch(() => ({ mode: 'disabled' }));
    // The team's overview is asked for only where the server offers it.
    window.familiestotte.overview = config.overview === true;
    const params = new URLSearchParams(location.search);
    const inFrame = window.parent !== window;
    if (config.mode === 'dev' && !inFrame) return startDev(params);
    try {
      await loadTeamsJs();
    } catch {
      showError('Fanen kunne ikke forbinde til Teams. Genindlæs fanen.');
      return;
    }
    await startInTeams();
  }

  /** Loaded only inside Teams: outside it, teams-js has nothing to talk to. */
  function loadTeamsJs() {
    return new Promise((resolve, reject) => {
      const script = el('script', { src: 'teams-js.min.js' });
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
      document.head.append(script);
    });
  }

  function startDev(params) {
    $('dev-banner').hidden = false;
    const context = ['personal', 'channel', 'sidePanel'].includes(params.get('kontekst')) ? params.get('kontekst') : 'personal';
    const theme = params.get('tema') || 'default';
    $('dev-context').value = context;
    $('dev-theme').value = THEMES.includes(theme) ? theme : 'default';
    applyTheme(theme);
    // The theme switch stands in for Teams' theme change event, so the page changes the same way.
    $('dev-theme').addEventListener('change', (e) => applyTheme(e.target.value));
    $('dev-context').addEventListener('change', (e) => {
      const next = new URLSearchParams(location.search);
      next.set('kontekst', e.target.value);
      next.set('tema', document.body.dataset.theme);
      location.search = next.toString();
    });
    state.getToken = async () => DEV_TOKEN;
    const teamId = params.get('team') || 'team-familie';
    enter(context === 'channel' ? { kind: 'channel', teamId } : { kind: context });
  }

  async function startInTeams() {
    await microsoftTeams.app.initialize();
    const context = await microsoftTeams.app.getContext();
    applyTheme(context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    state.getToken = () => microsoftTeams.authentication.getAuthToken();
    const frame = context.page.frameContext;
    if (frame === 'settings') return enterSettings(context);
    microsoftTeams.app.notifySuccess();
    if (frame === 'sidePanel' || frame === 'meetingStage') return enter({ kind: 'sidePanel' });
    if (context.channel && context.team && context.team.internalId) return enter({ kind: 'channel', teamId: context.team.internalId });
    if (context.meeting) return enter({ kind: 'meeting' });
    enter({ kind: 'personal' });
  }

  /** The configurable tab's settings page: one choice, so saving is always allowed. */
  function enterSettings(context) {
    document.body.dataset.frame = 'settings';
    $('settings').hidden = false;
    $('finder').hidden = true;
    microsoftTeams.pages.config.registerOnSaveHandler((saveEvent) => {
      const contentUrl = `${location.origin}/tab/`;
      microsoftTeams.pages.config
        .setConfig({ entityId: 'familiestotte-resumeer', contentUrl, websiteUrl: contentUrl, suggestedDisplayName: 'Sagsresuméer' })
        .then(() => saveEvent.notifySuccess(), (error) => saveEvent.notifyFailure(String(error)));
    });
    microsoftTeams.pages.config.setValidityState(true);
    microsoftTeams.app.notifySuccess();
    void context;
  }

  function enter(view) {
    state.kind = view.kind;
    state.teamId = view.teamId || null;
    document.body.dataset.frame = view.kind === 'sidePanel' ? 'sidePanel' : 'content';
    const lines = {
      personal: 'Dine sager, med den nærmeste frist først.',
      channel: 'Teamets sager, med den nærmeste frist først.',
      sidePanel: 'Find sagen til mødet ud fra dens reference.',
      meeting: 'Find sagen til mødet ud fra dens reference.',
    };
    $('context-line').textContent = lines[view.kind];
    if (view.kind === 'channel' && window.familiestotte.overview) {
      window.familiestotte.teamId = view.teamId;
      document.dispatchEvent(new CustomEvent('familiestotte:channel', { detail: { teamId: view.teamId } }));
    }
    if (view.kind === 'personal' || view.kind === 'channel') {
      $('list-section').hidden = false;
      $('list-heading').textContent = view.kind === 'channel' ? 'Teamets sager' : 'Mine sager';
      loadList();
    }
  }

  // ---- The case list ----

  async function loadList() {
    const status = $('list-status');
    const list = $('case-list');
    status.textContent = 'Henter sager …';
    list.replaceChildren();
    try {
      const query = state.kind === 'channel' ? `view=team&teamId=${encodeURIComponent(state.teamId)}` : 'view=mine';
      const { cases } = await api(`/api/tab/cases?${query}`);
      status.textContent = cases.length === 0 ? 'Der er ingen åbne sager.' : `${cases.length} ${cases.length === 1 ? 'sag' : 'sager'}.`;
      list.replaceChildren(...cases.map(caseItem));
    } catch (error) {
      status.textContent = '';
      showError(error.message);
    }
  }

  function caseItem(c) {
    const due = c.nextDue ? `Næste frist: ${formatDate(c.nextDue)}` : 'Ingen kommende frist';
    const button = el(
      'button',
      { type: 'button', 'data-reference': c.reference },
      el('span', { class: 'case-ref', text: `${c.reference}${c.label ? ` · ${c.label}` : ''}` }),
      el('span', { text: c.standing }),
      el('span', { class: 'case-meta', text: due }),
    );
    button.addEventListener('click', () => {
      $('reference').value = c.reference;
      loadSummary(c.reference);
    });
    return el('li', {}, button);
  }

  // ---- One case's summary ----

  $('find-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const reference = $('reference').value.trim();
    if (!reference) {
      showError('Skriv sagens reference, fx SAG-2026-0042.');
      $('reference').focus();
      return;
    }
    loadSummary(reference);
  });

  async function loadSummary(reference) {
    const section = $('summary');
    showError('');
    section.setAttribute('aria-busy', 'true');
    try {
      const { summary, journalText } = await api(`/api/tab/cases/${encodeURIComponent(reference)}`);
      renderSummary(section, summary, journalText);
      section.hidden = false;
      $('summary-heading').focus();
    } catch (error) {
      section.hidden = true;
      showError(error.message);
      $('reference').focus();
    } finally {
      section.removeAttribute('aria-busy');
    }
  }

  let expanderCount = 0;
  /** A button that shows the standard's own words for a citation; aria-expanded tells a screen reader. */
  function passageExpander(passage) {
    if (!passage || !passage.text) return passage && passage.id ? el('p', { class: 'hint', text: `Kilde: ${passage.id}` }) : null;
    const id = `passage-${++expanderCount}`;
    const button = el('button', { type: 'button', class: 'expander', 'aria-expanded': 'false', 'aria-controls': id }, `Vis standardens tekst (${passage.id})`);
    const quote = el(
      'blockquote',
      { class: 'passage', id, hidden: true },
      el('span', { class: 'passage-source', text: `${passage.source} › ${passage.heading}` }),
      passage.text,
    );
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      quote.hidden = !open;
    });
    return el('div', {}, button, quote);
  }

  function citedList(items) {
    return el('ul', { class: 'cited' }, items.map((c) => el('li', {}, el('p', { text: c.text }), passageExpander(c.passage))));
  }

  function decisionBlock(s) {
    const d = s.decision;
    if (!d) return el('p', { text: 'Der er ikke truffet en afgørelse i sagen endnu.' });
    const parts = [el('h3', { text: 'Afgørelse' })];
    if (s.override) {
      parts.push(
        el(
          'div',
          { class: 'side-by-side' },
          el('div', {}, el('dl', {}, el('dt', { text: 'Anbefaling efter servicestandarden' }), el('dd', { text: s.override.recommended }))),
          el('div', {}, el('dl', {}, el('dt', { text: 'Valgt af sagsbehandler' }), el('dd', { class: 'outcome-standing', text: s.override.chosen }))),
        ),
        el(
          'dl',
          { class: 'kv' },
          el('dt', { text: 'Begrundelse for afvigelsen' }),
          el('dd', { text: s.override.reason }),
          el('dt', { text: 'Afveget af' }),
          el('dd', { text: `${s.override.by}, ${formatDate(s.override.at)}` }),
        ),
      );
    } else {
      parts.push(
        el('div', { class: 'outcome' }, el('p', { class: 'outcome-standing', text: d.standing }), d.decidedBy ? el('p', { class: 'hint', text: `Besluttet af ${d.decidedBy}` }) : null),
      );
    }
    parts.push(el('p', { class: 'hint', text: `Start: ${formatDate(d.startDate)}` }));
    if (d.warnings.length > 0) {
      parts.push(el('h3', { text: 'Bemærk' }), el('ul', { class: 'cited notes-list' }, d.warnings.map((w) => el('li', {}, el('p', { text: w.text }), passageExpander(w.passage)))));
    }
    if (d.reasons.length > 0) parts.push(el('h3', { text: s.override ? 'Begrundelse for anbefalingen' : 'Begrundelse' }), citedList(d.reasons));
    if (d.legalBasis.length > 0) {
      parts.push(el('h3', { text: 'Lovgrundlag' }), el('ul', {}, d.legalBasis.map((l) => el('li', { text: `${l.current} (i standarden: ${l.seed})` }))));
    }
    return parts;
  }

  function dueText(d) {
    if (d.overdue) return el('span', { class: 'due-overdue', text: `overskredet for ${-d.daysLeft} ${-d.daysLeft === 1 ? 'dag' : 'dage'} siden` });
    return d.daysLeft === 0 ? 'i dag' : `om ${d.daysLeft} ${d.daysLeft === 1 ? 'dag' : 'dage'}`;
  }

  function datesBlock(s) {
    if (s.dueDates.length === 0) return null;
    return [
      el('h3', { text: 'Frister' }),
      el(
        'table',
        { class: 'dates' },
        el('caption', { class: 'hint', text: 'Tidligste frist først' }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Dato' }), el('th', { scope: 'col', text: 'Hvad' }), el('th', { scope: 'col', text: 'Hvad skal afgøres' }))),
        el(
          'tbody',
          {},
          s.dueDates.map((d) =>
            el(
              'tr',
              {},
              el('td', {}, el('strong', { text: formatDate(d.due) }), el('br'), dueText(d)),
              el('td', { text: d.label }),
              el('td', {}, el('span', { text: d.text }), passageExpander(d.passage)),
            ),
          ),
        ),
      ),
    ];
  }

  function scopeBlock(s) {
    if (!s.scope) return null;
    const verdict = { below: 'under det bevilgede', within: 'inden for det bevilgede', above: 'over det bevilgede', 'no-limit': '' }[s.scope.status];
    return [
      el('h3', { text: 'Omfang: brugt mod bevilget' }),
      el('p', { text: s.scope.text }),
      verdict ? el('p', { class: `scope-${s.scope.status}`, text: `Det er ${verdict}.` }) : null,
    ];
  }

  function planBlock(s) {
    if (!s.plan) return null;
    const p = s.plan;
    return [
      el('h3', { text: 'Plan og mål' }),
      el('p', { text: `Formål: ${p.purpose}` }),
      el(
        'ol',
        { class: 'goals' },
        p.goals.map((g) =>
          el('li', {}, el('span', { text: g.text + (g.agreedWithParents ? ' (aftalt med forældrene)' : '') }), el('br'), el('span', { class: 'hint', text: g.since ? `${g.progress} (${formatDate(g.since)})` : g.progress })),
        ),
      ),
      el('p', { text: p.nextReview ? `Næste gennemgang: ${formatDate(p.nextReview.due)} – ${p.nextReview.label}` : 'Forløbet er afsluttet.' }),
    ];
  }

  // The wellbeing course as a small SVG line per area (written here: no chart library, no build
  // step); the points' numbers are in the text line beside it, so the chart itself is decorative.
  function sparkline(points) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 100 30');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const x = (i) => (points.length === 1 ? 50 : 4 + (92 * i) / (points.length - 1));
    const y = (score) => 26 - ((score - 1) * 22) / 4;
    for (const level of [1, 3, 5]) {
      const line = document.createElementNS(NS, 'line');
      line.setAttribute('class', 'spark-grid');
      line.setAttribute('x1', '0'); line.setAttribute('x2', '100');
      line.setAttribute('y1', String(y(level))); line.setAttribute('y2', String(y(level)));
      svg.append(line);
    }
    const path = document.createElementNS(NS, 'polyline');
    path.setAttribute('class', 'spark-line');
    path.setAttribute('points', points.map((p, i) => `${x(i)},${y(p.score)}`).join(' '));
    svg.append(path);
    points.forEach((p, i) => {
      const dot = document.createElementNS(NS, 'circle');
      dot.setAttribute('class', 'spark-dot');
      dot.setAttribute('cx', String(x(i))); dot.setAttribute('cy', String(y(p.score))); dot.setAttribute('r', '2.2');
      svg.append(dot);
    });
    return svg;
  }

  function wellbeingBlock(s) {
    if (!s.wellbeing) return null;
    return [
      el('h3', { text: 'Trivsel (1–5) over tid' }),
      el(
        'ul',
        { class: 'wellbeing' },
        s.wellbeing.areas.map((a) => {
          const last = a.points[a.points.length - 1];
          return el(
            'li',
            { 'data-area': a.id },
            el('span', { class: 'wellbeing-label', text: a.label }),
            el('span', { class: 'wellbeing-scores', text: a.points.map((p) => p.score).join(' → ') }),
            sparkline(a.points),
            el('span', { class: 'hint', text: `Senest (${formatDate(last.date)}): ${last.reason}` }),
          );
        }),
      ),
    ];
  }

  function notesBlock(s) {
    if (!s.notesSummary) return null;
    const n = s.notesSummary;
    return [
      el('h3', { text: 'Resumé af notater' }),
      el('p', { text: n.text }),
      el('p', { class: 'hint', text: `Udarbejdet af ${n.producedBy} ud fra ${n.noteCount} notater, ${formatDate(n.at)}.` }),
    ];
  }

  function journalBlock(text) {
    const area = el('textarea', { id: 'journal-text', readonly: true, rows: 10 });
    area.value = text;
    const status = el('span', { class: 'hint', role: 'status' });
    const copy = el('button', { type: 'button', id: 'copy-journal' }, 'Kopiér til journal');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(area.value);
        status.textContent = 'Kopieret. Indsæt teksten i sagssystemets journal.';
      } catch {
        // Teams may not grant clipboard access to a tab; the text stays selected for Ctrl+C.
        area.focus();
        area.select();
        status.textContent = 'Teksten er markeret. Tryk Ctrl+C for at kopiere den.';
      }
    });
    return el(
      'div',
      { class: 'journal' },
      el('h3', { text: 'Til journalen' }),
      el('label', { for: 'journal-text', text: 'Resumé som ren tekst' }),
      area,
      el('div', { class: 'journal-actions' }, copy, status),
    );
  }

  function renderSummary(section, s, journalText) {
    const title = `Sag ${s.reference}${s.label ? ` (${s.label})` : ''}`;
    const parts = [
      el('h2', { id: 'summary-heading', tabindex: '-1', text: title }),
      s.status === 'closed' ? el('p', { class: 'warning', text: 'Sagen er lukket.' }) : null,
      decisionBlock(s),
      datesBlock(s),
      scopeBlock(s),
      planBlock(s),
      wellbeingBlock(s),
      notesBlock(s),
      journalBlock(journalText),
    ];
    section.replaceChildren(...parts.flat(Infinity).filter(Boolean));
  }

  start().catch((error) => showError(error && error.message ? error.message : 'Fanen kunne ikke starte. Genindlæs fanen.'));
})();
