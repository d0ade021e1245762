// Familiestøtte's tab: case summaries in the personal app, a team's channel and a meeting's side panel.
// Plain browser JavaScript, no build step; teams-js is the package's own UMD bundle (global microsoftTeams).
// Every value from the server is written with textContent, never as HTML.
'use strict';

(() => {
  const DEV_TOKEN = 'lokal-udvikling';
  const THEMES = ['default', 'dark', 'contrast'];
  const $ = (id) => document.getElementById(id);

  // The page's words, Danish first and English complete; the reader's language comes from Teams
  // (or the browser outside Teams). Anything not English is Danish, as in the bot's cards.
  const STRINGS = {
    da: {
      skip: 'Gå til indhold',
      pageTitle: 'Sagsresuméer',
      findHeading: 'Find en sag',
      referenceLabel: 'Sagsreference',
      referencePlaceholder: 'fx SAG-2026-0042',
      show: 'Vis resumé',
      referenceHint: 'Kommunens sagsnummer, som det står i sagssystemet.',
      settingsHeading: 'Tilføj sagsresuméer',
      settingsText: 'Fanen viser resuméer af teamets sager, og i et møde kan deltagerne finde en sag ud fra dens reference. Vælg »Gem« for at tilføje fanen.',
      linePersonal: 'Dine sager, med den nærmeste frist først.',
      lineChannel: 'Teamets sager, med den nærmeste frist først.',
      lineMeeting: 'Find sagen til mødet ud fra dens reference.',
      mine: 'Mine sager',
      team: 'Teamets sager',
      loading: 'Henter sager …',
      noCases: 'Der er ingen åbne sager.',
      cases: (n) => `${n} ${n === 1 ? 'sag' : 'sager'}.`,
      nextDue: 'Næste frist',
      noNextDue: 'Ingen kommende frist',
      typeReference: 'Skriv sagens reference, fx SAG-2026-0042.',
      noAnswer: 'Familiestøtte svarede ikke som ventet. Prøv igen om lidt.',
      noTeams: 'Fanen kunne ikke forbinde til Teams. Genindlæs fanen.',
      noStart: 'Fanen kunne ikke starte. Genindlæs fanen.',
      outsideHeading: 'Åbn Familiestøtte i Teams',
      outsideText: 'Sagsresuméerne vises kun inde i Microsoft Teams, hvor du er logget ind med din arbejdskonto.',
      outsideSteps: ['Åbn Teams (i browseren eller appen).', 'Vælg »Apps« i venstre side og søg efter »Familiestøtte«.', 'Åbn fanen »Sagsresuméer« – eller tilføj den i teamets kanal med »+«.'],
      source: 'Afsnit i standarden',
      showText: (id) => `Vis teksten (${id})`,
      noDecision: 'Der er ikke truffet en afgørelse i sagen endnu.',
      decision: 'Afgørelse',
      recommendation: 'Anbefaling efter servicestandarden',
      chosen: 'Valgt af sagsbehandler',
      overrideReason: 'Begrundelse for afvigelsen',
      overriddenBy: 'Afveget af',
      decidedBy: 'Besluttet af',
      start: 'Start',
      note: 'Bemærk',
      reasonsForRecommendation: 'Begrundelse for anbefalingen',
      reasons: 'Begrundelse',
      legalBasis: 'Lovgrundlag',
      inStandard: 'i standarden',
      overdue: (n) => `overskredet for ${n} ${n === 1 ? 'dag' : 'dage'} siden`,
      today: 'i dag',
      inDays: (n) => `om ${n} ${n === 1 ? 'dag' : 'dage'}`,
      dueDates: 'Frister',
      earliestFirst: 'Tidligste frist først',
      date: 'Dato',
      what: 'Hvad',
      toDecide: 'Hvad skal afgøres',
      scope: 'Omfang: brugt mod bevilget',
      verdict: { below: 'Det er under det bevilgede.', within: 'Det er inden for det bevilgede.', above: 'Det er over det bevilgede.' },
      plan: 'Plan og mål',
      purpose: 'Formål',
      agreed: 'aftalt med forældrene',
      nextReview: 'Næste gennemgang',
      courseClosed: 'Forløbet er afsluttet.',
      notes: 'Resumé af notater',
      notesBy: (by, n, date) => `Udarbejdet af ${by} ud fra ${n} ${n === 1 ? 'notat' : 'notater'}, ${date}.`,
      journal: 'Til journalen',
      journalLabel: 'Resumé som ren tekst',
      copy: 'Kopiér til journal',
      copied: 'Kopieret. Indsæt teksten i sagssystemets journal.',
      selected: 'Teksten er markeret. Tryk Ctrl+C for at kopiere den.',
      case: 'Sag',
      closed: 'Sagen er lukket.',
      wellbeingTitle: 'Trivsel (1–5) over tid',
      latest: (date, reason) => `Senest (${date}): ${reason}`,
      months: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
      devBanner: 'Lokal udviklingstilstand',
      devBannerText: ' – ikke forbundet til Teams. Du er logget ind som lokal udvikler.',
      devView: 'Visning',
      devPersonal: 'Personlig (mine sager)',
      devChannel: 'Kanal (teamets sager)',
      devSidePanel: 'Mødets sidepanel',
      devTheme: 'Tema',
      devLight: 'Lyst',
      devDark: 'Mørkt',
      devContrast: 'Høj kontrast',
      overviewHeading: 'Teamets overblik',
      // The team's overview (overview.js); its labels of measures, deadlines and scope come from the server in the same language.
      overview: {
        loading: 'Henter overblik …',
        choose: 'Vælg et tal for at se sagerne bag det.',
        cases: (n) => `${n} ${n === 1 ? 'sag' : 'sager'}`,
        noCases: 'Ingen sager.',
        showCases: 'Vis sagerne',
        countLabel: (title, n) => `${title}: ${n}. Vis sagerne`,
        openHeading: (n) => `Åbne sager efter indsats og niveau (${n})`,
        noOpen: 'Teamet har ingen åbne sager.',
        dueHeading: 'Frister',
        what: 'Hvad',
        overdue: 'Overskredet',
        next14: 'Næste 14 dage',
        next30: 'Næste 30 dage',
        overdueOf: (label) => `${label}, overskredet`,
        next14Of: (label) => `${label}, de næste 14 dage`,
        next30Of: (label) => `${label}, de næste 30 dage`,
        dueCaption: (date) => `Antal sager pr. ${date}; de 30 dage rummer de 14.`,
        childPlanUndecided: 'Barnets plan: ikke besluttet, om der skal udarbejdes en',
        scopeHeading: (n) => `Omfang: brugt mod bevilget (${n} ${n === 1 ? 'sag' : 'sager'} med bevilling)`,
        noScope: 'Ingen åbne sager med en bevilling.',
        scopeHint: 'Gennemsnittet siden start, som i sagens resumé.',
        overridesHeading: (cases, decisions) => `Afvigelser fra anbefalingen (${cases} ${cases === 1 ? 'sag' : 'sager'}, ${decisions} ${decisions === 1 ? 'afgørelse' : 'afgørelser'})`,
        noDecisions: 'Der er ingen afgørelser endnu.',
        recommended: (label) => `Anbefalet: ${label}`,
        share: (n, of, percent) => `${n} af ${of} (${percent})`,
        wordsHeading: 'Hyppigste ord i begrundelserne',
        wordReasons: (n) => ` ${n === 1 ? 'begrundelse' : 'begrundelser'}. Vis sagerne`,
        reasonsWith: (word) => `Begrundelser med »${word}«`,
        noReasons: 'Ingen begrundelser endnu.',
        wordsHint: 'Navne, CPR-numre og andre personoplysninger er fjernet før optællingen; korte ord og fyldord tælles ikke.',
      },
    },
    en: {
      skip: 'Skip to content',
      pageTitle: 'Case summaries',
      findHeading: 'Find a case',
      referenceLabel: 'Case reference',
      referencePlaceholder: 'e.g. SAG-2026-0042',
      show: 'Show summary',
      referenceHint: "The municipality's case number, as it stands in the case system.",
      settingsHeading: 'Add case summaries',
      settingsText: "The tab shows summaries of the team's cases, and in a meeting the participants can find a case by its reference. Choose »Save« to add the tab.",
      linePersonal: 'Your cases, nearest due date first.',
      lineChannel: "The team's cases, nearest due date first.",
      lineMeeting: "Find the meeting's case by its reference.",
      mine: 'My cases',
      team: "The team's cases",
      loading: 'Fetching cases …',
      noCases: 'There are no open cases.',
      cases: (n) => `${n} ${n === 1 ? 'case' : 'cases'}.`,
      nextDue: 'Next due date',
      noNextDue: 'No coming due date',
      typeReference: "Type the case's reference, e.g. SAG-2026-0042.",
      noAnswer: 'Familiestøtte did not answer as expected. Try again in a moment.',
      noTeams: 'The tab could not connect to Teams. Reload the tab.',
      noStart: 'The tab could not start. Reload the tab.',
      outsideHeading: 'Open Familiestøtte in Teams',
      outsideText: 'The case summaries are shown only inside Microsoft Teams, where you are signed in with your work account.',
      outsideSteps: ['Open Teams (in the browser or the app).', 'Choose »Apps« on the left and search for »Familiestøtte«.', 'Open the »Sagsresuméer« tab – or add it to the team\'s channel with »+«.'],
      source: 'Passage in the standard',
      showText: (id) => `Show the text (${id})`,
      noDecision: 'No decision has been made in the case yet.',
      decision: 'Decision',
      recommendation: 'Recommendation under the service standard',
      chosen: 'Chosen by the caseworker',
      overrideReason: 'Reason for departing from it',
      overriddenBy: 'Departed from by',
      decidedBy: 'Decided by',
      start: 'Start',
      note: 'Note',
      reasonsForRecommendation: 'Reasons for the recommendation',
      reasons: 'Reasons',
      legalBasis: 'Legal basis',
      inStandard: 'in the standard',
      overdue: (n) => `overdue by ${n} ${n === 1 ? 'day' : 'days'}`,
      today: 'today',
      inDays: (n) => `in ${n} ${n === 1 ? 'day' : 'days'}`,
      dueDates: 'Due dates',
      earliestFirst: 'Earliest due date first',
      date: 'Date',
      what: 'What',
      toDecide: 'What must be decided',
      scope: 'Scope: used against granted',
      verdict: { below: 'That is below what was granted.', within: 'That is within what was granted.', above: 'That is above what was granted.' },
      plan: 'Plan and goals',
      purpose: 'Purpose',
      agreed: 'agreed with the parents',
      nextReview: 'Next review',
      courseClosed: 'The course is closed.',
      notes: 'Summary of notes',
      notesBy: (by, n, date) => `Written by ${by} from ${n} ${n === 1 ? 'note' : 'notes'}, ${date}.`,
      journal: 'For the case file',
      journalLabel: 'Summary as plain text (in Danish, as the case system keeps it)',
      copy: 'Copy for the case file',
      copied: "Copied. Paste the text into the case system's journal.",
      selected: 'The text is selected. Press Ctrl+C to copy it.',
      case: 'Case',
      closed: 'The case is closed.',
      wellbeingTitle: 'Wellbeing (1–5) over time',
      latest: (date, reason) => `Latest (${date}): ${reason}`,
      months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
      devBanner: 'Local development mode',
      devBannerText: ' – not connected to Teams. You are signed in as the local developer.',
      devView: 'View',
      devPersonal: 'Personal (my cases)',
      devChannel: "Channel (the team's cases)",
      devSidePanel: "The meeting's side panel",
      devTheme: 'Theme',
      devLight: 'Light',
      devDark: 'Dark',
      devContrast: 'High contrast',
      overviewHeading: "The team's overview",
      overview: {
        loading: 'Fetching the overview …',
        choose: 'Choose a number to see the cases behind it.',
        cases: (n) => `${n} ${n === 1 ? 'case' : 'cases'}`,
        noCases: 'No cases.',
        showCases: 'Show the cases',
        countLabel: (title, n) => `${title}: ${n}. Show the cases`,
        openHeading: (n) => `Open cases by measure and level (${n})`,
        noOpen: 'The team has no open cases.',
        dueHeading: 'Due dates',
        what: 'What',
        overdue: 'Overdue',
        next14: 'Next 14 days',
        next30: 'Next 30 days',
        overdueOf: (label) => `${label}, overdue`,
        next14Of: (label) => `${label}, the next 14 days`,
        next30Of: (label) => `${label}, the next 30 days`,
        dueCaption: (date) => `Number of cases as of ${date}; the 30 days include the 14.`,
        childPlanUndecided: 'Barnets plan: not yet decided whether one is to be drawn up',
        scopeHeading: (n) => `Scope: used against granted (${n} ${n === 1 ? 'case' : 'cases'} with a grant)`,
        noScope: 'No open cases with a grant.',
        scopeHint: 'The average since the start, as in the case summary.',
        overridesHeading: (cases, decisions) => `Departures from the recommendation (${cases} ${cases === 1 ? 'case' : 'cases'}, ${decisions} ${decisions === 1 ? 'decision' : 'decisions'})`,
        noDecisions: 'There are no decisions yet.',
        recommended: (label) => `Recommended: ${label}`,
        share: (n, of, percent) => `${n} of ${of} (${percent})`,
        wordsHeading: 'Most common words in the reasons',
        wordReasons: (n) => ` ${n === 1 ? 'reason' : 'reasons'}. Show the cases`,
        reasonsWith: (word) => `Reasons with »${word}«`,
        noReasons: 'No reasons yet.',
        wordsHint: "Names, CPR numbers and other personal data are removed before counting; short words and filler words are not counted. The words are shown as the caseworkers wrote them.",
      },
    },
  };
  let lang = 'da';
  let T = STRINGS.da;
  const langFrom = (locale) => (typeof locale === 'string' && locale.trim().toLowerCase().startsWith('en') ? 'en' : 'da');

  /** One language for the whole page: the static words too, and the document's lang for hyphenation. */
  function setLanguage(locale) {
    lang = langFrom(locale);
    T = STRINGS[lang];
    document.documentElement.lang = lang;
    document.title = `Familiestøtte – ${T.pageTitle.toLowerCase()}`;
    for (const node of document.querySelectorAll('[data-text]')) node.textContent = T[node.dataset.text];
    for (const node of document.querySelectorAll('[data-aria-text]')) node.setAttribute('aria-label', T[node.dataset.ariaText]);
    $('reference').placeholder = T.referencePlaceholder;
  }

  /** "12. marts 2026" / "12 March 2026": the one date style of the bot's cards. */
  function formatDate(iso) {
    const [y, m, d] = iso.slice(0, 10).split('-');
    const month = T.months[Number(m) - 1];
    if (!month) return iso;
    return lang === 'da' ? `${Number(d)}. ${month} ${y}` : `${Number(d)} ${month} ${y}`;
  }

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

  /** Every call says the reader's language, so the server's answers and refusals come in it too. */
  async function api(path) {
    const token = await state.getToken();
    const url = new URL(path, location.href);
    url.searchParams.set('lang', lang);
    const res = await fetch(url.pathname + url.search, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.message || T.noAnswer);
    return body;
  }

  // The overview (overview.js) asks through the same token and opens a case the same way.
  // It speaks the page's language: its words are in STRINGS above, its dates in the same style.
  window.familiestotte = {
    api,
    el,
    openCase: (reference) => { $('reference').value = reference; return loadSummary(reference); },
    teamId: null,
    lang: () => lang,
    words: () => T.overview,
    formatDate: (iso) => formatDate(iso),
  };

  // ---- Where are we? Teams, or a plain browser in local development mode. ----

  async function start() {
    const config = await fetch('/api/tab/config').then((r) => r.json()).catch(() => ({ mode: 'disabled' }));
    // The team's overview is asked for only where the server offers it.
    window.familiestotte.overview = config.overview === true;
    const params = new URLSearchParams(location.search);
    const inFrame = window.parent !== window;
    // Outside Teams the browser's language is all there is; inside, Teams' own locale decides below.
    setLanguage(navigator.language);
    if (config.mode === 'dev' && !inFrame) return startDev(params);
    // Opened as a plain web page: teams-js would fail with "No Parent window found", which helps no one.
    if (!inFrame) return showOutsideTeams();
    try {
      await loadTeamsJs();
    } catch {
      showError(T.noTeams);
      return;
    }
    await startInTeams();
  }

  /** How to get to the tab from here: the page only works inside Teams. */
  function showOutsideTeams() {
    document.body.dataset.frame = 'outside';
    $('finder').hidden = true;
    const box = $('outside');
    box.replaceChildren(
      el('h2', { id: 'outside-heading', text: T.outsideHeading }),
      el('p', { text: T.outsideText }),
      el('ol', {}, T.outsideSteps.map((step) => el('li', { text: step }))),
    );
    box.hidden = false;
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
    setLanguage(context.app.locale);
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
    const lines = { personal: T.linePersonal, channel: T.lineChannel, sidePanel: T.lineMeeting, meeting: T.lineMeeting };
    $('context-line').textContent = lines[view.kind];
    if (view.kind === 'channel' && window.familiestotte.overview) {
      window.familiestotte.teamId = view.teamId;
      document.dispatchEvent(new CustomEvent('familiestotte:channel', { detail: { teamId: view.teamId } }));
    }
    if (view.kind === 'personal' || view.kind === 'channel') {
      $('list-section').hidden = false;
      $('list-heading').textContent = view.kind === 'channel' ? T.team : T.mine;
      loadList();
    }
  }

  // ---- The case list ----

  async function loadList() {
    const status = $('list-status');
    const list = $('case-list');
    status.textContent = T.loading;
    list.replaceChildren();
    try {
      const query = state.kind === 'channel' ? `view=team&teamId=${encodeURIComponent(state.teamId)}` : 'view=mine';
      const { cases } = await api(`/api/tab/cases?${query}`);
      status.textContent = cases.length === 0 ? T.noCases : T.cases(cases.length);
      list.replaceChildren(...cases.map(caseItem));
    } catch (error) {
      status.textContent = '';
      showError(error.message);
    }
  }

  function caseItem(c) {
    const due = c.nextDue ? `${T.nextDue}: ${formatDate(c.nextDue)}` : T.noNextDue;
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
      showError(T.typeReference);
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
    if (!passage || !passage.text) return passage && passage.id ? el('p', { class: 'hint', text: `${T.source} · ${passage.id}` }) : null;
    const id = `passage-${++expanderCount}`;
    const button = el('button', { type: 'button', class: 'expander', 'aria-expanded': 'false', 'aria-controls': id }, T.showText(passage.id));
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

  /** What was decided and by whom: the first thing a meeting needs. */
  function decisionBlock(s) {
    const d = s.decision;
    if (!d) return el('p', { text: T.noDecision });
    const parts = [el('h3', { text: T.decision })];
    if (s.override) {
      parts.push(
        el(
          'div',
          { class: 'side-by-side' },
          el('div', {}, el('dl', {}, el('dt', { text: T.recommendation }), el('dd', { text: s.override.recommended }))),
          el('div', {}, el('dl', {}, el('dt', { text: T.chosen }), el('dd', { class: 'outcome-standing', text: s.override.chosen }))),
        ),
        el(
          'dl',
          { class: 'kv' },
          el('dt', { text: T.overrideReason }),
          el('dd', { text: s.override.reason }),
          el('dt', { text: T.overriddenBy }),
          el('dd', { text: `${s.override.by}, ${formatDate(s.override.at)}` }),
        ),
      );
    } else {
      parts.push(
        el('div', { class: 'outcome' }, el('p', { class: 'outcome-standing', text: d.standing }), d.decidedBy ? el('p', { class: 'hint', text: `${T.decidedBy} ${d.decidedBy}` }) : null),
      );
    }
    parts.push(el('p', { class: 'hint', text: `${T.start}: ${formatDate(d.startDate)}` }));
    // Decided under another standard (or version) than the one in force: said, as the case card says it.
    if (d.standardNote) parts.push(el('p', { class: 'hint standard-note', text: d.standardNote }));
    return parts;
  }

  /** Why: warnings, reasons with their passages and the legal basis, after what was decided. */
  function reasonsBlock(s) {
    const d = s.decision;
    if (!d) return null;
    const parts = [];
    if (d.warnings.length > 0) {
      parts.push(el('h3', { text: T.note }), el('ul', { class: 'cited notes-list' }, d.warnings.map((w) => el('li', {}, el('p', { text: w.text }), passageExpander(w.passage)))));
    }
    if (d.reasons.length > 0) parts.push(el('h3', { text: s.override ? T.reasonsForRecommendation : T.reasons }), citedList(d.reasons));
    if (d.legalBasis.length > 0) {
      parts.push(el('h3', { text: T.legalBasis }), el('ul', {}, d.legalBasis.map((l) => el('li', { text: `${l.current} (${T.inStandard}: ${l.seed})` }))));
    }
    return parts;
  }

  /** The side panel's second line: the next due date, before anything else is read. */
  function nextDueBlock(s) {
    const next = s.dueDates.find((d) => !d.overdue);
    if (!next) return el('p', { class: 'next-due', text: T.noNextDue });
    return el('p', { class: 'next-due' }, el('strong', { text: `${T.nextDue}: ${formatDate(next.due)}` }), ` (${dueText(next)}) – ${next.label}`);
  }

  function dueText(d) {
    if (d.overdue) return el('span', { class: 'due-overdue', text: T.overdue(-d.daysLeft) });
    return d.daysLeft === 0 ? T.today : T.inDays(d.daysLeft);
  }

  function datesBlock(s) {
    if (s.dueDates.length === 0) return null;
    return [
      el('h3', { text: T.dueDates }),
      el(
        'table',
        { class: 'dates' },
        el('caption', { class: 'hint', text: T.earliestFirst }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: T.date }), el('th', { scope: 'col', text: T.what }), el('th', { scope: 'col', text: T.toDecide }))),
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
    const verdict = T.verdict[s.scope.status];
    return [el('h3', { text: T.scope }), el('p', { text: s.scope.text }), verdict ? el('p', { class: `scope-${s.scope.status}`, text: verdict }) : null];
  }

  function planBlock(s) {
    if (!s.plan) return null;
    const p = s.plan;
    return [
      el('h3', { text: T.plan }),
      el('p', { text: `${T.purpose}: ${p.purpose}` }),
      el(
        'ol',
        { class: 'goals' },
        p.goals.map((g) =>
          el('li', {}, el('span', { text: g.text + (g.agreedWithParents ? ` (${T.agreed})` : '') }), el('br'), el('span', { class: 'hint', text: g.since ? `${g.progress} (${formatDate(g.since)})` : g.progress })),
        ),
      ),
      el('p', { text: p.nextReview ? `${T.nextReview}: ${formatDate(p.nextReview.due)} – ${p.nextReview.label}` : T.courseClosed }),
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
      el('h3', { text: T.wellbeingTitle }),
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
            el('span', { class: 'hint', text: T.latest(formatDate(last.date), last.reason) }),
          );
        }),
      ),
    ];
  }

  function notesBlock(s) {
    if (!s.notesSummary) return null;
    const n = s.notesSummary;
    return [
      el('h3', { text: T.notes }),
      el('p', { text: n.text }),
      el('p', { class: 'hint', text: T.notesBy(n.producedBy, n.noteCount, formatDate(n.at)) }),
    ];
  }

  function journalBlock(text) {
    const area = el('textarea', { id: 'journal-text', readonly: true, rows: 10 });
    area.value = text;
    const status = el('span', { class: 'hint', role: 'status' });
    const copy = el('button', { type: 'button', id: 'copy-journal' }, T.copy);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(area.value);
        status.textContent = T.copied;
      } catch {
        // Teams may not grant clipboard access to a tab; the text stays selected for Ctrl+C.
        area.focus();
        area.select();
        status.textContent = T.selected;
      }
    });
    return el(
      'div',
      { class: 'journal' },
      el('h3', { text: T.journal }),
      el('label', { for: 'journal-text', text: T.journalLabel }),
      area,
      el('div', { class: 'journal-actions' }, copy, status),
    );
  }

  function renderSummary(section, s, journalText) {
    const title = `${T.case} ${s.reference}${s.label ? ` (${s.label})` : ''}`;
    const head = [el('h2', { id: 'summary-heading', tabindex: '-1', text: title }), s.status === 'closed' ? el('p', { class: 'warning', text: T.closed }) : null];
    // In a meeting's side panel the decision, the next due date and the plan come first; the
    // reasons, one tap each for their passage, after them. Elsewhere the case reads top to bottom.
    const body =
      state.kind === 'sidePanel' || state.kind === 'meeting'
        ? [decisionBlock(s), nextDueBlock(s), planBlock(s), wellbeingBlock(s), reasonsBlock(s), datesBlock(s), scopeBlock(s), notesBlock(s)]
        : [decisionBlock(s), reasonsBlock(s), datesBlock(s), scopeBlock(s), planBlock(s), wellbeingBlock(s), notesBlock(s)];
    const parts = [...head, ...body, journalBlock(journalText)];
    section.replaceChildren(...parts.flat(Infinity).filter(Boolean));
  }

  start().catch((error) => showError(error && error.message ? error.message : T.noStart));
})();
