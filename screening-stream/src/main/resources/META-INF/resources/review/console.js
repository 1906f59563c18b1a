'use strict';
// The review console's page. Everything a sample holds is written with textContent (or as a style
// computed here): a sample's text is data, never markup. Changes carry the session's CSRF token.
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { session: null, sample: null, busy: false, refilter: false, undoSeconds: 5 };
  // What a verdict's flags mean to an annotator; an unknown flag is shown as it is.
  const FLAG_TEXT = {
    AUDIT: 'review audit: the score alone would accept it',
    TRUNCATED: 'text cut to the encoder\'s token limit',
  };

  const filter = () => {
    const q = new URLSearchParams();
    for (const key of ['domain', 'version', 'order']) {
      if ($(key).value) q.set(key, $(key).value);
    }
    return q.toString();
  };

  class SignedOut extends Error {}

  async function api(method, path, body) {
    try {
      return await call(method, path, body);
    } catch (e) {
      if (e.status !== 403 || method === 'GET') throw e;
      // The token went stale (the service restarted with another key): read it again, try once more.
      state.session = await call('GET', '/session');
      return call(method, path, body);
    }
  }

  async function call(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = state.session ? state.session.csrfToken : '';
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch('/review/api' + path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    const type = res.headers.get('Content-Type') || '';
    if (res.redirected || res.status === 401 || !type.includes('json')) {
      throw new SignedOut('signed out');
    }
    const data = await res.json();
    if (!res.ok) {
      const e = new Error(data.error || ('HTTP ' + res.status));
      e.status = res.status;
      throw e;
    }
    return data;
  }

  function say(text, error) {
    $('status').textContent = text;
    $('status').className = error ? 'error' : '';
  }

  function fail(e) {
    if (e instanceof SignedOut) {
      location.assign('/review/login.html');
      return;
    }
    say(e.message, true);
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  const fixed = (x, n) => (typeof x === 'number' ? x.toFixed(n) : '');

  function show(turn) {
    $('waiting').textContent = turn.waiting;
    const s = turn.sample;
    state.sample = s;
    document.body.dataset.sampleId = s ? s.sampleId : '';
    $('card').hidden = !s;
    $('empty').hidden = !!s;
    if (!s) {
      elsewhere(turn.elsewhere || []);
      return;
    }
    $('sample-id').textContent = s.sampleId;
    $('sample-domain').textContent = s.domain || 'no domain';
    $('sample-source').textContent = s.source;
    $('screened-at').textContent = s.screenedAt;
    $('sample-version').textContent = s.featureSetVersion;
    $('flags').textContent = s.flags.length ? '· ' + s.flags.map(f => FLAG_TEXT[f] || f).join(', ') : '';
    $('score').textContent = fixed(s.score, 3);
    $('review-threshold').textContent = fixed(s.reviewThreshold, 3);
    $('quarantine-threshold').textContent = fixed(s.quarantineThreshold, 3);
    $('suggestion').textContent = s.suggestion === 'QUARANTINE' ? 'to quarantine' : 'to accept';
    placeMarkers(s);

    const conversation = $('conversation');
    conversation.replaceChildren();
    const replies = [];
    for (const m of s.messages) {
      if (m.role === 'assistant') { replies.push(m.content); continue; }
      const box = document.createElement('div');
      box.className = 'message';
      const role = document.createElement('div');
      role.className = 'role';
      role.textContent = m.role;
      const text = document.createElement('div');
      text.className = 'text';
      text.textContent = m.content;
      box.append(role, text);
      conversation.appendChild(box);
    }
    $('response').textContent = replies.join('\n');
    $('highlight-note').textContent = '(highlighting…)';

    const rows = $('features').tBodies[0];
    rows.replaceChildren();
    for (const f of s.topFeatures) {
      const tr = document.createElement('tr');
      cell(tr, '#' + f.featureId);
      cell(tr, f.label || '');
      cell(tr, fixed(f.activation, 3));
      cell(tr, f.nearestToxicFeature >= 0 ? '#' + f.nearestToxicFeature : '');
      cell(tr, fixed(f.cosine, 3));
      cell(tr, fixed(f.contribution, 3));
      rows.appendChild(tr);
    }
    $('terms').textContent = s.topTerms.length
      ? 'Words that moved it: ' + s.topTerms.map((t) => t.term + ' (' + fixed(t.contribution, 2) + ')').join(', ') : '';
    // The one part of a readout's log-odds that no feature or word above names: said outright, so the
    // listed evidence is not taken for all of it.
    $('hidden-state').textContent = s.hiddenStateContribution == null ? ''
      : 'The encoder\'s mean state, beyond the features and words: ' + fixed(s.hiddenStateContribution, 2) + ' log-odds';
    $('reason').value = '';
    highlight(s.sampleId);
  }

  function elsewhere(addresses) {
    const where = $('elsewhere');
    const links = addresses.filter((u) => /^https?:\/\//.test(u)).map((url) => {
      const a = document.createElement('a');
      a.href = url;
      a.textContent = url;
      a.rel = 'noopener';
      return a;
    });
    where.replaceChildren('Other instances hold the rest of the queue: ', ...links.flatMap((a) => [a, ' ']));
    where.hidden = links.length === 0;
  }

  function placeMarkers(s) {
    const top = Math.max(s.quarantineThreshold * 1.25, s.score, 1e-9);
    const bottom = Math.min(0, s.score, s.reviewThreshold);
    const at = (x) => (100 * (x - bottom) / (top - bottom)).toFixed(1) + '%';
    $('score-marker').style.left = at(s.score);
    $('review-marker').style.left = at(s.reviewThreshold);
    $('quarantine-marker').style.left = at(s.quarantineThreshold);
  }

  async function highlight(sampleId) {
    let h;
    try {
      h = await api('GET', '/samples/' + encodeURIComponent(sampleId) + '/highlights');
    } catch (e) {
      if (state.sample && state.sample.sampleId === sampleId) $('highlight-note').textContent = '(no highlights: ' + e.message + ')';
      return;
    }
    if (!state.sample || state.sample.sampleId !== sampleId) return; // moved on meanwhile
    if (h.unavailable) { $('highlight-note').textContent = '(no highlights: ' + h.unavailable + ')'; return; }
    const response = $('response');
    const text = h.response;
    const max = Math.max(1e-12, ...h.segments.map((g) => Math.abs(g.contribution)));
    const parts = [];
    let at = 0;
    for (const g of [...h.segments].sort((a, b) => a.start - b.start)) {
      if (g.start < at || g.end > text.length) continue;
      if (g.start > at) parts.push(document.createTextNode(text.slice(at, g.start)));
      const span = document.createElement('span');
      span.className = 'token';
      span.textContent = text.slice(g.start, g.end);
      const alpha = (0.12 + 0.6 * Math.abs(g.contribution) / max).toFixed(2);
      span.style.backgroundColor = g.contribution >= 0 ? 'rgba(214, 58, 40, ' + alpha + ')' : 'rgba(40, 150, 70, ' + alpha + ')';
      span.title = (g.contribution >= 0 ? '+' : '') + g.contribution.toFixed(4) + ' to the ' + h.unit;
      parts.push(span);
      at = g.end;
    }
    if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
    response.replaceChildren(...parts);
    $('highlight-note').textContent = '(red adds to the ' + h.unit + ', green takes from it; set ' + h.featureSetVersion + ')';
  }

  async function act(work) {
    if (state.busy) return;
    state.busy = true;
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      state.busy = false;
    }
    if (state.refilter) { // the filter changed while a request was out: show a sample under the new one
      state.refilter = false;
      next();
    }
  }

  function filterChanged() {
    if (state.busy) {
      state.refilter = true;
    } else {
      next();
    }
    dashboard();
  }

  const decide = (action) => act(async () => {
    if (!state.sample) return;
    const id = state.sample.sampleId;
    let turn;
    try {
      turn = await api('POST', '/decisions?' + filter(), { sampleId: id, action, reason: $('reason').value });
    } catch (e) {
      if (e.status !== 409) throw e;
      show(await api('POST', '/next?' + filter())); // no longer ours (hold lapsed, decided elsewhere): move on
      say(e.message + ' Moved on to the next sample.', true);
      return;
    }
    show(turn);
    say((action === 'ACCEPT' ? 'Accepted ' : 'Quarantined ') + id + '. U takes it back within ' + state.undoSeconds + ' s.');
  });

  const skip = () => act(async () => {
    if (!state.sample) return;
    const id = state.sample.sampleId;
    show(await api('POST', '/samples/' + encodeURIComponent(id) + '/skip?' + filter()));
    say('Skipped ' + id + '; another annotator may take it.');
  });

  const undo = () => act(async () => {
    try {
      const turn = await api('POST', '/undo');
      show(turn);
      say('Took back your ruling on ' + turn.sample.sampleId + '; decide again.');
    } catch (e) {
      if (e.status === 409) { say(e.message, true); return; }
      throw e;
    }
  });

  const next = () => act(async () => show(await api('POST', '/next?' + filter())));

  async function dashboard() {
    try {
      const d = await api('GET', '/dashboard?' + filter());
      $('oldest').textContent = d.oldestWaitingSeconds == null ? 'none waiting' : age(d.oldestWaitingSeconds);
      const rows = $('annotators').tBodies[0];
      rows.replaceChildren();
      for (const a of d.annotators) {
        const tr = document.createElement('tr');
        cell(tr, a.annotator);
        cell(tr, String(a.lastHour));
        cell(tr, fixed(a.perHour, 1));
        cell(tr, String(a.decisions));
        cell(tr, Math.round(100 * a.agreement) + '%');
        rows.appendChild(tr);
      }
      options($('domain'), d.domains);
      options($('version'), d.featureSetVersions);
      if (!state.sample) $('waiting').textContent = d.waiting;
    } catch (e) {
      if (e instanceof SignedOut) fail(e);
    }
  }

  function age(seconds) {
    if (seconds < 90) return seconds + ' s';
    if (seconds < 5400) return Math.round(seconds / 60) + ' min';
    return (seconds / 3600).toFixed(1) + ' h';
  }

  function options(select, values) {
    const have = new Set([...select.options].map((o) => o.value));
    for (const v of values) {
      if (!have.has(v)) {
        const o = document.createElement('option');
        o.value = v;
        o.textContent = v;
        select.appendChild(o);
      }
    }
  }

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return; // a held key rules once, not on samples never seen
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (typing) {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    const key = e.key.toLowerCase();
    const actions = { a: () => decide('ACCEPT'), q: () => decide('QUARANTINE'), s: skip, u: undo };
    if (actions[key]) {
      e.preventDefault();
      actions[key]();
    }
  });

  async function start() {
    try {
      state.session = await api('GET', '/session');
    } catch (e) {
      fail(e);
      return;
    }
    state.undoSeconds = Math.round(state.session.undoWindowMillis / 1000);
    $('annotator').textContent = state.session.annotator;
    const q = new URLSearchParams(location.search);
    for (const key of ['domain', 'version', 'order']) {
      if (q.get(key)) {
        options($(key), [q.get(key)]);
        $(key).value = q.get(key);
      }
    }
    for (const key of ['domain', 'version', 'order']) $(key).addEventListener('change', filterChanged);
    $('accept').addEventListener('click', () => decide('ACCEPT'));
    $('quarantine').addEventListener('click', () => decide('QUARANTINE'));
    $('skip').addEventListener('click', skip);
    $('undo').addEventListener('click', undo);
    $('undo-empty').addEventListener('click', undo);
    $('sign-out').addEventListener('click', () => act(async () => {
      await api('POST', '/sign-out');
      location.assign('/review/login.html');
    }));
    // The page is open: the samples it holds stay its own. Closed: they go back to the queue at once.
    const heartbeat = () => api('POST', '/heartbeat').catch(fail);
    setInterval(heartbeat, 15000);
    // A hidden tab's timers slow to about one a minute: renew as soon as it is looked at again.
    document.addEventListener('visibilitychange', () => { if (!document.hidden) heartbeat(); });
    addEventListener('pagehide', () => fetch('/review/api/leave', { method: 'POST', keepalive: true,
      credentials: 'same-origin', headers: { 'X-CSRF-Token': state.session.csrfToken } }));
    // Back from the browser's page cache after pagehide gave the sample back: take a fresh one.
    addEventListener('pageshow', (e) => { if (e.persisted) next(); });
    setInterval(() => { if (!state.sample && !state.busy) next(); }, 2000);
    setInterval(dashboard, 5000);
    await next();
    dashboard();
    say('A accept · Q quarantine · S skip · U undo · type a reason first if you like (Esc returns to the keys).');
  }

  start();
})();
