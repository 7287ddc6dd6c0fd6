// Parses a .ics file with ical.js and prints one JSON line per VEVENT:
//   {"uid","summary","description","location","tzid","start","end","date"}
// start/end: the UTC instant (seconds since 1970) ical.js computes for a timed event, using only
// the VTIMEZONEs in the file (registered here; ical.js has no built-in zones besides UTC).
// date: "YYYYMMDD" of an all-day event's DTSTART (start/end are then null).
// Exit 1 with a message on stderr when the file does not parse or a TZID does not resolve.
import ICAL from 'ical.js';
import fs from 'node:fs';

const text = fs.readFileSync(process.argv[2], 'utf8');
const cal = new ICAL.Component(ICAL.parse(text));
ICAL.TimezoneService.reset();
for (const vtz of cal.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
}
const pad = (n, w) => String(n).padStart(w, '0');
let out = '';
for (const v of cal.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(v);
  const start = ev.startDate;
  const end = ev.endDate;
  const tzid = v.getFirstProperty('dtstart').getParameter('tzid') || null;
  if (tzid && (!start.zone || start.zone.tzid !== tzid)) {
    console.error(`ical.js: TZID ${tzid} of ${ev.uid} did not resolve to our VTIMEZONE`);
    process.exit(1);
  }
  const row = {
    uid: ev.uid,
    summary: ev.summary || '',
    description: ev.description || '',
    location: ev.location || '',
    tzid,
    start: start.isDate ? null : start.toUnixTime(),
    end: end.isDate ? null : end.toUnixTime(),
    date: start.isDate ? pad(start.year, 4) + pad(start.month, 2) + pad(start.day, 2) : null,
  };
  out += JSON.stringify(row) + '\n';
}
process.stdout.write(out);
