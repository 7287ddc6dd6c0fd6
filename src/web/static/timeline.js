// gge serve: the timeline page's one script (served as /static/timeline.js; no inline script,
// no library). Drag a session bar sideways to new dates: the bar snaps to whole days, the server
// previews the move (GET /api/sessions/BODY/N/preview runs gge check on the moved plan in a
// transaction it rolls back, so nothing is written) and a panel lists the findings the move
// would cause and those it would resolve, each fix one click; "Save" writes the move from the
// revision previewed (409 when someone changed the session since). A click without a drag
// follows the bar's link to the session's page, which has the same actions as forms.
'use strict';
(function () {
  const plot = document.querySelector('g.plot');
  const svg = document.querySelector('svg.timeline');
  if (!plot || !svg) return;
  const pxPerDay = parseFloat(plot.dataset.pxPerDay);
  let me = { role: 'viewer', csrf: '' };
  fetch('/api/session', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : me))
    .then((j) => { me = j; document.body.dataset.role = me.role; });

  const style = document.createElement('style');
  style.textContent =
    '#preview{position:fixed;right:12px;bottom:12px;width:440px;max-height:60vh;overflow:auto;' +
    'background:#fff;border:2px solid #1d3557;border-radius:6px;padding:10px 12px;font:13px/1.4 ' +
    'system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)}#preview[hidden]{display:none}' +
    '#preview h2{font-size:14px;margin:.2em 0}#preview ul{padding-left:1.2em;margin:.3em 0}' +
    '#preview li.error strong{color:#b00020}#preview li.warning strong{color:#8a5a00}' +
    '#preview .problem{color:#b00020;font-weight:600}#preview button{margin:.2em .4em .2em 0}' +
    'g.bar{cursor:grab}g.bar.dragging{cursor:grabbing;opacity:.75}' +
    'nav.app{background:#1d3557;padding:.4em 1em}nav.app a{color:#fff;margin-right:1em;text-decoration:none}' +
    '@media print{#preview,nav.app{display:none}}';
  document.head.appendChild(style);
  const panel = document.createElement('div');
  panel.id = 'preview';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-live', 'polite');
  document.body.appendChild(panel);

  const addDays = (iso, n) => {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  };
  const sessionPath = (id) => {
    const at = id.lastIndexOf('#');
    return '/api/sessions/' + encodeURIComponent(id.slice(0, at)) + '/' + id.slice(at + 1);
  };
  const post = (path, body) =>
    fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf },
      body: JSON.stringify(body),
    });
  const problemOf = async (r) => {
    let j = {};
    try { j = await r.json(); } catch (e) { /* not JSON */ }
    const what = j.field ? j.field + " '" + j.value + "': " : '';
    return 'HTTP ' + r.status + ': ' + what + (j.problem || r.statusText);
  };
  const showProblem = (text, state) => {
    panel.dataset.state = state;
    panel.append(el('p', { class: 'problem', role: 'alert' }, text));
  };

  // Applies a finding's fix: the session it names is moved to the fix's days, from the
  // revision stored now.
  async function applyFix(fix) {
    const r = await fetch(sessionPath(fix.session), { credentials: 'same-origin' });
    if (!r.ok) return showProblem(await problemOf(r), 'error');
    const current = (await r.json()).session;
    const w = await post(sessionPath(fix.session) + '/move',
      { first: fix.first, last: fix.last, revision: String(current.revision) });
    if (!w.ok) return showProblem(await problemOf(w), w.status === 409 ? 'conflict' : 'error');
    location.reload();
  }

  const findingList = (findings, empty) => {
    if (!findings.length) return el('p', {}, empty);
    const ul = el('ul', { class: 'findings' });
    for (const f of findings) {
      const li = el('li', { class: f.severity, 'data-code': f.code },
        el('strong', {}, f.severity), ' ', el('code', {}, f.code), ' ' + f.reason);
      if (f.fix) li.append(el('em', {}, ' Fix: ' + f.fix));
      if (f.fix_move && me.role === 'planner')
        li.append(' ', el('button', { class: 'fix', 'data-fix': f.fix_move.session, onclick: () => applyFix(f.fix_move) },
          'Apply: move ' + f.fix_move.session + ' to ' + f.fix_move.first + ' .. ' + f.fix_move.last));
      ul.append(li);
    }
    return ul;
  };

  function reset(bar) {
    bar.removeAttribute('transform');
    panel.hidden = true;
    panel.replaceChildren();
  }

  async function preview(bar, shift) {
    const id = bar.dataset.session;
    const first = addDays(bar.dataset.first, shift), last = addDays(bar.dataset.last, shift);
    panel.hidden = false;
    panel.dataset.state = 'loading';
    panel.dataset.session = id;
    panel.replaceChildren(el('p', {}, 'Checking ' + id + ' on ' + first + ' .. ' + last + ' …'));
    const q = new URLSearchParams({ first, last });
    const r = await fetch(sessionPath(id) + '/preview?' + q, { credentials: 'same-origin' });
    panel.replaceChildren();
    if (!r.ok) {
      showProblem(await problemOf(r), 'error');
      panel.append(el('button', { class: 'cancel', onclick: () => reset(bar) }, 'Close'));
      return;
    }
    const p = await r.json();
    panel.dataset.first = p.after.first;
    panel.dataset.last = p.after.last;
    panel.append(
      el('p', {}, 'Move ', el('strong', {}, id), ' from ' + p.before.first + ' .. ' + p.before.last +
        ' to ', el('strong', {}, p.after.first + ' .. ' + p.after.last), ' (not saved yet)'),
      el('h2', {}, 'Findings the move would cause'),
      el('div', { class: 'added' }, findingList(p.added, 'None.')),
      el('h2', {}, 'Findings it would resolve'),
      el('div', { class: 'resolved' }, findingList(p.resolved, 'None.')));
    if (me.role === 'planner')
      panel.append(el('button', {
        class: 'save',
        onclick: async () => {
          const w = await post(sessionPath(id) + '/move',
            { first: p.after.first, last: p.after.last, revision: String(p.before.revision) });
          if (!w.ok) return showProblem(await problemOf(w), w.status === 409 ? 'conflict' : 'error');
          location.reload();
        },
      }, 'Save'));
    panel.append(el('button', { class: 'cancel', onclick: () => reset(bar) }, 'Cancel'));
    panel.dataset.state = 'ready';
  }

  // Dragging: pointer events on the plot; x snaps to whole days of the drawn scale.
  let drag = null, justDragged = false;
  svg.addEventListener('pointerdown', (e) => {
    const bar = e.target.closest('g.bar');
    if (!bar || e.button !== 0) return;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    drag = { bar, x0: e.clientX, scale, shift: 0, moved: false, pointer: e.pointerId };
    e.preventDefault();
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const dx = (e.clientX - drag.x0) / drag.scale;
    if (!drag.moved && Math.abs(dx) > 3) {
      // Captured only once it is a drag: a plain click must still reach the bar's link.
      drag.moved = true;
      svg.setPointerCapture(drag.pointer);
    }
    if (!drag.moved) return;
    drag.shift = Math.round(dx / pxPerDay);
    drag.bar.classList.add('dragging');
    drag.bar.setAttribute('transform', 'translate(' + drag.shift * pxPerDay + ' 0)');
  });
  svg.addEventListener('pointerup', () => {
    if (!drag) return;
    const { bar, moved, shift } = drag;
    drag = null;
    bar.classList.remove('dragging');
    if (!moved) return;  // a click: the link opens the session's page
    justDragged = true;
    setTimeout(() => { justDragged = false; }, 0);
    if (shift === 0) return reset(bar);
    preview(bar, shift);
  });
  svg.addEventListener('click', (e) => {
    if (justDragged) e.preventDefault();
  }, true);
  svg.addEventListener('dragstart', (e) => e.preventDefault());
})();
