#include "gge/report/timeline.hpp"

#include "gge/core/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace gge;
using namespace date::literals;

namespace {

Session session(std::string body, int n, Date first, Date last, std::string station = "NY",
                SessionStatus status = SessionStatus::confirmed) {
  Session s;
  s.body = std::move(body);
  s.number = n;
  s.first = first;
  s.last = last;
  s.station = std::move(station);
  s.status = status;
  return s;
}

TimelineInput small_plan() {
  TimelineInput in;
  in.title = "plan <A & B>";
  in.from = Date{2005_y / 1 / 1};
  in.to = Date{2005_y / 12 / 31};
  in.stations.push_back({"NY", "New York", {{"NY", Date{2005_y / 7 / 4}, "Independence Day", 0, 0}}});
  TimelineGroupInput g{"A", "A (res. 59/61)", {}, {}};
  g.bodies.push_back({"GGE-A", "Group A", "A",
                      {session("GGE-A", 1, Date{2005_y / 3 / 7}, Date{2005_y / 3 / 11}),
                       session("GGE-A", 2, Date{2005_y / 3 / 10}, Date{2005_y / 3 / 11}),
                       session("GGE-A", 3, Date{2005_y / 7 / 4}, Date{2005_y / 7 / 8}, "NY",
                               SessionStatus::planned),
                       session("GGE-A", 4, Date{2004_y / 3 / 1}, Date{2004_y / 3 / 5})}});
  TimelineMarker sub;
  sub.kind = "submission";
  sub.mandate = "A";
  sub.first = sub.last = Date{2005_y / 7 / 5};
  sub.label = "submission A";
  g.deadlines.push_back(sub);
  in.groups.push_back(g);
  TimelineMarker hlw;
  hlw.kind = "high_level_week";
  hlw.first = Date{2005_y / 9 / 20};
  hlw.last = Date{2005_y / 9 / 26};
  hlw.label = "GA 60 high-level week";
  in.ga.push_back(hlw);
  Finding f;
  f.code = "holiday";
  f.body = "GGE-A";
  f.session = 3;
  f.subjects = {"GGE-A#3"};
  f.first = f.last = Date{2005_y / 7 / 4};
  f.reason = "meets on <Independence Day>";
  Finding overlap;
  overlap.code = "body-overlap";
  overlap.body = "GGE-A";
  overlap.session = 1;
  overlap.subjects = {"GGE-A#1", "GGE-A#2 2005-03-10 10:00"};
  overlap.first = Date{2005_y / 3 / 10};
  overlap.last = Date{2005_y / 3 / 11};
  overlap.reason = "overlap";
  Finding too_many;
  too_many.code = "too-many-days";
  too_many.body = "GGE-A";
  too_many.first = too_many.last = Date{2005_y / 7 / 8};
  in.findings = {overlap, f, too_many};
  return in;
}

const TimelineBar& bar(const TimelineData& d, int number) {
  for (const auto& g : d.groups)
    for (const auto& r : g.rows)
      for (const auto& b : r.bars)
        if (b.number == number) return b;
  FAIL("no bar #" << number);
  throw;
}

}  // namespace

TEST_CASE("timeline scale: x is days from `from` times px per day, spread over the plot", "[rules]") {
  const auto year = make_timeline_scale(Date{2005_y / 1 / 1}, Date{2005_y / 12 / 31});
  CHECK(year.px_per_day == Approx(k_timeline_plot_width / 365));
  CHECK(year.x(Date{2005_y / 1 / 1}) == 0);
  CHECK(year.x(Date{2005_y / 1 / 11}) == Approx(10 * year.px_per_day));
  CHECK(year.width() == Approx(k_timeline_plot_width));
  // A week is capped at k_timeline_max_px_per_day.
  const auto week = make_timeline_scale(Date{2005_y / 3 / 7}, Date{2005_y / 3 / 13});
  CHECK(week.px_per_day == k_timeline_max_px_per_day);
  CHECK_THROWS_AS(make_timeline_scale(Date{2005_y / 3 / 7}, Date{2005_y / 3 / 6}), InputError);
}

TEST_CASE("timeline ticks stay readable from one month to ten years", "[rules]") {
  using Kind = TimelineTick::Kind;
  const auto count = [](const std::vector<TimelineTick>& t, Kind k, bool labelled) {
    return std::count_if(t.begin(), t.end(), [&](const TimelineTick& x) {
      return x.kind == k && (!labelled || !x.label.empty());
    });
  };
  const auto min_gap = [](const std::vector<TimelineTick>& t) {
    double gap = 1e9, last = -1e9;
    for (const auto& x : t)
      if (!x.label.empty()) gap = std::min(gap, x.x - last), last = x.x;
    return gap;
  };
  SECTION("one month: labelled Mondays") {
    const auto s = make_timeline_scale(Date{2005_y / 3 / 1}, Date{2005_y / 3 / 31});
    const auto t = make_timeline_ticks(s);
    CHECK(count(t, Kind::week, true) == 4);  // 7, 14, 21, 28 March
    CHECK(count(t, Kind::month, true) == 1);
    for (const auto& x : t) {
      CHECK(x.x == Approx(s.x(x.day)));
      if (x.kind == Kind::week) CHECK(weekday_of(x.day) == date::Monday);
    }
    CHECK(min_gap(t) >= 24);
  }
  SECTION("one year: labelled months, unlabelled weeks") {
    const auto t = make_timeline_ticks(make_timeline_scale(Date{2005_y / 1 / 1}, Date{2005_y / 12 / 31}));
    CHECK(count(t, Kind::year, true) == 1);
    CHECK(count(t, Kind::month, true) == 11);
    CHECK(count(t, Kind::week, false) >= 50);
    CHECK(count(t, Kind::week, true) == 0);
    CHECK(min_gap(t) >= 30);
  }
  SECTION("ten years: labelled years, no weeks") {
    const auto t = make_timeline_ticks(make_timeline_scale(Date{2000_y / 1 / 1}, Date{2009_y / 12 / 31}));
    CHECK(count(t, Kind::year, true) == 10);
    CHECK(count(t, Kind::month, true) == 0);
    CHECK(count(t, Kind::month, false) == 110);
    CHECK(count(t, Kind::week, false) == 0);
    CHECK(min_gap(t) >= 100);
  }
}

