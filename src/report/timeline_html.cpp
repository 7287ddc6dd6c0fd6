// The timeline page: one self-contained HTML document, inline CSS + SVG (report/timeline.hpp).
#include "gge/report/timeline.hpp"

#include "gge/core/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

namespace gge {
namespace {

constexpr double k_axis_height = 34.0;  // the tick labels above the plot
constexpr double k_right_margin = 30.0; // room for finding badges after the last bar
constexpr int k_palette = 8;            // station colours .st0 .. .st7

// Print: A4 landscape, the SVG scaled to the page width. Screen: natural size (fits 1280 px).
constexpr const char* k_css = R"CSS(
:root { color-scheme: light; }
body { font: 13px/1.35 system-ui, "DejaVu Sans", Arial, sans-serif; margin: 8px; color: #1d2430; }
h1 { font-size: 18px; margin: 0 0 2px; }
p.meta { margin: 0 0 6px; color: #555; }
svg.timeline { display: block; background: #fff; }
svg.timeline text { font-size: 11px; fill: #1d2430; }
.axis line { stroke: #8a94a6; }
.axis .tick-year line { stroke: #1d2430; stroke-width: 1.2; }
.axis .tick-year text { font-weight: 700; }
.axis .tick-week text { fill: #6b7280; font-size: 9px; }
.grid line { stroke: #e5e8ee; }
.weekends rect { fill: #eef0f4; fill-opacity: .7; }
.grid .tick-year line { stroke: #b6bcc8; }
.grid .tick-month line { stroke: #d6dae2; }
.band-label, .row-label { font-size: 11px; }
.group-title { font-weight: 700; font-size: 11.5px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.row-bg { fill: #f7f8fa; }
.band-bg { fill: #fbfbfc; stroke: #eceef2; }
.closure rect { fill: #9aa3b2; fill-opacity: .55; }
.ga-opening rect { fill: #0b5cad; }
.ga-opening text, .high-level-week text { font-size: 9.5px; fill: #0b5cad; }
.high-level-week rect { fill: #0b5cad; fill-opacity: .12; }
.deadline rect { fill: #b45309; }
.deadline.latest_end rect { fill: #b91c1c; }
.deadline.distribution rect { fill: #7c3aed; }
.deadline.consideration rect { fill: #0b5cad; }
.deadline text { font-size: 9px; fill: #7c2d12; paint-order: stroke; stroke: #fff; stroke-width: 2.5px; }
.bar rect.body { stroke-width: 1.2; }
.bar text { font-size: 10.5px; fill: #fff; pointer-events: none; }
.bar text.outside, .status-planned text.outside { fill: #1d2430; text-decoration: none; }
.st0 rect.body { fill: #1f6feb; stroke: #1f6feb; } .st1 rect.body { fill: #2f855a; stroke: #2f855a; }
.st2 rect.body { fill: #8b3fb8; stroke: #8b3fb8; } .st3 rect.body { fill: #c05621; stroke: #c05621; }
.st4 rect.body { fill: #0e7490; stroke: #0e7490; } .st5 rect.body { fill: #9d174d; stroke: #9d174d; }
.st6 rect.body { fill: #4d5b12; stroke: #4d5b12; } .st7 rect.body { fill: #475569; stroke: #475569; }
.status-planned rect.body { fill-opacity: .28; stroke-dasharray: 4 2; }
.status-planned text { fill: #1d2430; }
.status-confirmed rect.body { fill-opacity: .9; }
.status-held rect.body { fill-opacity: .55; stroke-width: 2.5; }
.status-held text { fill: #1d2430; }
.status-postponed rect.body, .status-cancelled rect.body { fill-opacity: .08; stroke-dasharray: 1 2; }
.status-postponed text, .status-cancelled text { fill: #6b7280; text-decoration: line-through; }
.bar .cancel-line { stroke: #6b7280; stroke-width: 1.2; }
rect.finding-days.error { fill: url(#hatch-error); stroke: #b91c1c; stroke-width: 1.5; }
rect.finding-days.warning { fill: url(#hatch-warning); stroke: #b45309; stroke-width: 1.2; }
.badge circle { stroke: #fff; stroke-width: 1; }
.badge.error circle { fill: #b91c1c; } .badge.warning circle { fill: #d97706; }
.badge text { fill: #fff; font-size: 9px; font-weight: 700; }
section.legend { margin-top: 10px; max-width: 1230px; }
section.legend h2 { font-size: 14px; margin: 10px 0 4px; }
.keys { display: flex; flex-wrap: wrap; gap: 4px 18px; align-items: center; }
.keys svg { vertical-align: middle; }
ol.findings { margin: 0; padding-left: 28px; }
ol.findings li { margin: 2px 0; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 10.5px; }
.sev.error { color: #b91c1c; } .sev.warning { color: #b45309; }
.fix { color: #2f5b2f; }
code { font-size: 12px; }
@page { size: A4 landscape; margin: 8mm; }
@media print {
  body { margin: 0; font-size: 9pt; }
  svg.timeline { width: 100%; height: auto; }
  section.legend { max-width: none; }
  ol.findings li { break-inside: avoid; }
}
)CSS";

std::string num(double v) { return fmt::format("{:.2f}", v); }

/// Radius of a finding badge: 7 px for up to two digits, wider for more.
double badge_r(int n) { return n < 100 ? 7.0 : n < 1000 ? 9.0 : 11.0; }

std::string join_numbers(const std::vector<int>& v) {
  std::string s;
  for (int n : v) s += (s.empty() ? "" : " ") + std::to_string(n);
  return s;
}

/// A rough text width (px) at 10.5 px: enough to decide whether a label fits in a bar.
double text_width(std::string_view t) {
  std::size_t cps = 0;
  for (unsigned char c : t) cps += (c & 0xC0) != 0x80;
  return double(cps) * 6.0;
}

struct Writer {
  std::string out;
  template <class... Args>
  void put(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
  }
};

}  // namespace

std::string to_html(const TimelineData& d) {
  const auto& sc = d.scale;
  const double L = k_timeline_label_width;
  const double width = L + sc.width() + k_right_margin;
  const double height = k_axis_height + d.height + 8;
  const auto e = [](std::string_view t) { return html_escape(t); };

  // Station colours: stable by code, over the bands and the bars.
  std::set<std::string> codes;
  for (const auto& st : d.stations) codes.insert(st.code);
  for (const auto& g : d.groups)
    for (const auto& r : g.rows)
      for (const auto& b : r.bars) codes.insert(b.station);
  std::map<std::string, int> colour;
  for (const auto& c : codes) colour.emplace(c, int(colour.size()) % k_palette);
  std::map<int, const TimelineFinding*> finding_of;
  for (const auto& f : d.findings) finding_of[f.number] = &f;

  Writer w;
  w.out.reserve(64 * 1024);
  w.put("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  w.put("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  w.put("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", e(d.title), k_css);
  w.put("<header><h1>{}</h1><p class=\"meta\">{} to {} (days inclusive) · {} sessions · {} "
        "findings · scale {} px per day</p></header>\n",
        e(d.title), to_iso(sc.from), to_iso(sc.to),
        [&] {
          std::size_t n = 0;
          for (const auto& g : d.groups)
            for (const auto& r : g.rows) n += r.bars.size();
          return n;
        }(),
        d.findings.size(), num(sc.px_per_day));

  w.put("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
        "viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" data-plot-left=\"{}\" "
        "data-plot-top=\"{}\">\n",
        num(width), num(height), num(width), num(height), e(d.title), num(L), num(k_axis_height));
  w.put("<defs><pattern id=\"hatch-error\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fecaca\" "
        "fill-opacity=\".35\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b91c1c\" "
        "stroke-width=\"2.5\"/></pattern><pattern id=\"hatch-warning\" width=\"6\" height=\"6\" "
        "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" "
        "x2=\"0\" y2=\"6\" stroke=\"#d97706\" stroke-width=\"2\"/></pattern></defs>\n");

  // Axis: tick labels above the plot.
  w.put("<g class=\"axis\" transform=\"translate({},0)\">\n", num(L));
  for (const auto& t : d.ticks) {
    const auto kind = to_string(t.kind);
    const double top = t.kind == TimelineTick::Kind::week ? 26 : t.kind == TimelineTick::Kind::month ? 18 : 8;
    w.put("<g class=\"tick tick-{}\" data-kind=\"{}\" data-day=\"{}\" data-x=\"{}\"><line x1=\"{}\" "
          "x2=\"{}\" y1=\"{}\" y2=\"{}\"/>",
          kind, kind, to_iso(t.day), num(t.x), num(t.x), num(t.x), num(top), num(k_axis_height));
    if (!t.label.empty())
      w.put("<text x=\"{}\" y=\"{}\">{}</text>", num(t.x + 2),
            num(t.kind == TimelineTick::Kind::week ? 32 : top + 9), e(t.label));
    w.put("</g>\n");
  }
  w.put("</g>\n");

  w.put("<g class=\"plot\" transform=\"translate({},{})\" data-px-per-day=\"{}\" data-from=\"{}\" "
        "data-to=\"{}\" data-width=\"{}\">\n",
        num(L), num(k_axis_height), fmt::format("{:.6f}", sc.px_per_day), to_iso(sc.from),
        to_iso(sc.to), num(sc.width()));

  // Row backgrounds and labels first, so the grid and bars draw over them.
  for (const auto& st : d.stations) {
    w.put("<rect class=\"band-bg\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>", num(st.y),
          num(sc.width()), num(st.height));
    w.put("<text class=\"band-label\" x=\"{}\" y=\"{}\">{} closures</text>\n", num(-L + 4),
          num(st.y + st.height - 4), e(st.code));
  }
  bool alt = false;
  for (const auto& g : d.groups) {
    w.put("<text class=\"group-title\" x=\"{}\" y=\"{}\">{}</text>\n", num(-L + 4), num(g.y + 13),
          e(g.title));
    for (const auto& r : g.rows) {
      if ((alt = !alt))
        w.put("<rect class=\"row-bg\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", num(-L),
              num(r.y), num(L + sc.width()), num(r.height));
      w.put("<text class=\"row-label\" x=\"{}\" y=\"{}\"><title>{}</title>{}</text>\n", num(-L + 12),
            num(r.y + 15), e(r.body_name), e(r.body));
      double bx = -L + 12 + text_width(r.body) + 8;
      for (int n : r.findings) {
        const auto* f = finding_of.at(n);
        w.put("<g class=\"badge {}\" data-finding=\"{}\" data-body=\"{}\"><title>{}</title><circle "
              "cx=\"{}\" cy=\"{}\" r=\"7\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>\n",
              to_string(f->finding.severity), n, e(r.body), e(f->finding.reason), num(bx),
              num(r.y + 11), num(bx), num(r.y + 14), n);
        bx += 16;
      }
    }
  }

  // Grid lines over the whole plot.
  w.put("<g class=\"grid\">");
  for (const auto& t : d.ticks)
    w.put("<g class=\"tick-{}\"><line x1=\"{}\" x2=\"{}\" y1=\"0\" y2=\"{}\"/></g>", to_string(t.kind),
          num(t.x), num(t.x), num(d.height));
  w.put("</g>\n");

  // Weekends, when a day is wide enough to see them (spans up to about half a year).
  if (sc.px_per_day >= 6) {
    w.put("<g class=\"weekends\">");
    for (Date day = sc.from; day <= sc.to; day += date::days{1})
      if (weekday_of(day) == date::Saturday)
        w.put("<rect x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\"/>", num(sc.x(day)),
              num(sc.x(std::min(day + date::days{2}, sc.to + date::days{1})) - sc.x(day)), num(d.height));
    w.put("</g>\n");
  }
  for (const auto& st : d.stations)
    for (const auto& c : st.closures)
      w.put("<g class=\"closure\" data-station=\"{}\" data-day=\"{}\" data-x=\"{}\"><title>{} closed "
            "{}: {}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></g>\n",
            e(c.station), to_iso(c.day), num(c.x), e(c.station), to_iso(c.day), e(c.name), num(c.x),
            num(st.y + 1), num(std::max(c.width, 1.5)), num(st.height - 2));

  const bool marker_labels = sc.px_per_day >= k_timeline_marker_label_px_per_day;
  // Deadline labels are staggered over three lines: the chain's dates are often days apart.
  int stagger = 0;
  std::map<double, double> label_end;  // per text line (y): where the last label drawn ends
  const auto marker = [&](const TimelineMarker& m, const std::string& cls) {
    const double mw = std::max(m.width, 1.5);
    w.put("<g class=\"marker {} {}\" data-kind=\"{}\" data-mandate=\"{}\" data-first=\"{}\" "
          "data-last=\"{}\" data-x=\"{}\" data-width=\"{}\"><title>{}: {}</title><rect x=\"{}\" "
          "y=\"{}\" width=\"{}\" height=\"{}\"/>",
          cls, e(m.kind), e(m.kind), e(m.mandate), to_iso(m.first), to_iso(m.last), num(m.x),
          num(m.width), e(m.label), e(m.detail), num(m.x),
          num(m.y), num(m.kind == "high_level_week" ? mw : std::min(mw, 2.0)), num(m.height));
    if (marker_labels || cls == "ga-opening") {
      // Right of the marker; left of it (anchored at its end) when it would run off the page;
      // left out when that would cover the label before it on the same line (the marker's
      // tooltip still says it).
      const std::string& text = cls == "deadline" ? m.kind : m.label;
      const double y = cls == "deadline" ? m.y + 9 + 9.5 * (stagger++ % 3)
                       : m.kind == "high_level_week" ? 20.0
                                                     : 9.0;
      const double tw = text_width(text);
      const bool left = m.x + 3 + tw > sc.width() + k_right_margin;
      const double from = left ? m.x - 3 - tw : m.x + 3;
      auto& line_end = label_end[y];
      if (from >= line_end) {
        line_end = from + tw;
        w.put("<text x=\"{}\" y=\"{}\"{}>{}</text>", num(left ? m.x - 3 : m.x + 3), num(y),
              left ? " text-anchor=\"end\"" : "", e(text));
      }
    }
    w.put("</g>\n");
  };
  for (const auto& m : d.ga) marker(m, m.kind == "ga_opening" ? "ga-opening" : "high-level-week");
  for (const auto& g : d.groups)
    for (const auto& m : g.deadlines) marker(m, "deadline");

  for (const auto& g : d.groups)
    for (const auto& r : g.rows) {
      // Right of each bar: its finding badges, then its label when it does not fit inside.
      // Laid out lane by lane from left to right with a cursor, so that nothing drawn right of
      // one bar covers what is drawn right of the bar before it: a badge group starts after
      // the bar and after the previous group. Badges that do not fit before the next bar
      // become one "N+" badge.
      struct Right {
        double left = 0;         // x of the first badge's left edge
        double badges = 0;       // their width
        bool one_badge = false;  // one "N+" badge for all
        std::string outside;     // the label drawn after the badges ("" = none)
      };
      std::map<const TimelineBar*, Right> right;
      {
        std::vector<const TimelineBar*> order;
        for (const auto& b : r.bars) order.push_back(&b);
        std::sort(order.begin(), order.end(), [](const TimelineBar* a, const TimelineBar* b) {
          return std::tie(a->lane, a->x) < std::tie(b->lane, b->x);
        });
        double cursor = -1e9;
        for (std::size_t i = 0; i < order.size(); ++i) {
          const auto& b = *order[i];
          if (i > 0 && order[i - 1]->lane != b.lane) cursor = -1e9;
          const double next = i + 1 < order.size() && order[i + 1]->lane == b.lane ? order[i + 1]->x
                                                                                  : sc.width() + k_right_margin;
          Right& rt = right[&b];
          rt.left = std::max(b.x + b.width + 1, cursor + 2);
          for (int n : b.findings) rt.badges += 2 * badge_r(n) + 1;
          rt.one_badge = b.findings.size() > 1 && rt.left + rt.badges + 4 > next;
          if (rt.one_badge) rt.badges = 2 * (badge_r(b.findings.front()) + 2) + 1;
          if (text_width(b.label) + 6 > b.width) {  // the label is not inside the bar
            const double room = next - (rt.left + rt.badges) - 5;
            const std::string id = fmt::format("#{}", b.number);
            const bool short_inside = text_width(id) + 4 <= b.width;
            rt.outside = text_width(b.label) <= room                    ? b.label
                         : !short_inside && text_width(id) <= room ? id
                                                                   : std::string{};
          }
          cursor = rt.left + rt.badges + (rt.outside.empty() ? 0 : 3 + text_width(rt.outside));
        }
      }
      for (const auto& b : r.bars) {
        const double h = k_timeline_lane_height - 4;
        w.put("<g class=\"bar st{} status-{}\" data-session=\"{}\" data-body=\"{}\" data-number=\"{}\" "
              "data-first=\"{}\" data-last=\"{}\" data-station=\"{}\" data-status=\"{}\" data-x=\"{}\" "
              "data-width=\"{}\" data-findings=\"{}\">",
              colour.at(b.station), to_string(b.status), e(b.id), e(b.body), b.number,
              to_iso(b.first), to_iso(b.last), e(b.station), to_string(b.status), num(b.x),
              num(b.width), join_numbers(b.findings));
        w.put("<title>{} {} at {}{}{} ({})</title>", e(b.id), e(to_un_range(b.first, b.last)),
              e(b.station), b.room.empty() ? "" : ", ", e(b.room), to_string(b.status));
        w.put("<rect class=\"body\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>", num(b.x),
              num(b.y), num(b.width), num(h));
        if (b.status == SessionStatus::cancelled || b.status == SessionStatus::postponed)
          w.put("<line class=\"cancel-line\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", num(b.x),
                num(b.y + h / 2), num(b.x + b.width), num(b.y + h / 2));
        // The days each finding is about, hatched over the bar.
        for (int n : b.findings) {
          const auto& f = finding_of.at(n)->finding;
          const Date a = std::max({f.first, b.first, sc.from});
          const Date z = std::min({f.last, b.last, sc.to});
          if (z < a) continue;
          w.put("<rect class=\"finding-days {}\" data-finding=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
                "height=\"{}\"/>",
                to_string(f.severity), n, num(sc.x(a)), num(b.y), num(std::max(1.0, sc.x(z + date::days{1}) - sc.x(a))),
                num(h));
        }
        const std::string label = text_width(b.label) + 6 <= b.width ? b.label
                                  : text_width(fmt::format("#{}", b.number)) + 4 <= b.width
                                      ? fmt::format("#{}", b.number)
                                      : std::string{};
        if (!label.empty())
          w.put("<text x=\"{}\" y=\"{}\">{}</text>", num(b.x + 3), num(b.y + h - 5), e(label));
        const Right& rt = right.at(&b);
        if (!rt.outside.empty())
          w.put("<text class=\"outside\" x=\"{}\" y=\"{}\">{}</text>", num(rt.left + rt.badges + 3),
                num(b.y + h - 5), e(rt.outside));
        if (rt.one_badge) {
          // One badge "N+" for all of them (the first number, the worst severity; the title
          // lists every reason).
          std::string reasons;
          bool error = false;
          for (int n : b.findings) {
            const auto& f = finding_of.at(n)->finding;
            error |= f.severity == Severity::error;
            reasons += fmt::format("{}{}. {}", reasons.empty() ? "" : "\n", n, f.reason);
          }
          const int n = b.findings.front();
          const double radius = badge_r(n) + 2;
          w.put("<g class=\"badge {}\" data-finding=\"{}\" data-session=\"{}\"><title>{}</title>"
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/><text x=\"{}\" y=\"{}\" "
                "text-anchor=\"middle\">{}+</text></g>",
                error ? "error" : "warning", join_numbers(b.findings), e(b.id), e(reasons),
                num(rt.left + radius), num(b.y + h / 2), num(radius), num(rt.left + radius),
                num(b.y + h / 2 + 3), n);
        } else {
          double bx = rt.left;  // left edge of the next badge
          for (int n : b.findings) {
            const auto& f = finding_of.at(n)->finding;
            w.put("<g class=\"badge {}\" data-finding=\"{}\" data-session=\"{}\"><title>{}</title>"
                  "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/><text x=\"{}\" y=\"{}\" "
                  "text-anchor=\"middle\">{}</text></g>",
                  to_string(f.severity), n, e(b.id), e(f.reason), num(bx + badge_r(n)),
                  num(b.y + h / 2), num(badge_r(n)), num(bx + badge_r(n)), num(b.y + h / 2 + 3), n);
            bx += 2 * badge_r(n) + 1;
          }
        }
        w.put("</g>\n");
      }
    }
  w.put("</g>\n</svg>\n");

  // Legend: keys, then the findings with their reasons.
  w.put("<section class=\"legend\">\n<h2>Key</h2>\n<div class=\"keys\">");
  for (auto st : {SessionStatus::planned, SessionStatus::confirmed, SessionStatus::held,
                  SessionStatus::postponed, SessionStatus::cancelled})
    w.put("<span class=\"key status-{0} st0\"><svg width=\"34\" height=\"14\"><rect class=\"body\" "
          "x=\"1\" y=\"1\" width=\"32\" height=\"12\" rx=\"2\"/></svg> {0}</span>",
          to_string(st));
  for (const auto& [code, i] : colour)
    w.put("<span class=\"key st{}\"><svg width=\"14\" height=\"14\"><rect class=\"body\" x=\"1\" "
          "y=\"1\" width=\"12\" height=\"12\"/></svg> {}</span>",
          i, e(code));
  w.put("</div>\n<div class=\"keys\">"
        "<span class=\"key\"><svg width=\"14\" height=\"14\"><rect x=\"6\" y=\"0\" width=\"2\" "
        "height=\"14\" fill=\"#b45309\"/></svg> submission</span>"
        "<span class=\"key\"><svg width=\"14\" height=\"14\"><rect x=\"6\" y=\"0\" width=\"2\" "
        "height=\"14\" fill=\"#7c3aed\"/></svg> distribution</span>"
        "<span class=\"key\"><svg width=\"14\" height=\"14\"><rect x=\"6\" y=\"0\" width=\"2\" "
        "height=\"14\" fill=\"#b91c1c\"/></svg> latest end day</span>"
        "<span class=\"key\"><svg width=\"14\" height=\"14\"><rect x=\"6\" y=\"0\" width=\"2\" "
        "height=\"14\" fill=\"#0b5cad\"/></svg> GA opening / consideration</span>"
        "<span class=\"key\"><svg width=\"14\" height=\"14\"><rect x=\"0\" y=\"0\" width=\"14\" "
        "height=\"14\" fill=\"#0b5cad\" fill-opacity=\".12\"/></svg> GA high-level week</span>"
        "<span class=\"key\"><svg width=\"14\" height=\"14\"><rect x=\"0\" y=\"0\" width=\"14\" "
        "height=\"14\" fill=\"#9aa3b2\" fill-opacity=\".55\"/></svg> station closed</span>"
        "<span class=\"key\"><svg width=\"14\" height=\"14\"><rect class=\"finding-days error\" "
        "x=\"1\" y=\"1\" width=\"12\" height=\"12\"/></svg> days of an error</span>"
        "<span class=\"key\"><svg width=\"14\" height=\"14\"><rect class=\"finding-days warning\" "
        "x=\"1\" y=\"1\" width=\"12\" height=\"12\"/></svg> days of a warning</span>"
        "</div>\n");
  w.put("<h2>Findings of gge check ({})</h2>\n", d.findings.size());
  if (d.findings.empty()) w.put("<p class=\"no-findings\">No findings.</p>\n");
  else {
    w.put("<ol class=\"findings\">\n");
    for (const auto& tf : d.findings) {
      const auto& f = tf.finding;
      std::string subjects;
      for (const auto& s : f.subjects) subjects += (subjects.empty() ? "" : "; ") + s;
      w.put("<li id=\"finding-{}\" value=\"{}\" data-finding=\"{}\" data-code=\"{}\" "
            "data-severity=\"{}\" data-body=\"{}\" data-session=\"{}\"><span class=\"sev {}\">{}</span> "
            "<code>{}</code> {}{}: {} <span class=\"rule\">[{}]</span>",
            tf.number, tf.number, tf.number, e(f.code), to_string(f.severity), e(f.body), f.session,
            to_string(f.severity), to_string(f.severity), e(f.code), e(f.body),
            f.session > 0 ? fmt::format("#{}", f.session) : std::string{}, e(f.reason), e(f.rule));
      if (!subjects.empty()) w.put(" <span class=\"subjects\">({})</span>", e(subjects));
      if (!f.fix.empty()) w.put(" <span class=\"fix\">→ {}</span>", e(f.fix));
      w.put("</li>\n");
    }
    w.put("</ol>\n");
  }
  w.put("</section>\n</body>\n</html>\n");
  return std::move(w.out);
}

}  // namespace gge
