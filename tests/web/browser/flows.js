#!/usr/bin/env node
// Whole flows of `gge serve` in headless Debian chromium (playwright-core from tests/timeline,
// no browser download), on the 2004-2005 example served by tests/web/browser_test.cpp:
// overview; plan the 2005 sessions and apply plan 2; drag a session on the timeline (the preview
// lists the finding the move causes, save, the check updates), then fix it in one click; confirm
// an estimated Eid and watch a deadline move; download a feed; two contexts edit one session
// and the second gets the 409 page; a viewer cannot write; a write without the CSRF token is
// refused and leaves the database byte-identical; every page prints on A4 without navigation or
// forms. Screenshots (PNG, 1280 px wide) and the printed PDFs go to the artefact folder. Prints one JSON object of what it saw on stdout; exits 1 on the first
// failed expectation (its message on stderr).
//
// usage: node flows.js CONFIG.json   ({base, artifacts, db, playwright, planner: {name, password},
//                                      viewer: {name, password}, eid: {...}, plan: {...}})
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const { chromium } = require(config.playwright);
const base = config.base;
const seen = { screenshots: [], console_errors: [] };

const dbBytes = () => {
  const read = (p) => (fs.existsSync(p) ? fs.readFileSync(p) : Buffer.alloc(0));
  return Buffer.concat([read(config.db), Buffer.from('\n--wal--\n'), read(config.db + '-wal')]);
};

async function shot(page, name) {
  const file = path.join(config.artifacts, name + '.png');
  await page.screenshot({ path: file, fullPage: true });
  seen.screenshots.push(file);
}

async function newContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(90000);  // a loaded 2-core machine runs the whole suite beside it
  context.on('page', (p) => {
    // The browser's own request for /favicon.ico (the app serves none) is not the page's error.
    p.on('console', (m) => {
      if (m.type() === 'error' && !/favicon\.ico$/.test(m.location().url)) seen.console_errors.push(p.url() + ': ' + m.text());
    });
    p.on('pageerror', (e) => seen.console_errors.push(p.url() + ': ' + String(e)));
  });
  return context;
}

async function login(context, who) {
  const page = await context.newPage();
  await page.goto(base + '/');  // no login yet: sent to the login page
  assert.match(page.url(), /\/login$/);
  await page.fill('input[name=name]', who.name);
  await page.fill('input[name=password]', who.password);
  await Promise.all([page.waitForURL(base + '/'), page.click('form.login button')]);
  return page;
}

/// The page fits a 1280 px window (nothing scrolls sideways).
async function fits(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 1280, page.url() + ' is ' + width + ' px wide');
}

async function apiJson(context, p) {
  const r = await context.request.get(base + p);
  assert.equal(r.status(), 200, p);
  return r.json();
}

async function errorCount(context) {
  return (await apiJson(context, '/api/check')).errors;
}

