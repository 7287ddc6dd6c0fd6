#pragma once
/// The plan as a picture (`gge timeline` / `gge agenda`): a pure layout step that turns
/// sessions, deadlines, GA dates, closures and findings into positioned rows, bars and markers,
/// and renderers that write it as one self-contained HTML page (inline CSS + SVG, no script, no
/// network) or as a plain-text day-by-day agenda.
///
/// Units and conventions (documented once, used by every field below):
/// - x: CSS pixels from the left edge of the *plot area* (the part right of the row labels).
///   A day d occupies [x(d), x(d) + px_per_day): x(d) = (d - from) in days * px_per_day.
///   So a session first..last (inclusive days) is drawn from x(first) to x(last + 1 day),
///   width = (last - first + 1) * px_per_day. The plot area is `width()` pixels wide.
/// - y: CSS pixels from the top of the plot area; rows stack downwards.
/// - The period `from..to` is inclusive. Items partly outside it are clipped to it (their dates
///   stay the real ones); items wholly outside are left out.
#include "gge/model/finding.hpp"
#include "gge/model/sessions.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gge {

/// Layout constants (CSS pixels).
inline constexpr double k_timeline_plot_width = 1040.0;  ///< target width of the plot area
inline constexpr double k_timeline_max_px_per_day = 40.0;///< at most this wide per day (short spans)
inline constexpr double k_timeline_label_width = 180.0;  ///< row-label column left of the plot
inline constexpr double k_timeline_lane_height = 22.0;   ///< one lane of bars in a body row
inline constexpr double k_timeline_band_height = 16.0;   ///< one station's closure band
/// Deadline markers are labelled (kind names over three staggered lines above a group's rows)
/// only when a day gets at least this many pixels (spans up to about two years); always titled.
inline constexpr double k_timeline_marker_label_px_per_day = 1.5;

/// Maps days to x. `from..to` inclusive; px_per_day > 0.
struct TimelineScale {
  Date from{};
  Date to{};
  double px_per_day = 1.0;
  /// Left edge of day `d` (any day; days before `from` give negative x).
  [[nodiscard]] double x(Date d) const;
  /// Width of the whole period, (to - from + 1) * px_per_day.
  [[nodiscard]] double width() const;
};

/// The scale for `from..to` (inclusive, from <= to): the period spread over
/// k_timeline_plot_width pixels, but never more than k_timeline_max_px_per_day per day.
TimelineScale make_timeline_scale(Date from, Date to);

/// An axis tick at the left edge of its day.
struct TimelineTick {
  enum class Kind { year, month, week };
  Kind kind = Kind::month;
  Date day{};
  double x = 0;
  std::string label;  ///< "2005", "Mar 2005", "Mar", "7"; empty = an unlabelled tick
};
/// "year", "month", "week".
std::string_view to_string(TimelineTick::Kind k);

/// Ticks for the scale, chosen by how many pixels a week / month / year gets so the axis stays
/// readable from one month to ten years: year ticks always (labelled "2005", or "Jan 2005" when
/// months are labelled); month ticks when a month gets >= 4 px, labelled when >= 30 px ("Mar";
/// the first labelled one also names its year: "Dec 2004"); week ticks (Mondays)
/// when a week gets >= 6 px, labelled with the day of month when >= 24 px. Sorted by day, then
/// kind (year, month, week); a day carries only its largest kind.
std::vector<TimelineTick> make_timeline_ticks(const TimelineScale& scale);

/// A finding as the timeline shows it: numbered (1, 2, ...) for the legend.
struct TimelineFinding {
  int number = 0;  ///< 1-based, the order of `check_plan` (finding_less)
  Finding finding;
};

/// One session drawn as a bar.
struct TimelineBar {
  std::string body;
  int number = 0;
  std::string id;        ///< "GGE-ICT-2004#2"
  Date first{}, last{};  ///< the session's days, inclusive (not clipped)
  std::string station;
  std::string room;
  SessionStatus status = SessionStatus::planned;
  std::string label;     ///< "#2 7–11 Mar 2005"
  double x = 0;          ///< clipped to the period
  double width = 0;      ///< clipped to the period, >= 1 px
  double y = 0;          ///< top, in the plot area
  int lane = 0;          ///< 0-based lane inside its row (overlapping sessions stack)
  std::vector<int> findings;  ///< TimelineFinding::number of the findings on this bar
};

/// A vertical marker (a day) or a band (several days).
struct TimelineMarker {
  std::string kind;      ///< deadlines: "submission", "distribution", "latest_end",
                         ///< "consideration", "member_states", ... ; "ga_opening",
                         ///< "high_level_week"
  std::string mandate;   ///< the deadline's mandate; empty for GA markers
  Date first{}, last{};  ///< inclusive; first == last for a one-day marker
  std::string label;     ///< "submission 58/32-GGE", "GA 60 opens"
  std::string detail;    ///< the explanation (deadline source, GA rule)
  double x = 0;          ///< left edge of `first` (clipped)
  double width = 0;      ///< (last - first + 1) days (clipped)
  double y = 0;          ///< top of the span it covers
  double height = 0;     ///< the rows it covers (a mandate's rows, or the whole plot)
};

