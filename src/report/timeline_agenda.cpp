// The timeline as a plain-text, day-by-day agenda for the terminal (report/timeline.hpp).
#include "gge/report/timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

namespace gge {

std::string to_agenda(const TimelineData& d) {
  const auto& sc = d.scale;
  // Per day, lines ordered by a rank (sessions, closures, GA, deadlines, findings), then text.
  std::map<Date, std::vector<std::pair<int, std::string>>> days;
  const auto add = [&](Date day, int rank, std::string line) {
    if (day < sc.from || day > sc.to) return;
    days[day].emplace_back(rank, std::move(line));
  };
  for (const auto& g : d.groups)
    for (const auto& r : g.rows)
      for (const auto& b : r.bars) {
        const int total = (b.last - b.first).count() + 1;
        const Date a = std::max(b.first, sc.from), z = std::min(b.last, sc.to);
        for (Date day = a; day <= z; day += date::days{1}) {
          const int n = (day - b.first).count() + 1;
          add(day, 0,
              fmt::format("session   {} day {}/{}, {}{}{} ({}){}", b.id, n, total, b.station,
                          b.room.empty() ? "" : " ", b.room, to_string(b.status),
                          b.findings.empty() || n != 1
                              ? std::string{}
                              : fmt::format(" [findings {}]", [&] {
                                  std::string s;
                                  for (int f : b.findings) s += (s.empty() ? "" : ",") + std::to_string(f);
                                  return s;
                                }())));
        }
      }
  for (const auto& st : d.stations)
    for (const auto& c : st.closures) add(c.day, 1, fmt::format("closed    {}: {}", c.station, c.name));
  for (const auto& m : d.ga) {
    if (m.kind == "high_level_week") {
      // Its days are working days (ga_calendar.hpp): a weekend inside the span is not one of them.
      for (Date day = std::max(m.first, sc.from); day <= std::min(m.last, sc.to); day += date::days{1})
        if (!is_weekend(day)) add(day, 2, fmt::format("GA        {}", m.label));
    } else {
      add(m.first, 2, fmt::format("GA        {}", m.label));
    }
  }
  for (const auto& g : d.groups)
    for (const auto& m : g.deadlines)
      add(m.first, 3, fmt::format("deadline  {} {}", m.mandate, m.kind));
  for (const auto& tf : d.findings) {
    const auto& f = tf.finding;
    add(std::max(f.first, sc.from), 4,
        fmt::format("finding   {}. {} {} {}{}: {}", tf.number, to_string(f.severity), f.code, f.body,
                    f.session > 0 ? fmt::format("#{}", f.session) : std::string{}, f.reason));
  }

  static constexpr std::array<const char*, 7> k_wd = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  std::string out = fmt::format("{}\n{} to {} (inclusive)\n", d.title, to_iso(sc.from), to_iso(sc.to));
  if (days.empty()) out += "(nothing in this period)\n";
  for (auto& [day, lines] : days) {
    std::stable_sort(lines.begin(), lines.end());
    out += fmt::format("\n{} {}\n", k_wd[weekday_of(day).c_encoding()], to_iso(day));
    for (const auto& [rank, line] : lines) out += "  " + line + "\n";
  }
  return out;
}

}  // namespace gge
