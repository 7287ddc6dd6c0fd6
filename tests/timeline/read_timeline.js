#!/usr/bin/env node
// Opens a `gge timeline` HTML file in headless Debian chromium (playwright-core drives
// /usr/bin/chromium, no browser download), and prints what the page shows as JSON on stdout:
// console and page errors, every session bar, marker, closure and finding badge with its data
// attributes and its drawn position (getBoundingClientRect, relative to the plot origin, in CSS
// px), the page width on screen and in print (A4 landscape), and the sizes of a 1280 px PNG screenshot and an A4 landscape PDF.
//
// usage: node read_timeline.js PAGE.html OUT_PREFIX   (writes OUT_PREFIX.png and OUT_PREFIX.pdf)
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');

async function main() {
  const [page_file, out_prefix] = process.argv.slice(2);
  if (!page_file || !out_prefix) throw new Error('usage: read_timeline.js PAGE.html OUT_PREFIX');
  const browser = await chromium.launch({
    executablePath: process.env.GGE_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const console_errors = [], page_errors = [], requests = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console_errors.push(m.text()); });
    page.on('pageerror', (e) => page_errors.push(String(e)));
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto('file://' + path.resolve(page_file), { waitUntil: 'load' });

    const dom = await page.evaluate(() => {
      const svg = document.querySelector('svg.timeline');
      const s = svg.getBoundingClientRect();
      const left = s.x + parseFloat(svg.dataset.plotLeft), top = s.y + parseFloat(svg.dataset.plotTop);
      const plot = document.querySelector('g.plot');
      const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x - left, y: r.y - top, width: r.width, height: r.height }; };
      const data = (el) => Object.assign({}, el.dataset);
      return {
        title: document.title,
        scroll_width: document.documentElement.scrollWidth,
        svg: { width: s.width, height: s.height },
        plot: data(plot),
        bars: [...document.querySelectorAll('g.bar')].map((g) => Object.assign(data(g), { box: box(g.querySelector('rect.body')),
          label: (g.querySelector(':scope > text') || {}).textContent || '',
          finding_days: [...g.querySelectorAll('rect.finding-days')].map((r) => Object.assign(data(r), { box: box(r) })),
          badges: [...g.querySelectorAll('g.badge')].flatMap((b) => b.dataset.finding.split(' ')),
          badge_boxes: [...g.querySelectorAll('g.badge circle')].map(box) })),
        markers: [...document.querySelectorAll('g.marker')].map((g) => Object.assign(data(g), { box: box(g.querySelector('rect')) })),
        closures: [...document.querySelectorAll('g.closure')].map((g) => Object.assign(data(g), { box: box(g.querySelector('rect')) })),
        tick_labels: [...document.querySelectorAll('.axis g.tick text')].map((t) => Object.assign({ kind: t.parentNode.dataset.kind, text: t.textContent }, box(t))),
        ticks: [...document.querySelectorAll('.axis g.tick')].map((g) => Object.assign(data(g), { box: box(g.querySelector('line')) })),
        legend: [...document.querySelectorAll('ol.findings li')].map((li) => Object.assign(data(li), { text: li.textContent })),
      };
    });
    await page.screenshot({ path: out_prefix + '.png', fullPage: true });
    await page.pdf({ path: out_prefix + '.pdf', format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    // Printed: A4 landscape less 8 mm margins is 281 mm = 1062 CSS px wide; the page must fit.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 1062, height: 750 });
    const print = await page.evaluate(() => ({
      svg_width: document.querySelector('svg.timeline').getBoundingClientRect().width,
      scroll_width: document.documentElement.scrollWidth,
    }));
    const result = Object.assign(dom, {
      print_svg_width: print.svg_width, print_scroll_width: print.scroll_width,
      console_errors, page_errors, requests,
      png_bytes: fs.statSync(out_prefix + '.png').size,
      pdf_bytes: fs.statSync(out_prefix + '.pdf').size,
    });
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