/// A body's row: its sessions under one mandate.
struct TimelineRow {
  std::string body;
  std::string body_name;
  std::string mandate;   ///< the group it belongs to; empty = "(no mandate)"
  double y = 0;
  double height = 0;
  int lanes = 1;
  std::vector<TimelineBar> bars;
  std::vector<int> findings;  ///< findings about the body itself (session 0)
};

/// A group of rows: one mandate.
struct TimelineGroup {
  std::string mandate;   ///< empty = bodies with no mandate
  std::string title;     ///< "58/32-GGE (res. 58/32, reports to GA 60)"
  double y = 0;          ///< top of its first row
  double height = 0;
  std::vector<TimelineRow> rows;
  std::vector<TimelineMarker> deadlines;  ///< over this group's rows
};

/// One day a station is closed, shaded in the station's band.
struct TimelineClosure {
  std::string station;
  Date day{};
  std::string name;
  double x = 0;
  double width = 0;
};

/// A station's band of closures.
struct TimelineStation {
  std::string code;
  std::string name;
  double y = 0;
  double height = 0;
  std::vector<TimelineClosure> closures;
};

/// Everything the page shows, positioned.
struct TimelineData {
  std::string title;  ///< "gge plan 2004-12-01 to 2005-10-31"
  TimelineScale scale;
  std::vector<TimelineTick> ticks;
  std::vector<TimelineStation> stations;  ///< closure bands, at the top of the plot
  std::vector<TimelineGroup> groups;      ///< by mandate key; "(no mandate)" last
  std::vector<TimelineMarker> ga;         ///< GA openings and high-level weeks, whole height
  std::vector<TimelineFinding> findings;  ///< the legend
  double height = 0;                      ///< height of the plot area
};

// --- Input of the layout: plain values gathered by the caller (services/stored_timeline.hpp).

struct TimelineBodyInput {
  std::string symbol;
  std::string name;
  std::string mandate;  ///< the mandate key it is listed under ("" = none)
  std::vector<Session> sessions;
};
struct TimelineGroupInput {
  std::string mandate;
  std::string title;
  std::vector<TimelineBodyInput> bodies;
  std::vector<TimelineMarker> deadlines;  ///< kind, mandate, first/last, label, detail set
};
struct TimelineStationInput {
  std::string code;
  std::string name;
  std::vector<TimelineClosure> closures;  ///< station, day, name set
};
struct TimelineInput {
  std::string title;
  Date from{}, to{};  ///< inclusive, from <= to
  std::vector<TimelineStationInput> stations;
  std::vector<TimelineGroupInput> groups;
  std::vector<TimelineMarker> ga;  ///< kind, first/last, label, detail set
  std::vector<Finding> findings;   ///< sorted by finding_less
};

/// Positions everything (see the units above). Findings are attached to the bar of
/// (body, session) and to every bar named by a subject "BODY#N"; session 0 findings to their
/// body's rows. Sessions overlapping in one row go to separate lanes (first fit by first day).
/// Throws InputError when to < from.
TimelineData layout_timeline(const TimelineInput& input);

/// The page: one self-contained HTML document (UTF-8, inline CSS and SVG, no script, no external
/// resource), usable at 1280 px and printable on A4 landscape. Every text is HTML-escaped.
/// Stable data attributes for tools: bars `data-session data-first data-last data-station
/// data-status data-x data-width data-findings`; finding badges `data-finding` (the legend
/// numbers, space-separated when one badge stands for several findings that do not fit
/// before the next bar); markers `data-kind data-mandate data-first
/// data-last data-x`; closures `data-station data-day data-x`; ticks `data-kind data-day data-x`;
/// the plot group `data-px-per-day data-from data-to`; x values in plot-area pixels.
std::string to_html(const TimelineData& data);

/// What a front-end adds to the page (`gge serve`); the defaults give `to_html(data)` exactly.
struct TimelineHtmlOptions {
  /// When set, each bar is a link to SESSION_HREF + "BODY/N" (e.g. "/sessions/").
  std::string session_href;
  /// When set, the page loads this script (`<script src defer>`; no inline script is written).
  std::string script_src;
  /// Trusted HTML placed first in the body (the front-end's navigation), unescaped.
  std::string nav_html;
};

/// The page with a front-end's additions (see TimelineHtmlOptions).
std::string to_html(const TimelineData& data, const TimelineHtmlOptions& options);

/// A plain-text, day-by-day listing of the same data: one block per day that has anything
/// (a session day, a closure, a deadline, a GA date, a finding starting), days ascending,
/// inside the period.
std::string to_agenda(const TimelineData& data);

}  // namespace gge
