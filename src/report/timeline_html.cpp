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

/// The page of one TimelineData, written phase by phase in drawing order (later draws over
/// earlier): head, axis, row backgrounds, grid and closures, markers, bars, legend.
class Page {
public:
 explicit Page(const TimelineData& d, const TimelineHtmlOptions& o = {})
     : m_d(d), m_sc(d.scale), m_o(o) {
   // Station colours: stable by code, over the bands and the bars.
   std::set<std::string> codes;
   for (const auto& st : d.stations) codes.insert(st.code);
   for (const auto& g : d.groups)
     for (const auto& r : g.rows)
       for (const auto& b : r.bars) codes.insert(b.station);
   for (const auto& c : codes) m_colour.emplace(c, int(m_colour.size()) % k_palette);
   for (const auto& f : d.findings) m_finding_of[f.number] = &f;
   m_w.out.reserve(64 * 1024);
 }

  std::string html() && {
    head();
    axis();
    m_w.put("<g class=\"plot\" transform=\"translate({},{})\" data-px-per-day=\"{}\" data-from=\"{}\" "
            "data-to=\"{}\" data-width=\"{}\">\n",
            num(k_l), num(k_axis_height), fmt::format("{:.6f}", m_sc.px_per_day), to_iso(m_sc.from),
            to_iso(m_sc.to), num(m_sc.width()));
    rows();
    grid();
    markers();
    for (const auto& g : m_d.groups)
      for (const auto& r : g.rows) bars(r);
    m_w.put("</g>\n</svg>\n");
    legend();
    m_w.put("</section>\n</body>\n</html>\n");
    return std::move(m_w.out);
  }

private:
  static constexpr double k_l = k_timeline_label_width;  // the label column left of the plot

  /// What is drawn right of a bar: its finding badges, then its label when it does not fit
  /// inside.
  struct Right {
    double left = 0;         // x of the first badge's left edge
    double badges = 0;       // their width
    bool one_badge = false;  // one "N+" badge for all
    std::string outside;     // the label drawn after the badges ("" = none)
  };

  static std::string e(std::string_view t) { return html_escape(t); }

