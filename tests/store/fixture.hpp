#pragma once
// A small scenario with one value of every type (and a few more where order matters), for the
// store tests.
#include "gge/core/parse.hpp"
#include "gge/model/scenario.hpp"
#include "gge/store/store.hpp"

#include <filesystem>
#include <random>
#include <string>

namespace gge::test {

inline Date d(const char* iso) { return parse_date(iso, "test"); }
inline Minutes hm(int h, int m = 0) { return Minutes{h * 60 + m}; }

/// Every type, several rows each, deliberately given out of order.
inline Scenario sample_scenario() {
  Scenario s;
  s.stations = {{"NY", "New York (UNHQ)", "America/New_York", hm(9), hm(21)},
                {"GVA", "Geneva (UNOG)", "Europe/Zurich", hm(8, 30), hm(19)}};
  s.rooms = {{"NY", "Conference Room 4", 120}, {"GVA", "Room XVIII", 90}, {"NY", "Conference Room 1", 60}};
  s.bodies = {{"GGE-ICT-2004", "Group of Governmental Experts on ICT (2004-2005)", BodyKind::gge, 15, 30},
              {"OEWG-ICT", "Open-ended working group", BodyKind::oewg, 0, 0}};
  s.experts = {{"ru-1", "A. Expert", "Russian Federation"}, {"br-1", "B. Expert", ""}};
  s.memberships = {{"ru-1", "GGE-ICT-2004", "chair"}, {"br-1", "GGE-ICT-2004", ""}};
  s.resolutions = {{"58/32", d("2003-12-08"), 58, "Developments in the field of ICT", "item 85"},
                   {"59/61", d("2004-12-03"), 59, "", ""}};
  Mandate m{"58/32-ict", "GGE-ICT-2004", "58/32", d("2004-01-01"), 60, 3, 15, "to be established in 2004"};
  m.consider_on = d("2005-10-10");
  m.submission_weeks = 10;
  m.adoption_working_days = 12;
  Mandate plain{"59/61-ict", "GGE-ICT-2004", "59/61", d("2005-01-01"), 60, 0, 0, ""};
  s.mandates = {m, plain};
  s.deadlines = {{"58/32-ict", "submission", d("2005-08-01"), "10 weeks before 2005-10-10"},
                 {"58/32-ict", "distribution", d("2005-08-29"), "6 weeks before 2005-10-10"}};
  s.sessions = {
      {"GGE-ICT-2004", 2, d("2005-03-07"), d("2005-03-11"), "GVA", "Room XVIII", SessionStatus::planned, "", 0},
      {"GGE-ICT-2004", 1, d("2004-07-12"), d("2004-07-16"), "NY", "Conference Room 4", SessionStatus::held, "", 0},
      {"OEWG-ICT", 1, d("2019-09-09"), d("2019-09-13"), "NY", "", SessionStatus::confirmed, "", 0}};
  s.meetings = {
      {"GGE-ICT-2004", 1, d("2004-07-12"), hm(15), hm(18), "", "plenary", 2, "", 0},
      {"GGE-ICT-2004", 1, d("2004-07-12"), hm(10), hm(13), "Conference Room 1", "informal", 1, "", 0},
      {"GGE-ICT-2004", 2, d("2005-03-07"), hm(10), hm(13), "", "plenary", 1, "", 0}};
  s.holidays = {{"NY", d("2005-01-03"), "New Year's Day (observed)", HolidayStatus::confirmed},
                {"GVA", d("2005-03-25"), "Good Friday", HolidayStatus::rule}};
  HolidayRule thanks{"NY", "Thanksgiving Day", HolidayRuleKind::nth_weekday, 11, 0, 4, 4};
  thanks.observance = Observance::none;
  thanks.source = "ST/IC/2015/1";
  HolidayRule eid{"NY", "Eid al-Fitr", HolidayRuleKind::hijri};
  eid.hijri_month = 10;
  eid.hijri_day = 1;
  eid.from_year = 1997;
  eid.observance = Observance::nearest;
  HolidayRule good_friday{"GVA", "Good Friday", HolidayRuleKind::easter};
  good_friday.offset = -2;
  s.holiday_rules = {thanks, eid, good_friday};
  s.ga_openings = {{60, d("2005-09-13"), "A/INF/60/1"}, {59, d("2004-09-14"), ""}};
  s.blackouts = {{"NY", d("2005-09-14"), d("2005-09-23"), "high-level week", Severity::error},
                 {"", d("2005-07-01"), d("2005-07-29"), "ECOSOC substantive session", Severity::warning}};
  return s;
}

/// An in-memory store holding sample_scenario(), loaded at SOURCE_DATE_EPOCH 1100000000
/// (2004-11-09T11:33:20Z).
inline Store sample_store() {
  auto store = Store::in_memory();
  store.set_clock(Instant{std::chrono::seconds{1100000000}});
  Store::Transaction tx(store);
  store.add(sample_scenario());
  tx.commit();
  return store;
}

/// A temporary directory, removed at the end of the test.
class TempDir {
public:
  TempDir() {
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("gge-store-test-" + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

}  // namespace gge::test