TEST_CASE("timeline layout: bars by dates, lanes for overlaps, findings on their bars", "[rules]") {
  const auto d = layout_timeline(small_plan());
  const auto& s = d.scale;
  const auto& b1 = bar(d, 1);
  CHECK(b1.id == "GGE-A#1");
  CHECK(b1.x == Approx(s.x(Date{2005_y / 3 / 7})));
  CHECK(b1.width == Approx(5 * s.px_per_day));  // 7..11 March inclusive
  CHECK(b1.label == "#1 7–11 Mar 2005");
  const auto& b2 = bar(d, 2);
  CHECK(b2.lane == 1);  // overlaps #1
  CHECK(b2.y > b1.y);
  CHECK(bar(d, 3).lane == 0);
  CHECK(d.groups.at(0).rows.at(0).lanes == 2);
  CHECK(d.groups.at(0).rows.at(0).bars.size() == 3);  // #4 is before the period
  // Findings: numbered in order; the overlap is on both sessions it names.
  REQUIRE(d.findings.size() == 3);
  CHECK(b1.findings == std::vector<int>{1});
  CHECK(b2.findings == std::vector<int>{1});
  CHECK(bar(d, 3).findings == std::vector<int>{2});
  CHECK(d.groups.at(0).rows.at(0).findings == std::vector<int>{3});
  // Markers and closures at their days.
  const auto& sub = d.groups.at(0).deadlines.at(0);
  CHECK(sub.x == Approx(s.x(Date{2005_y / 7 / 5})));
  CHECK(sub.height == Approx(d.groups.at(0).height));
  CHECK(d.ga.at(0).width == Approx(7 * s.px_per_day));
  CHECK(d.stations.at(0).closures.at(0).x == Approx(s.x(Date{2005_y / 7 / 4})));
}

TEST_CASE("timeline layout clips bars to the period and refuses to < from", "[rules]") {
  auto in = small_plan();
  in.from = Date{2005_y / 3 / 9};
  in.to = Date{2005_y / 3 / 31};
  const auto d = layout_timeline(in);
  const auto& b1 = bar(d, 1);
  CHECK(b1.x == 0);
  CHECK(b1.width == Approx(3 * d.scale.px_per_day));  // 9..11 March shown
  CHECK(b1.first == Date{2005_y / 3 / 7});            // the real dates are kept
  in.to = Date{2005_y / 3 / 8};
  CHECK_THROWS_AS(layout_timeline(in), InputError);
}

TEST_CASE("timeline HTML is self-contained, escaped, and carries data attributes", "[rules]") {
  const auto html = to_html(layout_timeline(small_plan()));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // only the namespace
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("plan &lt;A &amp; B&gt;") != std::string::npos);
  CHECK(html.find("<A & B>") == std::string::npos);
  CHECK(html.find("meets on &lt;Independence Day&gt;") != std::string::npos);
  CHECK(html.find("data-session=\"GGE-A#1\"") != std::string::npos);
  CHECK(html.find("data-first=\"2005-03-07\"") != std::string::npos);
  CHECK(html.find("status-planned") != std::string::npos);
  CHECK(html.find("@page { size: A4 landscape") != std::string::npos);
}

TEST_CASE("timeline agenda lists each day with sessions, closures, deadlines, findings", "[rules]") {
  const auto text = to_agenda(layout_timeline(small_plan()));
  CHECK(text.find("Mon 2005-03-07\n  session   GGE-A#1 day 1/5, NY (confirmed) [findings 1]\n") !=
        std::string::npos);
  CHECK(text.find("Mon 2005-07-04\n  session   GGE-A#3 day 1/5, NY (planned) [findings 2]\n"
                  "  closed    NY: Independence Day\n") != std::string::npos);
  CHECK(text.find("Tue 2005-07-05\n  session   GGE-A#3 day 2/5, NY (planned)\n  deadline  A submission\n") !=
        std::string::npos);
  CHECK(text.find("GA        GA 60 high-level week") != std::string::npos);
  CHECK(text.find("2004-03-01") == std::string::npos);  // outside the period
  CHECK(text.find("Sat ") == std::string::npos);          // nothing on a weekend here
}
