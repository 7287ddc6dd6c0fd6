// The timeline layout: days to pixels, axis ticks, rows, lanes, bars, markers (report/timeline.hpp).
#include "gge/report/timeline.hpp"

#include "gge/core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

namespace gge {
namespace {

constexpr double k_group_header = 18.0;  // the mandate title line above a group's rows
constexpr double k_group_header_labels = 32.0;  // ... with three lines of deadline labels
constexpr double k_row_padding = 6.0;    // space below a row's lanes
constexpr std::array<const char*, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

date::year_month_day ymd(Date d) { return date::year_month_day{d}; }

/// "7–11 Mar 2005", "29 Aug–2 Sep 2016", "28 Dec 2015–8 Jan 2016" (days inclusive).
std::string short_range(Date first, Date last) {
  const auto a = ymd(first), b = ymd(last);
  const auto mon = [](date::year_month_day v) { return k_months[unsigned(v.month()) - 1]; };
  if (first == last) return fmt::format("{} {} {}", unsigned(a.day()), mon(a), int(a.year()));
  if (a.year() == b.year() && a.month() == b.month())
    return fmt::format("{}–{} {} {}", unsigned(a.day()), unsigned(b.day()), mon(b), int(b.year()));
  if (a.year() == b.year())
    return fmt::format("{} {}–{} {} {}", unsigned(a.day()), mon(a), unsigned(b.day()), mon(b),
                       int(b.year()));
  return fmt::format("{} {} {}–{} {} {}", unsigned(a.day()), mon(a), int(a.year()),
                     unsigned(b.day()), mon(b), int(b.year()));
}

/// x and width of the inclusive days first..last clipped to the scale; nullopt when outside.
std::optional<std::pair<double, double>> span_of(const TimelineScale& s, Date first, Date last) {
  if (last < s.from || first > s.to) return std::nullopt;
  const Date a = std::max(first, s.from);
  const Date b = std::min(last, s.to);
  const double x = s.x(a);
  return std::pair{x, std::max(1.0, s.x(b + date::days{1}) - x)};
}

/// Appends `m` to `out` placed over [y, y + height) at its days' span; markers outside the
/// period are left out.
void place_marker(const TimelineScale& s, const TimelineMarker& m, double y, double height,
                  std::vector<TimelineMarker>& out) {
  const auto sp = span_of(s, m.first, m.last);
  if (!sp) return;
  auto mk = m;
  mk.x = sp->first;
  mk.width = sp->second;
  mk.y = y;
  mk.height = height;
  out.push_back(std::move(mk));
}

/// "BODY#N" at the start of a subject ("GGE-A#2", "GGE-A#2 2005-03-07 10:00"), else "".
std::string session_subject(const std::string& subject) {
  const auto hash = subject.find('#');
  if (hash == std::string::npos || hash == 0) return {};
  auto end = hash + 1;
  while (end < subject.size() && subject[end] >= '0' && subject[end] <= '9') ++end;
  if (end == hash + 1) return {};
  if (end < subject.size() && subject[end] != ' ') return {};
  return subject.substr(0, end);
}

void add_unique(std::vector<int>& v, int n) {
  if (std::find(v.begin(), v.end(), n) == v.end()) v.push_back(n);
}

}  // namespace

double TimelineScale::x(Date d) const {
  return double((d - from).count()) * px_per_day;
}

double TimelineScale::width() const { return double((to - from).count() + 1) * px_per_day; }

TimelineScale make_timeline_scale(Date from, Date to) {
  if (to < from)
    throw InputError({}, "--to", to_iso(to), fmt::format("is before --from {}", to_iso(from)));
  const double days = double((to - from).count() + 1);
  return {from, to, std::min(k_timeline_max_px_per_day, k_timeline_plot_width / days)};
}

std::string_view to_string(TimelineTick::Kind k) {
  switch (k) {
    case TimelineTick::Kind::year: return "year";
    case TimelineTick::Kind::month: return "month";
    case TimelineTick::Kind::week: return "week";
  }
  return "?";
}

std::vector<TimelineTick> make_timeline_ticks(const TimelineScale& s) {
  using Kind = TimelineTick::Kind;
  const double px_week = 7 * s.px_per_day, px_month = 30.44 * s.px_per_day;
  const bool months = px_month >= 4, month_labels = px_month >= 30;
  const bool weeks = px_week >= 6, week_labels = px_week >= 24;
  std::map<Date, TimelineTick> by_day;  // one tick per day, the largest kind wins
  auto put = [&](Date d, Kind k, std::string label) {
    auto [it, fresh] = by_day.try_emplace(d, TimelineTick{k, d, s.x(d), std::move(label)});
    if (!fresh && k < it->second.kind) it->second = TimelineTick{k, d, s.x(d), std::move(label)};
  };
  const auto f = ymd(s.from);
  // Month starts from the month of `from` (the first one may precede the period: skipped).
  for (auto ym = f.year() / f.month();; ym += date::months{1}) {
    const Date d{ym / 1};
    if (d > s.to) break;
    if (d < s.from) continue;
    const auto m = unsigned(ym.month());
    if (m == 1)
      put(d, Kind::year,
          month_labels ? fmt::format("Jan {}", int(ym.year())) : fmt::format("{}", int(ym.year())));
    else if (months)
      put(d, Kind::month,
          !month_labels ? std::string{}
          : d == s.from || by_day.empty() ? fmt::format("{} {}", k_months[m - 1], int(ym.year()))
                                          : std::string{k_months[m - 1]});
  }
  if (weeks) {
    // First Monday on or after `from`.
    Date d = s.from + (date::Monday - weekday_of(s.from));
    for (; d <= s.to; d += date::days{7})
      put(d, Kind::week, week_labels ? fmt::format("{}", unsigned(ymd(d).day())) : std::string{});
  }
  std::vector<TimelineTick> ticks;
  ticks.reserve(by_day.size());
  for (auto& [d, t] : by_day) ticks.push_back(std::move(t));
  return ticks;
}

TimelineData layout_timeline(const TimelineInput& in) {
  TimelineData out;
  out.title = in.title;
  out.scale = make_timeline_scale(in.from, in.to);
  out.ticks = make_timeline_ticks(out.scale);
  const auto& s = out.scale;

  // Findings: numbered in the given order; indexed by the sessions and bodies they concern.
  std::map<std::string, std::vector<int>> by_session;  // "BODY#N" -> numbers
  std::map<std::string, std::vector<int>> by_body;     // body-level findings
  for (const auto& f : in.findings) {
    const int n = int(out.findings.size()) + 1;
    out.findings.push_back({n, f});
    if (f.session > 0) add_unique(by_session[fmt::format("{}#{}", f.body, f.session)], n);
    else add_unique(by_body[f.body], n);
    for (const auto& subj : f.subjects)
      if (auto id = session_subject(subj); !id.empty()) add_unique(by_session[id], n);
  }

  double y = 0;
  for (const auto& st : in.stations) {
    TimelineStation band{st.code, st.name, y, k_timeline_band_height, {}};
    for (const auto& c : st.closures)
      if (auto sp = span_of(s, c.day, c.day))
        band.closures.push_back({c.station, c.day, c.name, sp->first, sp->second});
    out.stations.push_back(std::move(band));
    y += k_timeline_band_height;
  }
  if (!in.stations.empty()) y += 6;

  for (const auto& gi : in.groups) {
    TimelineGroup g{gi.mandate, gi.title, y, 0, {}, {}};
    const bool labels = !gi.deadlines.empty() && s.px_per_day >= k_timeline_marker_label_px_per_day;
    y += labels ? k_group_header_labels : k_group_header;
    for (const auto& bi : gi.bodies) {
      TimelineRow row{bi.symbol, bi.name, gi.mandate, y, 0, 1, {}, {}};
      if (auto it = by_body.find(bi.symbol); it != by_body.end()) row.findings = it->second;
      auto sessions = bi.sessions;
      std::sort(sessions.begin(), sessions.end(), [](const Session& a, const Session& b) {
        return std::tie(a.first, a.number) < std::tie(b.first, b.number);
      });
      std::vector<Date> lane_end;  // last day taken in each lane
      for (const auto& ss : sessions) {
        const auto sp = span_of(s, ss.first, ss.last);
        if (!sp) continue;
        int lane = 0;
        while (lane < int(lane_end.size()) && lane_end[lane] >= ss.first) ++lane;
        if (lane == int(lane_end.size())) lane_end.push_back(ss.last);
        else lane_end[lane] = ss.last;
        TimelineBar bar;
        bar.body = ss.body;
        bar.number = ss.number;
        bar.id = fmt::format("{}#{}", ss.body, ss.number);
        bar.first = ss.first;
        bar.last = ss.last;
        bar.station = ss.station;
        bar.room = ss.room;
        bar.status = ss.status;
        bar.label = fmt::format("#{} {}", ss.number, short_range(ss.first, ss.last));
        bar.x = sp->first;
        bar.width = sp->second;
        bar.lane = lane;
        bar.y = y + 2 + lane * k_timeline_lane_height;
        if (auto it = by_session.find(bar.id); it != by_session.end()) bar.findings = it->second;
        row.bars.push_back(std::move(bar));
      }
      row.lanes = std::max<int>(1, int(lane_end.size()));
      row.height = row.lanes * k_timeline_lane_height + k_row_padding;
      y += row.height;
      g.rows.push_back(std::move(row));
    }
    g.height = y - g.y;
    for (const auto& m : gi.deadlines) place_marker(s, m, g.y, g.height, g.deadlines);
    out.groups.push_back(std::move(g));
  }
  out.height = std::max(y, 40.0);
  for (const auto& m : in.ga) place_marker(s, m, 0, out.height, out.ga);
  return out;
}

}  // namespace gge
