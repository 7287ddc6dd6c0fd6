/* Parses a .ics file with libical, runs its RFC 5545 restriction check, and prints one JSON line
 * per VEVENT (as icaljs_dump.mjs does; instants from the file's VTIMEZONEs) and one
 * {"error": "..."} line per X-LIC-ERROR libical reports. Exit 0 when there is no error, 1 when
 * there are errors, 2 when the file cannot be read. */
#include <libical/ical.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_json_string(const char* s) {
  putchar('"');
  for (const unsigned char* p = (const unsigned char*)(s ? s : ""); *p; ++p) {
    if (*p == '"' || *p == '\\') printf("\\%c", *p);
    else if (*p < 0x20) printf("\\u%04x", *p);
    else putchar(*p);
  }
  putchar('"');
}

static void put_time(const char* key, struct icaltimetype t) {
  printf(",\"%s\":", key);
  if (icaltime_is_null_time(t) || t.is_date) printf("null");
  else printf("%lld", (long long)icaltime_as_timet_with_zone(t, t.zone));
}

static int print_errors(icalcomponent* c) {
  int n = 0;
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
    printf("{\"error\":");
    put_json_string(icalproperty_get_xlicerror(p));
    printf(",\"component\":");
    put_json_string(icalcomponent_kind_to_string(icalcomponent_isa(c)));
    printf("}\n");
    ++n;
  }
  for (icalcomponent* k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
       k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
    n += print_errors(k);
  return n;
}

int main(int argc, char** argv) {
  if (argc != 2) { fprintf(stderr, "usage: libical_check FILE.ics\n"); return 2; }
  FILE* f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* text = malloc((size_t)size + 1);
  if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) { fprintf(stderr, "read failed\n"); return 2; }
  text[size] = 0;
  fclose(f);

  icalcomponent* cal = icalparser_parse_string(text);
  if (!cal) { printf("{\"error\":\"no calendar parsed\"}\n"); return 1; }
  icalrestriction_check(cal);
  int errors = print_errors(cal);

  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    struct icaltimetype start = icalcomponent_get_dtstart(ev);
    struct icaltimetype end = icalcomponent_get_dtend(ev);
    icalproperty* dtstart = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    icalparameter* tzid = dtstart ? icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER) : NULL;
    printf("{\"uid\":");
    put_json_string(icalcomponent_get_uid(ev));
    printf(",\"summary\":");
    put_json_string(icalcomponent_get_summary(ev));
    printf(",\"description\":");
    put_json_string(icalcomponent_get_description(ev));
    printf(",\"location\":");
    put_json_string(icalcomponent_get_location(ev));
    printf(",\"tzid\":");
    if (tzid) put_json_string(icalparameter_get_tzid(tzid)); else printf("null");
    put_time("start", start);
    put_time("end", end);
    if (start.is_date) printf(",\"date\":\"%04d%02d%02d\"}\n", start.year, start.month, start.day);
    else printf(",\"date\":null}\n");
  }
  icalcomponent_free(cal);
  free(text);
  return errors ? 1 : 0;
}