  /// The document head, the page header and the opening of the SVG with its patterns.
  void head() {
    const double width = k_l + m_sc.width() + k_right_margin;
    const double height = k_axis_height + m_d.height + 8;
    std::size_t sessions = 0;
    for (const auto& g : m_d.groups)
      for (const auto& r : g.rows) sessions += r.bars.size();
    m_w.put("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    m_w.put("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    m_w.put("<title>{}</title>\n<style>{}</style>\n", e(m_d.title), k_css);
    if (!m_o.script_src.empty()) m_w.put("<script src=\"{}\" defer></script>\n", e(m_o.script_src));
    m_w.put("</head>\n<body>\n{}", m_o.nav_html);
    m_w.put("<header><h1>{}</h1><p class=\"meta\">{} to {} (days inclusive) · {} sessions · {} "
            "findings · scale {} px per day</p></header>\n",
            e(m_d.title), to_iso(m_sc.from), to_iso(m_sc.to), sessions, m_d.findings.size(),
            num(m_sc.px_per_day));
    m_w.put("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
            "viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" data-plot-left=\"{}\" "
            "data-plot-top=\"{}\">\n",
            num(width), num(height), num(width), num(height), e(m_d.title), num(k_l), num(k_axis_height));
    m_w.put("<defs><pattern id=\"hatch-error\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
            "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fecaca\" "
            "fill-opacity=\".35\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b91c1c\" "
            "stroke-width=\"2.5\"/></pattern><pattern id=\"hatch-warning\" width=\"6\" height=\"6\" "
            "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" "
            "x2=\"0\" y2=\"6\" stroke=\"#d97706\" stroke-width=\"2\"/></pattern></defs>\n");
  }

  /// Tick labels above the plot.
  void axis() {
    m_w.put("<g class=\"axis\" transform=\"translate({},0)\">\n", num(k_l));
    for (const auto& t : m_d.ticks) {
      const auto kind = to_string(t.kind);
      const double top = t.kind == TimelineTick::Kind::week ? 26 : t.kind == TimelineTick::Kind::month ? 18 : 8;
      m_w.put("<g class=\"tick tick-{}\" data-kind=\"{}\" data-day=\"{}\" data-x=\"{}\"><line x1=\"{}\" "
              "x2=\"{}\" y1=\"{}\" y2=\"{}\"/>",
              kind, kind, to_iso(t.day), num(t.x), num(t.x), num(t.x), num(top), num(k_axis_height));
      if (!t.label.empty())
        m_w.put("<text x=\"{}\" y=\"{}\">{}</text>", num(t.x + 2),
                num(t.kind == TimelineTick::Kind::week ? 32 : top + 9), e(t.label));
      m_w.put("</g>\n");
    }
    m_w.put("</g>\n");
  }

  /// Row backgrounds and labels (with a body's own finding badges) first, so that the grid and
  /// the bars draw over them.
  void rows() {
    for (const auto& st : m_d.stations) {
      m_w.put("<rect class=\"band-bg\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>", num(st.y),
              num(m_sc.width()), num(st.height));
      m_w.put("<text class=\"band-label\" x=\"{}\" y=\"{}\">{} closures</text>\n", num(-k_l + 4),
              num(st.y + st.height - 4), e(st.code));
    }
    bool alt = false;
    for (const auto& g : m_d.groups) {
      m_w.put("<text class=\"group-title\" x=\"{}\" y=\"{}\">{}</text>\n", num(-k_l + 4), num(g.y + 13),
              e(g.title));
      for (const auto& r : g.rows) {
        if ((alt = !alt))
          m_w.put("<rect class=\"row-bg\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", num(-k_l),
                  num(r.y), num(k_l + m_sc.width()), num(r.height));
        m_w.put("<text class=\"row-label\" x=\"{}\" y=\"{}\"><title>{}</title>{}</text>\n", num(-k_l + 12),
                num(r.y + 15), e(r.body_name), e(r.body));
        double bx = -k_l + 12 + text_width(r.body) + 8;
        for (int n : r.findings) {
          const auto* f = m_finding_of.at(n);
          m_w.put("<g class=\"badge {}\" data-finding=\"{}\" data-body=\"{}\"><title>{}</title><circle "
                  "cx=\"{}\" cy=\"{}\" r=\"7\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>\n",
                  to_string(f->finding.severity), n, e(r.body), e(f->finding.reason), num(bx),
                  num(r.y + 11), num(bx), num(r.y + 14), n);
          bx += 16;
        }
      }
    }
  }

  /// Grid lines over the whole plot, weekends when a day is wide enough to see them (spans up
  /// to about half a year), and the stations' closures.
  void grid() {
    m_w.put("<g class=\"grid\">");
    for (const auto& t : m_d.ticks)
      m_w.put("<g class=\"tick-{}\"><line x1=\"{}\" x2=\"{}\" y1=\"0\" y2=\"{}\"/></g>", to_string(t.kind),
              num(t.x), num(t.x), num(m_d.height));
    m_w.put("</g>\n");
    if (m_sc.px_per_day >= 6) {
      m_w.put("<g class=\"weekends\">");
      for (Date day = m_sc.from; day <= m_sc.to; day += date::days{1})
        if (weekday_of(day) == date::Saturday)
          m_w.put("<rect x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\"/>", num(m_sc.x(day)),
                  num(m_sc.x(std::min(day + date::days{2}, m_sc.to + date::days{1})) - m_sc.x(day)),
                  num(m_d.height));
      m_w.put("</g>\n");
    }
    for (const auto& st : m_d.stations)
      for (const auto& c : st.closures)
        m_w.put("<g class=\"closure\" data-station=\"{}\" data-day=\"{}\" data-x=\"{}\"><title>{} closed "
                "{}: {}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></g>\n",
                e(c.station), to_iso(c.day), num(c.x), e(c.station), to_iso(c.day), e(c.name), num(c.x),
                num(st.y + 1), num(std::max(c.width, 1.5)), num(st.height - 2));
  }

  /// The GA markers, then each group's deadlines.
  void markers() {
    for (const auto& m : m_d.ga) marker(m, m.kind == "ga_opening" ? "ga-opening" : "high-level-week");
    for (const auto& g : m_d.groups)
      for (const auto& m : g.deadlines) marker(m, "deadline");
  }

  void marker(const TimelineMarker& m, const std::string& cls) {
    const bool marker_labels = m_sc.px_per_day >= k_timeline_marker_label_px_per_day;
    const double mw = std::max(m.width, 1.5);
    m_w.put("<g class=\"marker {} {}\" data-kind=\"{}\" data-mandate=\"{}\" data-first=\"{}\" "
            "data-last=\"{}\" data-x=\"{}\" data-width=\"{}\"><title>{}: {}</title><rect x=\"{}\" "
            "y=\"{}\" width=\"{}\" height=\"{}\"/>",
            cls, e(m.kind), e(m.kind), e(m.mandate), to_iso(m.first), to_iso(m.last), num(m.x),
            num(m.width), e(m.label), e(m.detail), num(m.x),
            num(m.y), num(m.kind == "high_level_week" ? mw : std::min(mw, 2.0)), num(m.height));
    if (marker_labels || cls == "ga-opening") {
      // Right of the marker; left of it (anchored at its end) when it would run off the page;
      // left out when that would cover the label before it on the same line (the marker's
      // tooltip still says it). Deadline labels are staggered over three lines: the chain's
      // dates are often days apart.
      const std::string& text = cls == "deadline" ? m.kind : m.label;
      const double y = cls == "deadline" ? m.y + 9 + 9.5 * (m_stagger++ % 3)
                       : m.kind == "high_level_week" ? 20.0
                                                     : 9.0;
      const double tw = text_width(text);
      const bool left = m.x + 3 + tw > m_sc.width() + k_right_margin;
      const double from = left ? m.x - 3 - tw : m.x + 3;
      auto& line_end = m_label_end[y];
      if (from >= line_end) {
        line_end = from + tw;
        m_w.put("<text x=\"{}\" y=\"{}\"{}>{}</text>", num(left ? m.x - 3 : m.x + 3), num(y),
                left ? " text-anchor=\"end\"" : "", e(text));
      }
    }
    m_w.put("</g>\n");
  }

  /// What goes right of each bar of `r`. Laid out lane by lane from left to right with a
  /// cursor, so that nothing drawn right of one bar covers what is drawn right of the bar
  /// before it: a badge group starts after the bar and after the previous group. Badges that
  /// do not fit before the next bar become one "N+" badge.
  std::map<const TimelineBar*, Right> layout_right(const TimelineRow& r) const {
    std::map<const TimelineBar*, Right> right;
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
                                                                              : m_sc.width() + k_right_margin;
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
    return right;
  }

  /// The bars of row `r`: each with its findings' days hatched over it, its label, and its
  /// badges.
  void bars(const TimelineRow& r) {
    const auto right = layout_right(r);
    for (const auto& b : r.bars) {
      const double h = k_timeline_lane_height - 4;
      if (!m_o.session_href.empty())
        m_w.put("<a class=\"bar-link\" href=\"{}{}/{}\">", e(m_o.session_href), e(b.body),
                b.number);
      m_w.put("<g class=\"bar st{} status-{}\" data-session=\"{}\" data-body=\"{}\" data-number=\"{}\" "
              "data-first=\"{}\" data-last=\"{}\" data-station=\"{}\" data-status=\"{}\" data-x=\"{}\" "
              "data-width=\"{}\" data-findings=\"{}\">",
              m_colour.at(b.station), to_string(b.status), e(b.id), e(b.body), b.number,
              to_iso(b.first), to_iso(b.last), e(b.station), to_string(b.status), num(b.x),
              num(b.width), join_numbers(b.findings));
      m_w.put("<title>{} {} at {}{}{} ({})</title>", e(b.id), e(to_un_range(b.first, b.last)),
              e(b.station), b.room.empty() ? "" : ", ", e(b.room), to_string(b.status));
      m_w.put("<rect class=\"body\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>", num(b.x),
              num(b.y), num(b.width), num(h));
      if (!is_active(b.status))
        m_w.put("<line class=\"cancel-line\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", num(b.x),
                num(b.y + h / 2), num(b.x + b.width), num(b.y + h / 2));
      // The days each finding is about, hatched over the bar.
      for (int n : b.findings) {
        const auto& f = m_finding_of.at(n)->finding;
        const Date a = std::max({f.first, b.first, m_sc.from});
        const Date z = std::min({f.last, b.last, m_sc.to});
        if (z < a) continue;
        m_w.put("<rect class=\"finding-days {}\" data-finding=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
                "height=\"{}\"/>",
                to_string(f.severity), n, num(m_sc.x(a)), num(b.y),
                num(std::max(1.0, m_sc.x(z + date::days{1}) - m_sc.x(a))), num(h));
      }
      const std::string label = text_width(b.label) + 6 <= b.width ? b.label
                                : text_width(fmt::format("#{}", b.number)) + 4 <= b.width
                                    ? fmt::format("#{}", b.number)
                                    : std::string{};
      if (!label.empty())
        m_w.put("<text x=\"{}\" y=\"{}\">{}</text>", num(b.x + 3), num(b.y + h - 5), e(label));
      const Right& rt = right.at(&b);
      if (!rt.outside.empty())
        m_w.put("<text class=\"outside\" x=\"{}\" y=\"{}\">{}</text>", num(rt.left + rt.badges + 3),
                num(b.y + h - 5), e(rt.outside));
      badges(b, rt, h);
      m_w.out += m_o.session_href.empty() ? "</g>\n" : "</g></a>\n";
    }
  }

  /// The finding badges of bar `b` (height `h`) from `rt.left`: one each, or one "N+" for all
  /// (the first number, the worst severity; the title lists every reason).
  void badges(const TimelineBar& b, const Right& rt, double h) {
    if (rt.one_badge) {
      std::string reasons;
      bool error = false;
      for (int n : b.findings) {
        const auto& f = m_finding_of.at(n)->finding;
        error |= f.severity == Severity::error;
        reasons += fmt::format("{}{}. {}", reasons.empty() ? "" : "\n", n, f.reason);
      }
      const int n = b.findings.front();
      const double radius = badge_r(n) + 2;
      m_w.put("<g class=\"badge {}\" data-finding=\"{}\" data-session=\"{}\"><title>{}</title>"
              "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/><text x=\"{}\" y=\"{}\" "
              "text-anchor=\"middle\">{}+</text></g>",
              error ? "error" : "warning", join_numbers(b.findings), e(b.id), e(reasons),
              num(rt.left + radius), num(b.y + h / 2), num(radius), num(rt.left + radius),
              num(b.y + h / 2 + 3), n);
      return;
    }
    double bx = rt.left;  // left edge of the next badge
    for (int n : b.findings) {
      const auto& f = m_finding_of.at(n)->finding;
      m_w.put("<g class=\"badge {}\" data-finding=\"{}\" data-session=\"{}\"><title>{}</title>"
              "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/><text x=\"{}\" y=\"{}\" "
              "text-anchor=\"middle\">{}</text></g>",
              to_string(f.severity), n, e(b.id), e(f.reason), num(bx + badge_r(n)),
              num(b.y + h / 2), num(badge_r(n)), num(bx + badge_r(n)), num(b.y + h / 2 + 3), n);
      bx += 2 * badge_r(n) + 1;
    }
  }

  /// The key (statuses, stations, markers), then the findings with their reasons.
  void legend() {
    m_w.put("<section class=\"legend\">\n<h2>Key</h2>\n<div class=\"keys\">");
    for (auto st : {SessionStatus::planned, SessionStatus::confirmed, SessionStatus::held,
                    SessionStatus::postponed, SessionStatus::cancelled})
      m_w.put("<span class=\"key status-{0} st0\"><svg width=\"34\" height=\"14\"><rect class=\"body\" "
              "x=\"1\" y=\"1\" width=\"32\" height=\"12\" rx=\"2\"/></svg> {0}</span>",
              to_string(st));
    for (const auto& [code, i] : m_colour)
      m_w.put("<span class=\"key st{}\"><svg width=\"14\" height=\"14\"><rect class=\"body\" x=\"1\" "
              "y=\"1\" width=\"12\" height=\"12\"/></svg> {}</span>",
              i, e(code));
    m_w.put("</div>\n<div class=\"keys\">"
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
    m_w.put("<h2>Findings of gge check ({})</h2>\n", m_d.findings.size());
    if (m_d.findings.empty()) {
      m_w.put("<p class=\"no-findings\">No findings.</p>\n");
      return;
    }
    m_w.put("<ol class=\"findings\">\n");
    for (const auto& tf : m_d.findings) {
      const auto& f = tf.finding;
      std::string subjects;
      for (const auto& s : f.subjects) subjects += (subjects.empty() ? "" : "; ") + s;
      m_w.put("<li id=\"finding-{}\" value=\"{}\" data-finding=\"{}\" data-code=\"{}\" "
              "data-severity=\"{}\" data-body=\"{}\" data-session=\"{}\"><span class=\"sev {}\">{}</span> "
              "<code>{}</code> {}{}: {} <span class=\"rule\">[{}]</span>",
              tf.number, tf.number, tf.number, e(f.code), to_string(f.severity), e(f.body), f.session,
              to_string(f.severity), to_string(f.severity), e(f.code), e(f.body),
              f.session > 0 ? fmt::format("#{}", f.session) : std::string{}, e(f.reason), e(f.rule));
      if (!subjects.empty()) m_w.put(" <span class=\"subjects\">({})</span>", e(subjects));
      if (!f.fix.empty()) m_w.put(" <span class=\"fix\">→ {}</span>", e(f.fix));
      m_w.put("</li>\n");
    }
    m_w.put("</ol>\n");
  }

  const TimelineData& m_d;
  const TimelineScale& m_sc;
  const TimelineHtmlOptions m_o;  // copied: a default argument would not outlive the constructor
  Writer m_w;
  std::map<std::string, int> m_colour;                    // station code -> palette index
  std::map<int, const TimelineFinding*> m_finding_of;     // by finding number
  int m_stagger = 0;                                      // deadline labels drawn so far
  std::map<double, double> m_label_end;  // per marker text line (y): where its last label ends
};

}  // namespace

std::string to_html(const TimelineData& d) { return Page(d).html(); }

std::string to_html(const TimelineData& d, const TimelineHtmlOptions& options) {
  return Page(d, options).html();
}

}  // namespace gge
