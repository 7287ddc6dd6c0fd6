// gge timeline, gge agenda
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/text.hpp"
#include "gge/report/json.hpp"
#include "gge/services/output_file.hpp"
#include "gge/services/stored_timeline.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

namespace gge::cli {
namespace {

struct ScopeArgs {
  std::string scope, body, mandate, station, from, to, output;
};

void add_scope_options(CLI::App* cmd, ScopeArgs& a) {
  cmd->add_option("scope", a.scope, "A body symbol or a mandate key (same as --body / --mandate)");
  cmd->add_option("--body", a.body, "Only this body");
  cmd->add_option("--mandate", a.mandate, "Only this mandate: its body's sessions and deadlines");
  cmd->add_option("--station", a.station, "Only sessions at this duty station");
  cmd->add_option("--from", a.from, "First day shown, YYYY-MM-DD (default: from the scope)");
  cmd->add_option("--to", a.to, "Last day shown, YYYY-MM-DD, inclusive (default: from the scope)");
}

/// The scope options as the engine names them.
std::map<std::string, std::string, std::less<>> scope_flags() {
  return {{fields::k_body, "--body"},       {fields::k_mandate, "--mandate"}, {fields::k_station, "--station"},
          {fields::k_first_day, "--from"}, {fields::k_last_day, "--to"}};
}

/// Parses the options into a scope; every bad value is an InputError before anything is written.
TimelineScope scope_of(const ScopeArgs& a, const Store& store) {
  TimelineScope s;
  s.body = a.body;
  s.mandate = a.mandate;
  s.station = a.station;
  if (!a.scope.empty()) {
    if (store.body(a.scope)) {
      if (!s.body.empty() && s.body != a.scope)
        throw InputError({}, "scope", a.scope, fmt::format("conflicts with --body {}", s.body));
      s.body = a.scope;
    } else if (store.mandate(a.scope)) {
      if (!s.mandate.empty() && s.mandate != a.scope)
        throw InputError({}, "scope", a.scope, fmt::format("conflicts with --mandate {}", s.mandate));
      s.mandate = a.scope;
    } else {
      throw InputError({}, "scope", a.scope, "no such body or mandate");
    }
  }
  if (!a.from.empty()) s.from = parse_date(a.from, "--from");
  if (!a.to.empty()) s.to = parse_date(a.to, "--to");
  if (s.from && s.to && *s.to < *s.from)
    throw InputError({}, "--to", a.to, fmt::format("is before --from {}", a.from));
  return s;
}

nlohmann::json marker_json(const TimelineMarker& m) {
  nlohmann::json j{{"kind", m.kind},       {"first", to_iso(m.first)}, {"last", to_iso(m.last)},
                   {"label", m.label},     {"detail", m.detail},       {"x", m.x},
                   {"width", m.width},     {"y", m.y},                 {"height", m.height}};
  if (!m.mandate.empty()) j["mandate"] = m.mandate;
  return j;
}

/// The --json shape: the same positioned data the page is drawn from (units as in
/// report/timeline.hpp: x in plot-area pixels from `from`, days inclusive).
nlohmann::json timeline_json(const TimelineData& d) {
  nlohmann::json j;
  j["title"] = d.title;
  j["from"] = to_iso(d.scale.from);
  j["to"] = to_iso(d.scale.to);
  j["px_per_day"] = d.scale.px_per_day;
  j["width"] = d.scale.width();
  j["height"] = d.height;
  auto& ticks = j["ticks"] = nlohmann::json::array();
  for (const auto& t : d.ticks)
    ticks.push_back({{"kind", to_string(t.kind)}, {"day", to_iso(t.day)}, {"x", t.x}, {"label", t.label}});
  auto& stations = j["stations"] = nlohmann::json::array();
  for (const auto& st : d.stations) {
    nlohmann::json cl = nlohmann::json::array();
    for (const auto& c : st.closures)
      cl.push_back({{"day", to_iso(c.day)}, {"name", c.name}, {"x", c.x}, {"width", c.width}});
    stations.push_back({{"code", st.code}, {"name", st.name}, {"y", st.y}, {"height", st.height},
                        {"closures", cl}});
  }
  auto& groups = j["groups"] = nlohmann::json::array();
  for (const auto& g : d.groups) {
    nlohmann::json rows = nlohmann::json::array(), dl = nlohmann::json::array();
    for (const auto& r : g.rows) {
      nlohmann::json bars = nlohmann::json::array();
      for (const auto& b : r.bars)
        bars.push_back({{"session", b.id},         {"body", b.body},
                        {"number", b.number},      {"first", to_iso(b.first)},
                        {"last", to_iso(b.last)},  {"station", b.station},
                        {"room", b.room},          {"status", to_string(b.status)},
                        {"label", b.label},        {"x", b.x},
                        {"width", b.width},        {"y", b.y},
                        {"lane", b.lane},          {"findings", b.findings}});
      rows.push_back({{"body", r.body}, {"name", r.body_name}, {"y", r.y}, {"height", r.height},
                      {"lanes", r.lanes}, {"findings", r.findings}, {"bars", bars}});
    }
    for (const auto& m : g.deadlines) dl.push_back(marker_json(m));
    groups.push_back({{"mandate", g.mandate}, {"title", g.title}, {"y", g.y}, {"height", g.height},
                      {"rows", rows}, {"deadlines", dl}});
  }
  auto& ga = j["ga"] = nlohmann::json::array();
  for (const auto& m : d.ga) ga.push_back(marker_json(m));
  auto& findings = j["findings"] = nlohmann::json::array();
  for (const auto& f : d.findings) {
    nlohmann::json fj = f.finding;
    fj["number"] = f.number;
    findings.push_back(std::move(fj));
  }
  return j;
}

}  // namespace

void add_timeline_commands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ScopeArgs>();
  auto* timeline = app.add_subcommand(
      "timeline",
      "Draw the plan as one self-contained HTML page (inline CSS and SVG, no script, no network):\n"
      "a row per body grouped by mandate, sessions as bars by station and status, the deadline\n"
      "chain, GA openings and high-level weeks, station closures, and the findings of gge check.\n"
      "With --json, the same positioned data as JSON.");
  add_scope_options(timeline, *a);
  timeline->add_option("-o,--output", a->output, "Write the page to this file (atomically); default stdout");
  timeline->callback([&ctx, a] {
    ctx.flags = scope_flags();
    const auto store = ctx.open_read();
    const auto data = build_timeline(store, scope_of(*a, store));
    const std::string text = ctx.json ? timeline_json(data).dump(2) + "\n" : to_html(data);
    if (a->output.empty()) {
      std::fputs(text.c_str(), stdout);
      return;
    }
    write_file_atomically(a->output, text, "--output");
    std::puts(fmt::format("wrote {}: {}, {}", a->output, data.title,
                          counted(data.findings.size(), "finding")).c_str());
  });

  auto b = std::make_shared<ScopeArgs>();
  auto* agenda = app.add_subcommand(
      "agenda",
      "The plan day by day as plain text: session days, closures, GA dates, deadlines, findings.\n"
      "With --json, the same data as `gge timeline --json`.");
  add_scope_options(agenda, *b);
  agenda->callback([&ctx, b] {
    ctx.flags = scope_flags();
    const auto store = ctx.open_read();
    const auto data = build_timeline(store, scope_of(*b, store));
    if (ctx.json) print_json(timeline_json(data));
    else std::fputs(to_agenda(data).c_str(), stdout);
  });
}

}  // namespace gge::cli
