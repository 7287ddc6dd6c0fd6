// .ics files as busy time, through libical (see gge/formats/ical/ical_import.hpp).
#include "gge/formats/ical/ical_import.hpp"

#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"
#include "ical_scan.hpp"

#include <fmt/format.h>
#include <libical/ical.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace gge {
namespace {

/// Where a zone-bearing value's wall clock is anchored.
struct ZoneRef {
  bool utc = false;
  icaltimezone* vtimezone = nullptr;      ///< the file's own VTIMEZONE
  const date::time_zone* iana = nullptr;  ///< an IANA zone (given, or mapped from Windows)
  bool floating = false;                  ///< neither: the floating zone applies
};

/// The moment of an instance's start, comparable across RRULE, RDATE, EXDATE, RECURRENCE-ID:
/// days since 1970 for dates, UTC seconds for date-times.
struct Moment {
  bool is_date = false;
  std::int64_t value = 0;
  friend auto operator<=>(const Moment&, const Moment&) = default;
};

struct CalendarFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
struct IteratorFree {
  void operator()(icalrecur_iterator* i) const { icalrecur_iterator_free(i); }
};

Date date_of(const icaltimetype& t) {
  return Date{date::year{t.year} / date::month(static_cast<unsigned>(t.month)) /
              date::day(static_cast<unsigned>(t.day))};
}

local_seconds local_of(const icaltimetype& t) {
  return local_seconds{local_days{date::year{t.year} / date::month(static_cast<unsigned>(t.month)) /
                                  date::day(static_cast<unsigned>(t.day))}
                           .time_since_epoch()} +
         std::chrono::hours{t.hour} + std::chrono::minutes{t.minute} +
         std::chrono::seconds{t.second};
}

bool sane(const icaltimetype& t) {
  return !icaltime_is_null_time(t) && t.year >= k_first_year && t.year <= k_last_year &&
         t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= 31;
}

class Reader {
 public:
  Reader(std::string_view name, const IcsOptions& options, const detail::IcsScan& scan)
      : m_name(name),
        m_opt(options),
        m_scan(scan),
        m_window_begin(Instant{options.from.time_since_epoch()}),
        m_window_end(Instant{(options.to + date::days{1}).time_since_epoch()}) {}

  IcsImport read(icalcomponent* root) {
    std::vector<icalcomponent*> calendars;
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) calendars.push_back(root);
    for (auto* c = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT); c;
         c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
      calendars.push_back(c);
    std::size_t index = 0;
    for (auto* cal : calendars) {
      m_cal = cal;
      std::vector<std::pair<icalcomponent*, int>> events;
      for (auto* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
           ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        const int line = index < m_scan.event_lines.size() ? m_scan.event_lines[index] : 0;
        ++index;
        events.emplace_back(ev, line);
      }
      read_events(events);
    }
    std::sort(m_out.busy.begin(), m_out.busy.end(), [](const BusyTime& a, const BusyTime& b) {
      return std::tie(a.uid, a.first, a.start) < std::tie(b.uid, b.first, b.start);
    });
    for (const auto& [windows, iana] : m_windows)
      m_out.windows_zones.push_back(windows + " -> " + iana);
    return std::move(m_out);
  }

 private:
  std::string m_name;
  const IcsOptions& m_opt;
  const detail::IcsScan& m_scan;
  Instant m_window_begin, m_window_end;  // [begin, end), UTC
  icalcomponent* m_cal = nullptr;
  IcsImport m_out;
  std::map<std::string, std::string> m_windows;  // Windows name -> IANA, as used
  std::size_t m_steps = 0;

  std::string where(int line) const { return fmt::format("{}:{}", m_name, line); }

  int tzid_line(const std::string& tzid, int fallback) const {
    for (const auto& use : m_scan.tzid_uses)
      if (use.tzid == tzid && use.line >= fallback) return use.line;
    return fallback;
  }

