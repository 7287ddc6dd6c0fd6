/* The test oracle for gge's .ics import: expands every VEVENT of a file with libical's own
 * icalcomponent_foreach_recurrence (RRULE, RDATE, EXDATE) between FROM and TO (YYYYMMDD, UTC
 * days, inclusive), replaces instances that have a RECURRENCE-ID override by the override, drops
 * STATUS:CANCELLED and TRANSP:TRANSPARENT ones, and prints one JSON line per busy instance:
 *   {"uid":"...","start":UNIX,"end":UNIX}          timed (UTC seconds, end exclusive)
 *   {"uid":"...","first":"YYYYMMDD","last":"YYYYMMDD"}   all-day (inclusive days)
 * Zones come from the file's VTIMEZONEs (or libical's built-in zones for IANA names).
 * Exit 2 when the file cannot be read or parsed. */
#include <libical/ical.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_OVERRIDES 1024

struct Override {
  const char* uid;
  time_t at;
};
static struct Override overrides[MAX_OVERRIDES];
static int n_overrides = 0;
static icalcomponent* calendar = NULL;

static time_t instant(icalproperty* p, struct icaltimetype t) {
  if (t.is_date) return icaltime_as_timet(t);
  if (icaltime_is_utc(t)) return icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone());
  icalparameter* tzid = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : NULL;
  icaltimezone* zone = NULL;
  if (tzid) {
    zone = icalcomponent_get_timezone(calendar, icalparameter_get_tzid(tzid));
    if (!zone) zone = icaltimezone_get_builtin_timezone(icalparameter_get_tzid(tzid));
  }
  return icaltime_as_timet_with_zone(t, zone); /* NULL zone: floating, taken as UTC */
}

static int skipped(icalcomponent* ev) {
  icalproperty* transp = icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY);
  return icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED ||
         (transp && icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT);
}

static void put_uid(const char* uid) {
  printf("{\"uid\":\"");
  for (const char* p = uid ? uid : ""; *p; ++p) {
    if (*p == '"' || *p == '\\') putchar('\\');
    putchar(*p);
  }
  printf("\"");
}

static void put_day(const char* key, time_t t) {
  struct tm tm;
  gmtime_r(&t, &tm);
  printf(",\"%s\":\"%04d%02d%02d\"", key, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int all_day;
static time_t window_from, window_to;

static void emit(icalcomponent* ev, struct icaltime_span* span, void* data) {
  (void)data;
  const char* uid = icalcomponent_get_uid(ev);
  for (int i = 0; i < n_overrides; ++i)
    if (strcmp(overrides[i].uid, uid) == 0 && overrides[i].at == span->start) return;
  time_t end = span->end;
  if (all_day) {
    if (end <= span->start) end = span->start + 86400;
    put_uid(uid);
    put_day("first", span->start);
    put_day("last", end - 86400);
    printf("}\n");
  } else {
    if (end <= span->start) end = span->start + 60;
    put_uid(uid);
    printf(",\"start\":%lld,\"end\":%lld}\n", (long long)span->start, (long long)end);
  }
}

static char* read_line(char* s, size_t size, void* d) { return fgets(s, (int)size, (FILE*)d); }

static struct icaltimetype day_of(const char* yyyymmdd) {
  struct icaltimetype t = icaltime_from_string(yyyymmdd);
  t.is_date = 0;
  t.hour = t.minute = t.second = 0;
  t.zone = icaltimezone_get_utc_timezone();
  return t;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: libical_expand FILE.ics FROM TO\n");
    return 2;
  }
  FILE* f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  icalparser* parser = icalparser_new();
  icalparser_set_gen_data(parser, f);
  calendar = icalparser_parse(parser, read_line);
  icalparser_free(parser);
  fclose(f);
  if (!calendar) {
    fprintf(stderr, "no calendar parsed\n");
    return 2;
  }

  struct icaltimetype from = day_of(argv[2]);
  struct icaltimetype to = icaltime_add(day_of(argv[3]), icaldurationtype_from_int(86400));
  window_from = icaltime_as_timet(from);
  window_to = icaltime_as_timet(to);

  for (icalcomponent* ev = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    icalproperty* rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
    if (!rid || n_overrides == MAX_OVERRIDES) continue;
    overrides[n_overrides].uid = icalcomponent_get_uid(ev);
    overrides[n_overrides].at = instant(rid, icalproperty_get_recurrenceid(rid));
    ++n_overrides;
  }
  for (icalcomponent* ev = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    if (skipped(ev)) continue;
    all_day = icalcomponent_get_dtstart(ev).is_date;
    /* All-day instances are compared as days: widen the window by a day each way, then keep
     * the days that meet FROM..TO. */
    struct icaltimetype a = from, b = to;
    if (icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
      /* An override is one instance: its own times. */
      icalproperty* dtstart = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
      icalproperty* dtend = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
      struct icaltime_span span;
      span.start = instant(dtstart, icalproperty_get_dtstart(dtstart));
      span.end = dtend ? instant(dtend, icalproperty_get_dtend(dtend)) : span.start;
      if (span.end > window_from && span.start < window_to) {
        const int n = n_overrides;
        n_overrides = 0; /* the override is not excluded by itself */
        emit(ev, &span, NULL);
        n_overrides = n;
      }
      continue;
    }
    icalcomponent_foreach_recurrence(ev, a, b, emit, NULL);
  }
  icalcomponent_free(calendar);
  return 0;
}
