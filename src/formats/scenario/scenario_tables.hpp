#pragma once
// Private to the scenario reader/writer: ONE description per row type — its table name, its
// fields (name, presence, member) and its key. The reader and the writer are both driven by
// these descriptions, so a field cannot be read but not written (or the other way round).
//
// Field order here is the order the writer uses. Presence:
//   required  must be in the file; always written
//   shown     may be left out (then the model's default); always written, for readability
//   optional  may be left out (then the model's default); written only when not the default
#include "formats/scenario/scenario_codecs.hpp"

#include <array>
#include <string_view>
#include <tuple>
#include <vector>

namespace gge::detail {

enum class Presence { required, shown, optional };

template <class T>
struct Field {
  std::string_view name;
  Presence presence;
  /// Sets the member from a TOML node; throws InputError naming `field` and `where`.
  void (*read)(T& row, const toml::node& n, std::string_view field, Where where);
  /// The member equals its value in a default-constructed `T`.
  bool (*is_default)(const T& row);
  /// The member as TOML value text.
  std::string (*write)(const T& row);
};

template <auto M>
struct Member;
template <class C, class V, V C::*M>
struct Member<M> {
  using Class = C;
  using Value = V;
};

/// The description of the field held in data member `M`; the codec follows from its type
/// unless one is named.
template <auto M, class C = Codec<typename Member<M>::Value>>
constexpr Field<typename Member<M>::Class> field(std::string_view name,
                                                 Presence presence = Presence::optional) {
  using Row = typename Member<M>::Class;
  return {name, presence,
          [](Row& row, const toml::node& n, std::string_view f, Where w) { row.*M = C::read(n, f, w); },
          [](const Row& row) { return row.*M == Row{}.*M; },
          [](const Row& row) { return C::write(row.*M); }};
}

constexpr auto req = Presence::required;
constexpr auto shown = Presence::shown;

template <class T>
struct Table;

template <>
struct Table<DutyStation> {
  static constexpr std::string_view name = "station";
  static constexpr auto rows = &Scenario::stations;
  static constexpr std::array fields{
      field<&DutyStation::code>("code", req), field<&DutyStation::name>("name", req),
      field<&DutyStation::zone>("zone", req), field<&DutyStation::hours_from>("hours_from"),
      field<&DutyStation::hours_to>("hours_to")};
  static constexpr std::array<std::string_view, 1> key_fields{"code"};
  static auto key(const DutyStation& r) { return std::tie(r.code); }
};

template <>
struct Table<Room> {
  static constexpr std::string_view name = "room";
  static constexpr auto rows = &Scenario::rooms;
  static constexpr std::array fields{field<&Room::station>("station", req),
                                     field<&Room::name>("name", req),
                                     field<&Room::capacity>("capacity", req)};
  static constexpr std::array<std::string_view, 2> key_fields{"station", "name"};
  static auto key(const Room& r) { return std::tie(r.station, r.name); }
};

template <>
struct Table<Body> {
  static constexpr std::string_view name = "body";
  static constexpr auto rows = &Scenario::bodies;
  static constexpr std::array fields{
      field<&Body::symbol>("symbol", req), field<&Body::name>("name", req),
      field<&Body::kind>("kind"), field<&Body::members>("members"),
      field<&Body::min_gap_days>("min_gap_days")};
  static constexpr std::array<std::string_view, 1> key_fields{"symbol"};
  static auto key(const Body& r) { return std::tie(r.symbol); }
};

template <>
struct Table<Expert> {
  static constexpr std::string_view name = "expert";
  static constexpr auto rows = &Scenario::experts;
  static constexpr std::array fields{field<&Expert::key>("key", req),
                                     field<&Expert::name>("name", req),
                                     field<&Expert::country>("country")};
  static constexpr std::array<std::string_view, 1> key_fields{"key"};
  static auto key(const Expert& r) { return std::tie(r.key); }
};

template <>
struct Table<Membership> {
  static constexpr std::string_view name = "membership";
  static constexpr auto rows = &Scenario::memberships;
  static constexpr std::array fields{field<&Membership::expert>("expert", req),
                                     field<&Membership::body>("body", req),
                                     field<&Membership::role>("role")};
  static constexpr std::array<std::string_view, 2> key_fields{"expert", "body"};
  static auto key(const Membership& r) { return std::tie(r.expert, r.body); }
};

template <>
struct Table<Resolution> {
  static constexpr std::string_view name = "resolution";
  static constexpr auto rows = &Scenario::resolutions;
  static constexpr std::array fields{
      field<&Resolution::symbol>("symbol", req), field<&Resolution::adopted>("adopted", req),
      field<&Resolution::ga_session>("ga_session", req), field<&Resolution::title>("title"),
      field<&Resolution::agenda_item>("agenda_item")};
  static constexpr std::array<std::string_view, 1> key_fields{"symbol"};
  static auto key(const Resolution& r) { return std::tie(r.symbol); }
};

template <>
struct Table<Mandate> {
  static constexpr std::string_view name = "mandate";
  static constexpr auto rows = &Scenario::mandates;
  static constexpr std::array fields{
      field<&Mandate::key>("key", req),
      field<&Mandate::body>("body", req),
      field<&Mandate::resolution>("resolution", req),
      field<&Mandate::start>("start", req),
      field<&Mandate::report_to_session>("report_to_session", req),
      field<&Mandate::sessions_entitled>("sessions_entitled"),
      field<&Mandate::days_entitled>("days_entitled"),
      field<&Mandate::notes>("notes"),
      field<&Mandate::consider_on>("consider_on"),
      field<&Mandate::submission_weeks>("submission_weeks"),
      field<&Mandate::distribution_weeks>("distribution_weeks"),
      field<&Mandate::adoption_working_days>("adoption_working_days"),
      field<&Mandate::member_states_by>("member_states_by")};
  static constexpr std::array<std::string_view, 1> key_fields{"key"};
  static auto key(const Mandate& r) { return std::tie(r.key); }
};

template <>
struct Table<Deadline> {
  static constexpr std::string_view name = "deadline";
  static constexpr auto rows = &Scenario::deadlines;
  static constexpr std::array fields{
      field<&Deadline::mandate>("mandate", req), field<&Deadline::kind>("kind", req),
      field<&Deadline::date>("date", req), field<&Deadline::source>("source")};
  static constexpr std::array<std::string_view, 2> key_fields{"mandate", "kind"};
  static auto key(const Deadline& r) { return std::tie(r.mandate, r.kind); }
};

// uid is read and written so that dump -> load keeps the iCalendar identity of a session;
// revision too (written when not 0), because iCalendar SEQUENCE must never go back for a UID.
template <>
struct Table<Session> {
  static constexpr std::string_view name = "session";
  static constexpr auto rows = &Scenario::sessions;
  static constexpr std::array fields{
      field<&Session::body>("body", req),       field<&Session::number>("number", req),
      field<&Session::first>("first", req),     field<&Session::last>("last", req),
      field<&Session::station>("station", req), field<&Session::room>("room"),
      field<&Session::status>("status", shown), field<&Session::uid>("uid"),
      field<&Session::revision>("revision")};
  static constexpr std::array<std::string_view, 2> key_fields{"body", "number"};
  static auto key(const Session& r) { return std::tie(r.body, r.number); }
};

template <>
struct Table<Meeting> {
  static constexpr std::string_view name = "meeting";
  static constexpr auto rows = &Scenario::meetings;
  static constexpr std::array fields{
      field<&Meeting::body>("body", req),   field<&Meeting::session>("session", req),
      field<&Meeting::date>("date", req),   field<&Meeting::start>("start", req),
      field<&Meeting::end>("end", req),     field<&Meeting::number>("number"),
      field<&Meeting::room>("room"),        field<&Meeting::kind>("kind"),
      field<&Meeting::uid>("uid"),          field<&Meeting::revision>("revision")};
  static constexpr std::array<std::string_view, 4> key_fields{"body", "session", "date", "start"};
  static auto key(const Meeting& r) { return std::tie(r.body, r.session, r.date, r.start); }
};

template <>
struct Table<Holiday> {
  static constexpr std::string_view name = "holiday";
  static constexpr auto rows = &Scenario::holidays;
  static constexpr std::array fields{
      field<&Holiday::station>("station", req), field<&Holiday::date>("date", req),
      field<&Holiday::name>("name", req), field<&Holiday::status>("status")};
  static constexpr std::array<std::string_view, 2> key_fields{"station", "date"};
  static auto key(const Holiday& r) { return std::tie(r.station, r.date); }
};

template <>
struct Table<HolidayRule> {
  static constexpr std::string_view name = "holiday_rule";
  static constexpr auto rows = &Scenario::holiday_rules;
  static constexpr std::array fields{
      field<&HolidayRule::station>("station", req),
      field<&HolidayRule::name>("name", req),
      field<&HolidayRule::kind>("kind", req),
      field<&HolidayRule::month>("month"),
      field<&HolidayRule::day>("day"),
      field<&HolidayRule::weekday, WeekdayCodec>("weekday"),
      field<&HolidayRule::nth>("nth"),
      field<&HolidayRule::offset>("offset"),
      field<&HolidayRule::hijri_month>("hijri_month"),
      field<&HolidayRule::hijri_day>("hijri_day"),
      field<&HolidayRule::from_year>("from_year"),
      field<&HolidayRule::to_year>("to_year"),
      field<&HolidayRule::observance>("observance"),
      field<&HolidayRule::source>("source")};
  static constexpr std::array<std::string_view, 3> key_fields{"station", "name", "from_year"};
  static auto key(const HolidayRule& r) { return std::tie(r.station, r.name, r.from_year); }
};

template <>
struct Table<GaOpening> {
  static constexpr std::string_view name = "ga_opening";
  static constexpr auto rows = &Scenario::ga_openings;
  static constexpr std::array fields{field<&GaOpening::session>("session", req),
                                     field<&GaOpening::opening>("opening", req),
                                     field<&GaOpening::source>("source")};
  static constexpr std::array<std::string_view, 1> key_fields{"session"};
  static auto key(const GaOpening& r) { return std::tie(r.session); }
};

template <>
struct Table<Blackout> {
  static constexpr std::string_view name = "blackout";
  static constexpr auto rows = &Scenario::blackouts;
  static constexpr std::array fields{
      field<&Blackout::station>("station"), field<&Blackout::first>("first", req),
      field<&Blackout::last>("last", req), field<&Blackout::reason>("reason", req),
      field<&Blackout::severity>("severity")};
  static constexpr std::array<std::string_view, 3> key_fields{"station", "first", "reason"};
  static auto key(const Blackout& r) { return std::tie(r.station, r.first, r.reason); }
};

template <>
struct Table<BusyTime> {
  static constexpr std::string_view name = "busy";
  static constexpr auto rows = &Scenario::busy_times;
  // All-day rows have first/last (inclusive days), timed rows start/end (UTC, end exclusive).
  static constexpr std::array fields{
      field<&BusyTime::kind>("kind", req),     field<&BusyTime::subject>("subject", req),
      field<&BusyTime::source>("source", req), field<&BusyTime::uid>("uid", req),
      field<&BusyTime::summary>("summary"),    field<&BusyTime::all_day>("all_day"),
      field<&BusyTime::first>("first"),        field<&BusyTime::last>("last"),
      field<&BusyTime::start>("start"),        field<&BusyTime::end>("end")};
  static constexpr std::array<std::string_view, 6> key_fields{"kind", "subject", "source",
                                                              "uid",  "first",   "start"};
  static auto key(const BusyTime& r) {
    return std::tie(r.kind, r.subject, r.source, r.uid, r.first, r.start);
  }
};

/// Calls `f.template operator()<T>()` for every row type, in the file's fixed table order.
template <class F>
void for_each_table(F&& f) {
  f.template operator()<DutyStation>();
  f.template operator()<Room>();
  f.template operator()<Body>();
  f.template operator()<Expert>();
  f.template operator()<Membership>();
  f.template operator()<Resolution>();
  f.template operator()<Mandate>();
  f.template operator()<Deadline>();
  f.template operator()<Session>();
  f.template operator()<Meeting>();
  f.template operator()<Holiday>();
  f.template operator()<HolidayRule>();
  f.template operator()<GaOpening>();
  f.template operator()<Blackout>();
  f.template operator()<BusyTime>();
}

}  // namespace gge::detail
