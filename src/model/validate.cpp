#include "gge/model/validate.hpp"

#include <fmt/format.h>

#include <cctype>

namespace gge {
namespace {

[[noreturn]] void refuse(Where where, std::string_view field, std::string value,
                         std::string problem) {
  throw InputError(std::string{where}, std::string{field}, std::move(value), std::move(problem));
}

void check_positive(int v, std::string_view field, Where where, int min = 1) {
  if (v < min) refuse(where, field, std::to_string(v), fmt::format("must be at least {}", min));
}

void check_name(const std::string& text, std::string_view field, Where where) {
  if (text.empty()) refuse(where, field, text, "must not be empty");
  check_text(text, field, where, 200);
}

// Every date that enters the store lies in the supported years (parse.hpp), derived ends included:
// a session moved to start on 2199-12-30 must not end in 2200.
void check_supported(Date d, std::string_view field, Where where) {
  const int year = static_cast<int>(date::year_month_day{d}.year());
  if (year < k_first_year || year > k_last_year)
    refuse(where, field, to_iso(d),
           fmt::format("is outside the supported years {}..{}", k_first_year, k_last_year));
}

}  // namespace

void check_key(const std::string& key, std::string_view field, Where where, std::size_t max) {
  if (key.empty()) refuse(where, field, key, "must not be empty");
  if (key.size() > max)
    refuse(where, field, key.substr(0, 40) + "...", fmt::format("longer than {} characters", max));
  for (char c : key) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '_' || c == '.' || c == '/' || c == '-' || c == '#'))
      refuse(where, field, key, "a key may hold only letters, digits and _ . / - #");
  }
}

void validate(const DutyStation& s, Where where) {
  check_key(s.code, "station.code", where, 16);
  check_name(s.name, "station.name", where);
  parse_zone(s.zone, "station.zone", where);
  if (s.hours_from < Minutes{0} || s.hours_from >= k_day_minutes)
    refuse(where, "station.hours_from", to_hhmm(s.hours_from), "must be within the day");
  if (s.hours_to <= s.hours_from || s.hours_to > k_day_minutes)
    refuse(where, "station.hours_to", to_hhmm(s.hours_to),
           fmt::format("must be after {} and no later than 24:00", to_hhmm(s.hours_from)));
}

void validate(const Room& r, Where where) {
  check_key(r.station, "room.station", where, 16);
  check_name(r.name, "room.name", where);
  check_positive(r.capacity, "room.capacity", where);
}

void validate(const Body& b, Where where) {
  check_key(b.symbol, "body.symbol", where);
  check_name(b.name, "body.name", where);
  check_positive(b.members, "body.members", where, 0);
  check_positive(b.min_gap_days, "body.min_gap_days", where, 0);
}

void validate(const Expert& e, Where where) {
  check_key(e.key, "expert.key", where);
  check_name(e.name, "expert.name", where);
  check_text(e.country, "expert.country", where, 200);
}

void validate(const Membership& m, Where where) {
  check_key(m.expert, "membership.expert", where);
  check_key(m.body, "membership.body", where);
  check_text(m.role, "membership.role", where, 100);
}

void validate(const Resolution& r, Where where) {
  check_key(r.symbol, "resolution.symbol", where, 32);
  const auto slash = r.symbol.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == r.symbol.size())
    refuse(where, "resolution.symbol", r.symbol, "expected SESSION/NUMBER, e.g. 58/32");
  check_positive(r.ga_session, "resolution.ga_session", where);
  if (r.symbol.substr(0, slash) != std::to_string(r.ga_session))
    refuse(where, "resolution.ga_session", std::to_string(r.ga_session),
           fmt::format("does not match the symbol {}", r.symbol));
  check_text(r.title, "resolution.title", where, 2000);
  check_text(r.agenda_item, "resolution.agenda_item", where, 2000);
}

void validate(const Mandate& m, Where where) {
  check_key(m.key, "mandate.key", where);
  check_key(m.body, "mandate.body", where);
  check_key(m.resolution, "mandate.resolution", where, 32);
  check_positive(m.report_to_session, "mandate.report_to_session", where);
  check_supported(m.start, "mandate.start", where);
  if (m.consider_on) check_supported(*m.consider_on, "mandate.consider_on", where);
  if (m.member_states_by) check_supported(*m.member_states_by, "mandate.member_states_by", where);
  check_positive(m.sessions_entitled, "mandate.sessions_entitled", where, 0);
  check_positive(m.days_entitled, "mandate.days_entitled", where, 0);
  check_text(m.notes, "mandate.notes", where, 10000, true);
  const auto check_weeks = [&](const std::optional<int>& v, std::string_view field, int max) {
    if (v && (*v < 0 || *v > max))
      refuse(where, field, std::to_string(*v), fmt::format("must be between 0 and {}", max));
  };
  check_weeks(m.submission_weeks, "mandate.submission_weeks", 52);
  check_weeks(m.distribution_weeks, "mandate.distribution_weeks", 52);
  check_weeks(m.adoption_working_days, "mandate.adoption_working_days", 250);
}

