#!/usr/bin/python3
"""Parses a .ics file with python3-icalendar (Debian) and prints one JSON line per VEVENT, as
icaljs_dump.mjs does. Timed events are placed with the file's own VTIMEZONEs (Timezone.to_tz),
not with pytz's zones of the same name."""
import calendar
import json
import sys

from icalendar import Calendar

with open(sys.argv[1], 'rb') as f:
    cal = Calendar.from_ical(f.read())


def localize_until(vtimezone):
    """python3-icalendar 4.0.x hands dateutil a naive DTSTART with the UTC UNTIL that RFC 5545
    requires in observances, which dateutil refuses ("RRULE UNTIL values must be specified in
    UTC when DTSTART is timezone-aware"). Newer icalendar releases convert UNTIL to the
    observance's local time first; do the same: local = UTC + TZOFFSETFROM (the local time in
    which DTSTART is written). The instant it names does not change."""
    for sub in vtimezone.subcomponents:
        rrule = sub.get('RRULE')
        if rrule is None or 'UNTIL' not in rrule:
            continue
        until = rrule['UNTIL'][0]
        if getattr(until, 'tzinfo', None) is not None:
            naive = until.replace(tzinfo=None) + sub['TZOFFSETFROM'].td
            rrule['UNTIL'] = [naive]
    return vtimezone


zones = {str(c['TZID']): localize_until(c).to_tz() for c in cal.walk('VTIMEZONE')}


def instant(prop):
    tzid = prop.params.get('TZID')
    naive = prop.dt.replace(tzinfo=None)
    aware = zones[str(tzid)].localize(naive)
    return calendar.timegm(aware.utctimetuple())


for ev in cal.walk('VEVENT'):
    start, end = ev['DTSTART'], ev['DTEND']
    timed = 'TZID' in start.params
    row = {
        'uid': str(ev['UID']),
        'summary': str(ev.get('SUMMARY', '')),
        'description': str(ev.get('DESCRIPTION', '')),
        'location': str(ev.get('LOCATION', '')),
        'tzid': str(start.params['TZID']) if timed else None,
        'start': instant(start) if timed else None,
        'end': instant(end) if timed else None,
        'date': None if timed else start.dt.strftime('%Y%m%d'),
    }
    sys.stdout.write(json.dumps(row, ensure_ascii=False) + '\n')