async function main() {
  fs.mkdirSync(config.artifacts, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.GGE_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const planner = await newContext(browser);
    const page = await login(planner, config.planner);

    // 1. Overview: mandates with their deadline chains, sessions by status, the check's count.
    assert.equal(await page.textContent('h1'), 'Overview');
    assert.ok(await page.isVisible('section.mandate[data-mandate="58/32-GGE"] tr[data-kind=latest_end]'));
    seen.overview_errors = Number(await page.getAttribute('p.summary', 'data-errors'));
    await fits(page);
    await shot(page, 'overview');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('nav'), false, 'the navigation is not printed');
    await page.emulateMedia({ media: 'screen' });

    // 2. Plan the 2005 sessions from the form; apply plan 2 (not plan 1).
    await page.click('nav a[href="/plan"]');
    await page.fill('form.plan input[name=mandate]', '58/32-GGE');
    await page.fill('form.plan input[name=venues]', config.plan.venues);
    await page.fill('form.plan input[name=min_gap]', config.plan.min_gap);
    await page.fill('form.plan input[name=avoid]', config.plan.avoid);
    await page.fill('form.plan input[name=from]', config.plan.from);
    await page.selectOption('form.plan select[name=timing]', config.plan.timing);
    await page.fill('form.plan input[name=top]', '3');
    await Promise.all([page.waitForLoadState('load'), page.click('form.plan button[name=go]')]);
    await page.waitForSelector('section.proposal[data-rank="2"]');
    const proposalsUrl = page.url().slice(base.length);  // the form is a GET: printed in 9.
    const proposals = await page.$$eval('section.proposal', (ss) => ss.map((s) => ({
      rank: Number(s.dataset.rank), score: Number(s.dataset.score),
      sessions: [...s.querySelectorAll('table.sessions tr')].map((r) => ({ session: r.dataset.session, first: r.dataset.first, last: r.dataset.last })),
      svg_bars: s.querySelectorAll('svg.plan-timeline rect.session').length })));
    assert.ok(proposals.length >= 2);
    assert.ok(proposals[0].score <= proposals[1].score, 'best first');
    for (const p of proposals) assert.equal(p.svg_bars, p.sessions.length, 'a small timeline per proposal');
    seen.plans = proposals;
    await fits(page);
    await shot(page, 'plan-proposals');
    await Promise.all([page.waitForURL(base + '/plan/apply'),
      page.click('section.proposal[data-rank="2"] form.apply button')]);
    assert.equal(await page.textContent('h1'), 'Plan 2 applied');
    await shot(page, 'plan-2-applied');
    const stored = await apiJson(planner, '/api/sessions?body=GGE-ICT-2004');
    for (const s of proposals[1].sessions) {
      const [, n] = s.session.split('#');
      const row = stored.find((x) => String(x.number) === n);
      assert.deepEqual([row.first, row.last], [s.first, s.last], 'plan 2 is what is stored: ' + s.session);
    }
    seen.applied = proposals[1].sessions;

    // 3. Drag session 3 three weeks later on the timeline: the preview shows the findings it
    //    would cause (nothing written yet), Save writes it, the check's count rises; then the
    //    finding's fix is one click on the session's page and the count falls back.
    const errorsBefore = await errorCount(planner);
    const bytesBeforePreview = dbBytes();
    await page.goto(base + '/timeline?from=2005-01-01&to=2005-12-31');
    await page.waitForSelector('body[data-role=planner]');
    const bar = 'g.bar[data-session="GGE-ICT-2004#3"]';
    const geometry = await page.evaluate((sel) => {
      const svg = document.querySelector('svg.timeline');
      const r = document.querySelector(sel + ' rect.body').getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2,
        px: parseFloat(document.querySelector('g.plot').dataset.pxPerDay) *
          svg.getBoundingClientRect().width / svg.viewBox.baseVal.width };
    }, bar);
    const shift = config.drag_days;
    await page.mouse.move(geometry.x, geometry.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; ++i) await page.mouse.move(geometry.x + (shift * geometry.px * i) / 10, geometry.y);
    await page.mouse.up();
    await page.waitForSelector('#preview[data-state=ready]');
    const preview = await page.evaluate(() => ({
      first: document.querySelector('#preview').dataset.first,
      last: document.querySelector('#preview').dataset.last,
      added: [...document.querySelectorAll('#preview .added li')].map((li) => li.dataset.code),
      fixes: document.querySelectorAll('#preview .added button.fix').length }));
    assert.equal(page.url(), base + '/timeline?from=2005-01-01&to=2005-12-31', 'a drag is not a click on the link');
    assert.ok(preview.added.length > 0, 'the preview names the findings the move causes');
    assert.ok(preview.fixes > 0, 'with their fixes as buttons');
    assert.ok(dbBytes().equals(bytesBeforePreview), 'a preview writes nothing');
    seen.preview = preview;
    await shot(page, 'timeline-drag-preview');
    await Promise.all([page.waitForEvent('load'), page.click('#preview button.save')]);
    const moved = await page.$eval(bar, (g) => [g.dataset.first, g.dataset.last]);
    assert.deepEqual(moved, [preview.first, preview.last], 'the bar is drawn at its saved dates');
    const errorsMoved = await errorCount(planner);
    assert.ok(errorsMoved > errorsBefore, 'the check counts the new errors');
    seen.errors = { before: errorsBefore, after_move: errorsMoved };
    await shot(page, 'timeline-after-save');
    // A click (no drag) opens the session's page: its findings with a one-click fix.
    await Promise.all([page.waitForURL(base + '/sessions/GGE-ICT-2004/3'), page.click(bar + ' rect.body')]);
    assert.ok(await page.isVisible('form.fix button'));
    await shot(page, 'session-with-fix');
    await Promise.all([page.waitForURL(base + '/sessions/GGE-ICT-2004/3'), page.click('form.fix button >> nth=0')]);
    const errorsFixed = await errorCount(planner);
    assert.ok(errorsFixed < errorsMoved, 'the fix removes errors');
    seen.errors.after_fix = errorsFixed;

    // 4. Confirm an estimated Eid: the deadline that counts working days across it moves.
    const deadline = () => page.textContent(
      `section.mandate[data-mandate="${config.eid.mandate}"] tr[data-kind=${config.eid.kind}] td.date`);
    await page.goto(base + '/');
    const deadlineBefore = await deadline();
    await page.goto(base + `/holidays?station=${config.eid.station}&year=${config.eid.year}`);
    const row = `table.closures tr[data-name="${config.eid.name}"][data-status=estimated]`;
    assert.ok(await page.isVisible(row));
    await shot(page, 'holidays-before');
    await page.fill(row + ' input[name=date]', config.eid.date);
    await Promise.all([page.waitForURL(base + '/holidays/confirm'), page.click(row + ' form.confirm button')]);
    const change = await page.$eval(`ul.deadline-changes li[data-mandate="${config.eid.mandate}"][data-kind=${config.eid.kind}]`,
      (li) => [li.dataset.before, li.dataset.after]);
    await shot(page, 'holiday-confirmed');
    await page.goto(base + '/');
    const deadlineAfter = await deadline();
    assert.deepEqual(change, [deadlineBefore, deadlineAfter]);
    assert.notEqual(deadlineBefore, deadlineAfter, 'the deadline moved');
    seen.eid = { before: deadlineBefore, after: deadlineAfter };
    await page.goto(base + `/holidays?station=${config.eid.station}&year=${config.eid.year}`);
    assert.ok(await page.isVisible(`table.closures tr[data-name="${config.eid.name}"][data-status=confirmed]`));
    assert.ok(await page.isVisible('table.ga tr'), 'GA session and its dates');

    // 5. Two planners open session 2; the first saves a move, the second's stale form gets 409.
    const other = await newContext(browser);
    const pageB = await login(other, config.planner);
    const sessionUrl = base + '/sessions/GGE-ICT-2004/2';
    await page.goto(sessionUrl);
    await pageB.goto(sessionUrl);
    await page.fill('form.move input[name=first]', config.conflict.first_a);
    await Promise.all([page.waitForURL(sessionUrl), page.click('form.move button:not([formaction])')]);
    await pageB.fill('form.move input[name=first]', config.conflict.first_b);
    const [stale] = await Promise.all([pageB.waitForResponse((r) => r.url().endsWith('/move')),
      pageB.click('form.move button:not([formaction])')]);
    assert.equal(stale.status(), 409);
    await pageB.waitForLoadState('load');
    assert.equal(await pageB.textContent('h1'), 'Changed by someone else');
    await shot(pageB, 'conflict-409');
    const s2 = await apiJson(planner, '/api/sessions/GGE-ICT-2004/2');
    assert.equal(s2.session.first, config.conflict.first_a, 'the first save stands');
    await other.close();

    // 6. A viewer sees no write form, and a write it sends anyway is 403 and writes nothing.
    const viewer = await newContext(browser);
    const pageV = await login(viewer, config.viewer);
    await pageV.goto(sessionUrl);
    assert.equal(await pageV.locator('form.move, form.status, form.fix').count(), 0);
    await shot(pageV, 'viewer-session');
    const token = (await apiJson(viewer, '/api/session')).csrf;
    let before = dbBytes();
    const refused = await viewer.request.post(sessionUrl + '/move',
      { form: { csrf: token, first: '2005-05-02', revision: String(s2.session.revision) }, maxRedirects: 0 });
    assert.equal(refused.status(), 403);
    assert.ok(dbBytes().equals(before), 'a viewer\'s write changes no byte');
    await viewer.close();

    // 7. A planner's form without its CSRF token is refused (403) and writes nothing.
    await page.goto(sessionUrl);
    await page.evaluate(() => document.querySelector('form.move input[name=csrf]').remove());
    await page.fill('form.move input[name=first]', '2005-05-02');
    before = dbBytes();
    const [forged] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/move')),
      page.click('form.move button:not([formaction])')]);
    assert.equal(forged.status(), 403);
    await page.waitForLoadState('load');
    assert.ok(dbBytes().equals(before), 'a write without the CSRF token changes no byte');
    await shot(page, 'csrf-refused');
    // 8. Download a feed from the feeds page, last (the test compares it with `gge export ics` of
    //    the final plan and validates it with three parsers).
    await page.goto(base + '/feeds');
    const href = await page.getAttribute('a[href$="/feeds/body-GGE-ICT-2004.ics"]', 'href');
    const feed = await planner.request.get(href);
    assert.equal(feed.status(), 200);
    assert.match(feed.headers()['content-type'], /^text\/calendar/);
    const feedFile = path.join(config.artifacts, 'body-GGE-ICT-2004.ics');
    fs.writeFileSync(feedFile, await feed.body());
    seen.feed = feedFile;
    await shot(page, 'feeds');

    // 9. Every page prints: on A4 (718 px between the margins) no navigation, no form or button,
    //    nothing wider than the paper; the PDF is kept.
    seen.printed = [];
    for (const p of ['/', '/timeline', '/check', '/history', '/holidays', proposalsUrl, '/feeds',
      '/sessions/GGE-ICT-2004/2']) {
      await page.goto(base + p);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 718, height: 1000 });
      const printed = await page.evaluate(() => {
        const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
        return {
          width: document.documentElement.scrollWidth,
          nav: [...document.querySelectorAll('nav')].filter(shown).length,
          controls: [...document.querySelectorAll('form, button, input, select')].filter(shown).length,
          text: document.body.innerText.trim().length,
          // A heading printed with nothing under it (its form hidden) is left over.
          bare_headings: [...document.querySelectorAll('h2')].filter(shown).filter((h) => {
            let next = h.nextElementSibling;
            while (next && !shown(next)) next = next.nextElementSibling;
            return !next || /^H[12]$/.test(next.tagName);
          }).map((h) => h.textContent),
        };
      });
      assert.ok(printed.width <= 718, p + ' prints ' + printed.width + ' px wide');
      assert.equal(printed.nav, 0, p + ': the navigation is not printed');
      assert.equal(printed.controls, 0, p + ': no form or button is printed');
      assert.ok(printed.text > 10, p + ' prints its content');
      assert.deepEqual(printed.bare_headings, [], p + ': no heading without its content');
      const name = p === '/' ? 'overview' : p.split('?')[0].slice(1).replace(/\//g, '-');
      const file = path.join(config.artifacts, 'print-' + name + '.pdf');
      const pdf = await page.pdf({ path: file, format: 'A4' });
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      seen.printed.push({ page: p, pdf: file, bytes: pdf.length });
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    await planner.close();
    // The browser logs the refused writes the flows make on purpose (the 409 and the 403 page);
    // any other error (a script error, a CSP violation, a failed request) fails the test.
    const expected = /\/sessions\/GGE-ICT-2004\/2\/move: Failed to load resource: the server responded with a status of (409|403) /;
    const unexpected = seen.console_errors.filter((e) => !expected.test(e));
    assert.deepEqual(unexpected, [], 'no script or CSP error on any page');
    assert.equal(seen.console_errors.length, 2, 'the 409 and the 403 of the flows');
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(seen) + '\n');
}

main().catch((e) => {
  process.stderr.write((e && e.stack) || String(e));
  process.stderr.write('\nseen so far: ' + JSON.stringify(seen) + '\n');
  process.exit(1);
});