  ZoneRef zone_of(icalproperty* p, const icaltimetype& t, int line) {
    ZoneRef z;
    if (icaltime_is_utc(t)) {
      z.utc = true;
      return z;
    }
    icalparameter* param = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    const char* tzid_c = param ? icalparameter_get_tzid(param) : nullptr;
    if (tzid_c == nullptr || *tzid_c == '\0') {
      z.floating = true;
      return z;
    }
    const std::string tzid{tzid_c};
    if (m_scan.vtimezone_ids.count(tzid)) {
      z.vtimezone = icalcomponent_get_timezone(m_cal, tzid_c);
      if (z.vtimezone) return z;
      throw InputError(where(tzid_line(tzid, line)), "TZID", tzid,
                       "its VTIMEZONE could not be read");
    }
    try {
      z.iana = date::locate_zone(tzid);
      return z;
    } catch (const std::exception&) {}
    if (auto iana = iana_zone_of_windows_zone(tzid); !iana.empty()) {
      try {
        z.iana = date::locate_zone(iana);
        m_windows.emplace(tzid, iana);
        return z;
      } catch (const std::exception&) {}
    }
    throw InputError(
        where(tzid_line(tzid, line)), "TZID", tzid,
        "no VTIMEZONE in the file defines it, and it is neither an IANA nor a Windows zone name");
  }

  /// UTC instant of a date-time in its zone (ambiguous local times: the earlier instant;
  /// nonexistent ones: the moment the clocks change).
  Instant to_utc(const icaltimetype& t, const ZoneRef& z, int line) {
    if (z.utc) return Instant{local_of(t).time_since_epoch()};
    if (z.vtimezone)
      return Instant{std::chrono::seconds{icaltime_as_timet_with_zone(t, z.vtimezone)}};
    const date::time_zone* zone = z.iana;
    if (z.floating) {
      zone = m_opt.floating_zone;
      if (zone == nullptr)
        throw InputError(where(line), "DTSTART", icaltime_as_ical_string(t),
                         "a floating time (no TZID, no Z) and no zone given to take it in");
    }
    return date::floor<std::chrono::seconds>(zone->to_sys(local_of(t), date::choose::earliest));
  }

  Moment moment(const icaltimetype& t, const ZoneRef& z, int line) {
    if (t.is_date) return {true, date_of(t).time_since_epoch().count()};
    return {false, to_utc(t, z, line).time_since_epoch().count()};
  }

  static std::string text_of(const char* s) {
    std::string out = s ? s : "";
    if (out.size() > 200) {
      std::size_t cut = 200;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
      out = out.substr(0, cut) + "...";
    }
    return out;
  }

