// The ical.js oracle for gge's .ics import: node icaljs_expand.mjs FILE.ics FROM TO (YYYYMMDD,
// UTC days, inclusive). Expands every VEVENT with ical.js (RRULE, RDATE, EXDATE, RECURRENCE-ID
// overrides related to their master), drops STATUS:CANCELLED and TRANSP:TRANSPARENT instances,
// and prints one JSON line per busy instance, as libical_expand.c does:
//   {"uid","start","end"} (UTC seconds, end exclusive) or {"uid","first","last"} (YYYYMMDD, inclusive).
// Zones come only from the file's VTIMEZONEs; floating times are taken as UTC.
import ICAL from 'ical.js';
import fs from 'node:fs';

const [file, fromArg, toArg] = process.argv.slice(2);
const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
ICAL.TimezoneService.reset();
for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));

const utcDay = (s) => Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8)) / 1000;
const windowFrom = utcDay(fromArg);
const windowTo = utcDay(toArg) + 86400;
const pad = (n, w) => String(n).padStart(w, '0');
const ymd = (t) => pad(t.year, 4) + pad(t.month, 2) + pad(t.day, 2);
const busy = (comp) =>
  (comp.getFirstPropertyValue('status') || '').toUpperCase() !== 'CANCELLED' &&
  (comp.getFirstPropertyValue('transp') || '').toUpperCase() !== 'TRANSPARENT';

const events = cal.getAllSubcomponents('vevent');
const masters = new Map();
for (const v of events) if (!v.hasProperty('recurrence-id')) masters.set(v.getFirstPropertyValue('uid'), new ICAL.Event(v));
for (const v of events) {
  if (!v.hasProperty('recurrence-id')) continue;
  const master = masters.get(v.getFirstPropertyValue('uid'));
  if (master) master.relateException(new ICAL.Event(v));
}

let out = '';
const put = (uid, start, end) => {
  if (start.isDate) {
    const last = end.clone();
    last.adjust(-1, 0, 0, 0);
    const lastDay = end.compare(start) > 0 ? last : start;
    if (lastDay.toUnixTime() + 86400 <= windowFrom || start.toUnixTime() >= windowTo) return;
    out += JSON.stringify({ uid, first: ymd(start), last: ymd(lastDay) }) + '\n';
  } else {
    const s = start.toUnixTime();
    let e = end.toUnixTime();
    if (e <= s) e = s + 60;
    if (e <= windowFrom || s >= windowTo) return;
    out += JSON.stringify({ uid, start: s, end: e }) + '\n';
  }
};
for (const [uid, ev] of masters) {
  if (!busy(ev.component)) continue;
  const it = ev.iterator();
  for (let next = it.next(); next; next = it.next()) {
    if (next.toUnixTime() >= windowTo) break;
    const d = ev.getOccurrenceDetails(next);
    if (!busy(d.item.component)) continue;
    put(uid, d.startDate, d.endDate);
  }
}
// Overrides whose master is not in the file stand for themselves.
for (const v of events) {
  if (!v.hasProperty('recurrence-id') || masters.has(v.getFirstPropertyValue('uid')) || !busy(v)) continue;
  const ev = new ICAL.Event(v);
  put(ev.uid, ev.startDate, ev.endDate);
}
process.stdout.write(out);