void validate(const Session& s, Where where) {
  check_key(s.body, "session.body", where);
  check_positive(s.number, "session.number", where);
  check_supported(s.first, "session.first", where);
  check_supported(s.last, "session.last", where);
  if (s.last < s.first)
    refuse(where, "session.last", to_iso(s.last),
           fmt::format("is before the first day {}", to_iso(s.first)));
  if ((s.last - s.first).count() > 366)
    refuse(where, "session.last", to_iso(s.last), "a session cannot last more than a year");
  check_key(s.station, "session.station", where, 16);
  check_text(s.room, "session.room", where, 200);
}

void validate(const Meeting& m, Where where) {
  check_key(m.body, "meeting.body", where);
  check_positive(m.session, "meeting.session", where);
  check_supported(m.date, "meeting.date", where);
  if (m.start < Minutes{0} || m.start >= k_day_minutes)
    refuse(where, "meeting.start", to_hhmm(m.start), "must be within the day (00:00 to 23:59)");
  if (m.end <= m.start || m.end > k_day_minutes)
    refuse(where, "meeting.end", to_hhmm(m.end),
           fmt::format("must be after the start {} and no later than 24:00", to_hhmm(m.start)));
  check_text(m.room, "meeting.room", where, 200);
  check_text(m.kind, "meeting.kind", where, 100);
  check_positive(m.number, "meeting.number", where, 0);
}

void validate(const Holiday& h, Where where) {
  check_key(h.station, "holiday.station", where, 16);
  check_supported(h.date, "holiday.date", where);
  check_name(h.name, "holiday.name", where);
}

void validate(const HolidayRule& r, Where where) {
  check_key(r.station, "holiday_rule.station", where, 16);
  check_name(r.name, "holiday_rule.name", where);
  const auto range = [&](int v, int lo, int hi, std::string_view field) {
    if (v < lo || v > hi)
      refuse(where, field, std::to_string(v), fmt::format("must be between {} and {}", lo, hi));
  };
  switch (r.kind) {
    case HolidayRuleKind::fixed:
      range(r.month, 1, 12, "holiday_rule.month");
      range(r.day, 1, 31, "holiday_rule.day");
      // 29 February is allowed (observed only in leap years); 31 April is not a day.
      if (!date::month_day{date::month(static_cast<unsigned>(r.month)),
                           date::day(static_cast<unsigned>(r.day))}.ok())
        refuse(where, "holiday_rule.day", std::to_string(r.day),
               fmt::format("month {} has no day {}", r.month, r.day));
      break;
    case HolidayRuleKind::nth_weekday:
      range(r.nth, 1, 5, "holiday_rule.nth");
      [[fallthrough]];
    case HolidayRuleKind::last_weekday:
      range(r.month, 1, 12, "holiday_rule.month");
      range(r.weekday, 0, 6, "holiday_rule.weekday");
      range(r.offset, -100, 100, "holiday_rule.offset");
      break;
    case HolidayRuleKind::easter:
      range(r.offset, -100, 100, "holiday_rule.offset");
      break;
    case HolidayRuleKind::hijri:
      range(r.hijri_month, 1, 12, "holiday_rule.hijri_month");
      range(r.hijri_day, 1, 30, "holiday_rule.hijri_day");
      break;
  }
  if (r.from_year != 0) range(r.from_year, k_first_year, k_last_year, "holiday_rule.from_year");
  if (r.to_year != 0) range(r.to_year, k_first_year, k_last_year, "holiday_rule.to_year");
  if (r.from_year != 0 && r.to_year != 0 && r.to_year < r.from_year)
    refuse(where, "holiday_rule.to_year", std::to_string(r.to_year),
           fmt::format("is before from_year {}", r.from_year));
  check_text(r.source, "holiday_rule.source", where, 1000);
}

void validate(const GaOpening& g, Where where) {
  check_positive(g.session, "ga_opening.session", where);
  if (g.session > 300)
    refuse(where, "ga_opening.session", std::to_string(g.session), "must be at most 300");
  check_supported(g.opening, "ga_opening.opening", where);
  check_text(g.source, "ga_opening.source", where, 1000);
}

void validate(const Blackout& b, Where where) {
  if (!b.station.empty()) check_key(b.station, "blackout.station", where, 16);
  check_supported(b.first, "blackout.first", where);
  check_supported(b.last, "blackout.last", where);
  if (b.last < b.first)
    refuse(where, "blackout.last", to_iso(b.last),
           fmt::format("is before the first day {}", to_iso(b.first)));
  check_name(b.reason, "blackout.reason", where);
}

void validate(const BusyTime& b, Where where) {
  if (b.subject.empty()) refuse(where, "busy.subject", b.subject, "must not be empty");
  check_text(b.subject, "busy.subject", where, 200);
  check_name(b.source, "busy.source", where);
  if (b.uid.empty()) refuse(where, "busy.uid", b.uid, "must not be empty");
  check_text(b.uid, "busy.uid", where, 1000);
  check_text(b.summary, "busy.summary", where, 1000);
  if (b.all_day && b.last < b.first)
    refuse(where, "busy.last", to_iso(b.last),
           fmt::format("is before the first day {}", to_iso(b.first)));
  if (!b.all_day && b.end <= b.start)
    refuse(where, "busy.end", to_iso(b.end),
           fmt::format("is not after the start {}", to_iso(b.start)));
}

}  // namespace gge