  /// Refuses a VEVENT whose recurrence or time properties libical could not parse: it would
  /// otherwise silently lose instances.
  void refuse_broken(icalcomponent* ev, int line) const {
    static constexpr std::string_view k_used[] = {"DTSTART",       "DTEND",  "DURATION",
                                                  "RRULE",         "RDATE",  "EXDATE",
                                                  "RECURRENCE-ID", "STATUS", "TRANSP"};
    for (auto* p = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_XLICERROR_PROPERTY)) {
      const std::string message = icalproperty_get_xlicerror(p);
      for (auto used : k_used)
        if (message.find(used) != std::string::npos)
          throw InputError(where(line), std::string{used}, "", "libical: " + message);
    }
  }

  struct Event {
    icalcomponent* comp = nullptr;
    int line = 0;
    icaltimetype start{};
    ZoneRef zone;
    bool all_day = false;
    std::int64_t length = 0;  ///< days when all_day, else seconds
    std::string uid, summary;
    bool cancelled = false, transparent = false;
  };

  Event describe(icalcomponent* ev, int line) {
    refuse_broken(ev, line);
    Event e;
    e.comp = ev;
    e.line = line;
    icalproperty* dtstart = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    if (!dtstart) throw InputError(where(line), "", "", "VEVENT has no DTSTART");
    e.start = icalproperty_get_dtstart(dtstart);
    if (!sane(e.start))
      throw InputError(where(line), "DTSTART", icaltime_as_ical_string(e.start),
                       "not a date in 1900..2199");
    e.zone = zone_of(dtstart, e.start, line);
    e.all_day = e.start.is_date;
    if (icalproperty* dtend = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY)) {
      const icaltimetype end = icalproperty_get_dtend(dtend);
      if (!sane(end) || end.is_date != e.start.is_date)
        throw InputError(where(line), "DTEND", icaltime_as_ical_string(end),
                         "not a value of DTSTART's kind");
      const Moment a = moment(e.start, e.zone, line),
                   b = moment(end, zone_of(dtend, end, line), line);
      e.length = b.value - a.value;
      if (e.length < 0)
        throw InputError(where(line), "DTEND", icaltime_as_ical_string(end), "is before DTSTART");
    } else if (icalproperty* dur = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY)) {
      const int seconds = icaldurationtype_as_int(icalproperty_get_duration(dur));
      if (seconds < 0)
        throw InputError(where(line), "DURATION", icalproperty_get_value_as_string(dur),
                         "is negative");
      e.length = e.all_day ? seconds / 86400 : seconds;
    }
    if (e.all_day && e.length == 0) e.length = 1;    // DTEND is exclusive: one day at least
    if (!e.all_day && e.length == 0) e.length = 60;  // an instant: one minute, so it can clash
    const char* uid = icalcomponent_get_uid(ev);
    e.uid = uid && *uid ? text_of(uid) : fmt::format("{}:{}", m_name, line);
    e.summary = text_of(icalcomponent_get_summary(ev));
    e.cancelled = icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED;
    if (icalproperty* tr = icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY))
      e.transparent = icalproperty_get_transp(tr) == ICAL_TRANSP_TRANSPARENT;
    return e;
  }

  void step(const Event& e, const char* rule) {
    if (++m_steps > m_opt.max_steps)
      throw InputError(
          where(e.line), "RRULE", rule,
          fmt::format("takes more than {} recurrence steps: a rule this dense cannot be imported",
                      m_opt.max_steps));
  }

  /// Every start of a master event up to the window's end: DTSTART, RRULE, RDATE, less EXDATE;
  /// each with whether its time was floating. Rule instances that end before the window are
  /// stepped over, not kept (only the step limit counts them).
  std::map<Moment, bool> starts(const Event& e) {
    std::map<Moment, bool> out;
    out.emplace(moment(e.start, e.zone, e.line), e.zone.floating);
    const Moment window_begin = e.all_day
                                    ? Moment{true, m_opt.from.time_since_epoch().count()}
                                    : Moment{false, m_window_begin.time_since_epoch().count()};
    const Moment window_end =
        e.all_day ? Moment{true, (m_opt.to + date::days{1}).time_since_epoch().count()}
                  : Moment{false, m_window_end.time_since_epoch().count()};
    for (auto* p = icalcomponent_get_first_property(e.comp, ICAL_RRULE_PROPERTY); p;
         p = icalcomponent_get_next_property(e.comp, ICAL_RRULE_PROPERTY)) {
      icalrecurrencetype rule = icalproperty_get_rrule(p);
      const std::string text = icalproperty_get_value_as_string(p);
      // UNTIL is compared here, as an instant (it is UTC when DTSTART has a zone), because
      // libical would compare it with a start that carries no zone.
      std::optional<Moment> until;
      if (!icaltime_is_null_time(rule.until)) {
        const icaltimetype u = rule.until;
        until = u.is_date ? Moment{true, date_of(u).time_since_epoch().count()}
                          : moment(u, icaltime_is_utc(u) ? ZoneRef{true} : e.zone, e.line);
        if (until->is_date && !e.all_day)  // an UNTIL date with timed starts: through that day
          until =
              Moment{false, (date_of(u) + date::days{1}).time_since_epoch().count() * 86400 - 1};
        rule.until = icaltime_null_time();
      }
      icaltimetype local = e.start;
      local.zone = nullptr;
      std::unique_ptr<icalrecur_iterator, IteratorFree> it{icalrecur_iterator_new(rule, local)};
      if (!it) throw InputError(where(e.line), "RRULE", text, "libical cannot expand it");
      for (icaltimetype t = icalrecur_iterator_next(it.get()); !icaltime_is_null_time(t);
           t = icalrecur_iterator_next(it.get())) {
        step(e, text.c_str());
        const Moment m = moment(t, e.zone, e.line);
        if (until && (m.is_date == until->is_date ? m > *until : m.value > until->value)) break;
        if (m >= window_end) break;
        if (m.value + e.length <= window_begin.value) continue;  // ends before the window
        out.emplace(m, e.zone.floating);
        if (out.size() > m_opt.max_instances) too_many(e, text);
      }
    }
    for (auto* p = icalcomponent_get_first_property(e.comp, ICAL_RDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(e.comp, ICAL_RDATE_PROPERTY)) {
      const icaldatetimeperiodtype rd = icalproperty_get_rdate(p);
      const icaltimetype t = icaltime_is_null_time(rd.time) ? rd.period.start : rd.time;
      if (!sane(t))
        throw InputError(where(e.line), "RDATE", icalproperty_get_value_as_string(p), "not a date");
      const ZoneRef z = zone_of(p, t, e.line);
      if (t.is_date != e.all_day)
        throw InputError(where(e.line), "RDATE", icalproperty_get_value_as_string(p),
                         "not a value of DTSTART's kind");
      out.emplace(moment(t, z, e.line), z.floating && !t.is_date);
    }
    for (auto* p = icalcomponent_get_first_property(e.comp, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(e.comp, ICAL_EXDATE_PROPERTY)) {
      const icaltimetype t = icalproperty_get_exdate(p);
      if (!sane(t))
        throw InputError(where(e.line), "EXDATE", icalproperty_get_value_as_string(p),
                         "not a date");
      out.erase(moment(t, zone_of(p, t, e.line), e.line));
    }
    return out;
  }

  [[noreturn]] void too_many(const Event& e, const std::string& rule) const {
    throw InputError(
        where(e.line), "RRULE", rule,
        fmt::format("gives more than {} instances between {} and {}: limit the rule (COUNT, "
                    "UNTIL) or the import window",
                    m_opt.max_instances, to_iso(m_opt.from), to_iso(m_opt.to)));
  }

  /// Keeps the instance of `e` starting at `m` when it meets the window.
  void keep(const Event& e, const Moment& m, bool floating) {
    BusyTime b;
    b.uid = e.uid;
    b.summary = e.summary;
    b.all_day = e.all_day;
    if (e.all_day) {
      b.first = Date{date::days{m.value}};
      b.last = b.first + date::days{e.length - 1};
      if (b.last < m_opt.from || b.first > m_opt.to) return;
    } else {
      b.start = Instant{std::chrono::seconds{m.value}};
      b.end = b.start + std::chrono::seconds{e.length};
      if (b.end <= m_window_begin || b.start >= m_window_end) return;
      if (floating) ++m_out.floating;
    }
    m_out.busy.push_back(std::move(b));
    if (m_out.busy.size() > m_opt.max_instances) too_many(e, rule_text(e));
  }

  static std::string rule_text(const Event& e) {
    icalproperty* p = icalcomponent_get_first_property(e.comp, ICAL_RRULE_PROPERTY);
    return p ? icalproperty_get_value_as_string(p) : std::string{};
  }

  bool skipped(const Event& e) {
    if (e.cancelled)
      ++m_out.cancelled;
    else if (e.transparent)
      ++m_out.transparent;
    return e.cancelled || e.transparent;
  }

  void read_events(const std::vector<std::pair<icalcomponent*, int>>& events) {
    std::map<std::string, std::vector<Event>> overrides;  // by UID
    std::vector<Event> masters;
    for (const auto& [comp, line] : events) {
      ++m_out.events;
      Event e = describe(comp, line);
      if (icalproperty* rid = icalcomponent_get_first_property(comp, ICAL_RECURRENCEID_PROPERTY)) {
        (void)rid;
        overrides[e.uid].push_back(std::move(e));
      } else {
        masters.push_back(std::move(e));
      }
    }
    for (const auto& master : masters) {
      auto found = overrides.find(master.uid);
      if (skipped(master)) {
        if (found != overrides.end()) overrides.erase(found);
        continue;
      }
      auto all = starts(master);
      if (found != overrides.end()) {
        for (const auto& o : found->second) {
          icalproperty* rid = icalcomponent_get_first_property(o.comp, ICAL_RECURRENCEID_PROPERTY);
          const icaltimetype t = icalproperty_get_recurrenceid(rid);
          if (!sane(t))
            throw InputError(where(o.line), "RECURRENCE-ID", icalproperty_get_value_as_string(rid),
                             "not a date");
          all.erase(moment(t, zone_of(rid, t, o.line), o.line));
        }
      }
      for (const auto& [m, floating] : all) keep(master, m, floating);
    }
    // Overrides stand for themselves (also when their master is outside this file).
    for (auto& [uid, list] : overrides)
      for (const auto& o : list)
        if (!skipped(o)) keep(o, moment(o.start, o.zone, o.line), o.zone.floating);
  }
};

}  // namespace

IcsImport read_ics(std::string_view text, std::string_view name, const IcsOptions& options) {
  check_text_limits(text, name);
  const detail::IcsScan scan = detail::scan_ics(text, name);
  const std::string owned{text};
  std::unique_ptr<icalcomponent, CalendarFree> root{icalparser_parse_string(owned.c_str())};
  if (!root)
    throw InputError(fmt::format("{}:1", name), "", "", "libical found no calendar in the file");
  return Reader{name, options, scan}.read(root.get());
}

IcsImport read_ics_file(const std::filesystem::path& path, const IcsOptions& options) {
  return read_ics(read_untrusted_file(path, "calendar file"), path.string(), options);
}

}  // namespace gge
