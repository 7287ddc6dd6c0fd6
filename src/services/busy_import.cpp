// gge import ics|list|remove (see gge/services/busy_import.hpp).
#include "gge/services/busy_import.hpp"

#include "gge/core/fields.hpp"
#include "gge/core/parse.hpp"
#include "gge/formats/ical/ical_import.hpp"
#include "gge/model/busy_days.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace gge {
namespace {

const char* field_of(BusyKind k) {
  switch (k) {
    case BusyKind::expert:
      return fields::k_expert;
    case BusyKind::station:
      return fields::k_station;
    case BusyKind::room:
      return fields::k_room;
    case BusyKind::body:
      return fields::k_body;
  }
  return fields::k_expert;
}

/// The station whose zone floating times take: the subject's own (a station, a room's).
std::string station_of(const IcsImportRequest& r) {
  if (r.kind == BusyKind::station) return r.subject;
  if (r.kind == BusyKind::room) return r.subject.substr(0, r.subject.find('/'));
  return {};
}

void require_subject(const Store& store, const IcsImportRequest& r) {
  const auto refuse = [&](std::string_view problem) {
    throw InputError({}, field_of(r.kind), r.subject, std::string{problem});
  };
  switch (r.kind) {
    case BusyKind::expert: {
      const auto experts = store.experts();
      if (std::none_of(experts.begin(), experts.end(),
                       [&](const Expert& e) { return e.key == r.subject; }))
        refuse("no such expert");
      break;
    }
    case BusyKind::station:
      if (!store.station(r.subject)) refuse("no such station");
      break;
    case BusyKind::body:
      if (!store.body(r.subject)) refuse("no such body");
      break;
    case BusyKind::room: {
      const auto slash = r.subject.find('/');
      if (slash == std::string::npos) refuse("expected STATION/ROOM, e.g. NY/Conference Room 4");
      const auto rooms = store.rooms(r.subject.substr(0, slash));
      const std::string name = r.subject.substr(slash + 1);
      if (std::none_of(rooms.begin(), rooms.end(), [&](const Room& x) { return x.name == name; }))
        refuse("no such room");
      break;
    }
  }
}

/// The window: --from/--to, else the stored mandates' horizon (earliest start to the latest
/// deadline).
std::pair<Date, Date> window_of(const Store& store, const IcsImportRequest& r) {
  std::optional<Date> from = r.from, to = r.to;
  if (!r.from)
    for (const auto& m : store.mandates())
      if (!from || m.start < *from) from = m.start;
  if (!r.to)
    for (const auto& d : store.deadlines())
      if (!to || d.date > *to) to = d.date;
  if (!from || !to)
    throw InputError(
        {}, fields::k_first_day, "",
        "no mandate or deadline gives a planning horizon: give the window's first and last day");
  if (*to < *from)
    throw InputError({}, fields::k_last_day, to_iso(*to),
                     fmt::format("is before the first day {}", to_iso(*from)));
  return {*from, *to};
}

}  // namespace

std::vector<IcsImportReport> import_ics(Store& store, const IcsImportRequest& request) {
  if (request.files.empty())
    throw InputError({}, fields::k_calendar_file, "", "give at least one .ics file");
  require_subject(store, request);
  if (!request.name.empty()) check_text(request.name, fields::k_import_source, {}, 200);
  const auto [from, to] = window_of(store, request);

  IcsOptions options;
  options.from = from;
  options.to = to;
  std::string zone_label;
  if (!request.zone.empty()) {
    options.floating_zone = parse_zone(request.zone, fields::k_floating_zone);
    zone_label = request.zone;
  } else if (const auto station = station_of(request); !station.empty()) {
    if (const auto s = store.station(station)) {
      options.floating_zone = parse_zone(s->zone, "station.zone");
      zone_label = fmt::format("{} (station {})", s->zone, station);
    }
  }

  // Read everything before writing anything.
  std::vector<IcsImportReport> reports;
  std::map<std::string, std::size_t> by_source;
  std::map<std::string, std::vector<BusyTime>> busy;
  for (const auto& file : request.files) {
    const std::string source = request.name.empty() ? file.filename().string() : request.name;
    check_text(source, fields::k_import_source, file.string(), 200);
    auto got = read_ics_file(file, options);
    auto [it, fresh] = by_source.emplace(source, reports.size());
    if (fresh) {
      IcsImportReport report;
      report.source = source;
      report.from = from;
      report.to = to;
      reports.push_back(std::move(report));
    }
    auto& report = reports[it->second];
    report.files.push_back(file.string());
    report.events += got.events;
    report.transparent += got.transparent;
    report.cancelled += got.cancelled;
    report.floating += got.floating;
    if (got.floating > 0) report.floating_zone = zone_label;
    for (auto& w : got.windows_zones)
      if (std::find(report.windows_zones.begin(), report.windows_zones.end(), w) ==
          report.windows_zones.end())
        report.windows_zones.push_back(std::move(w));
    auto& list = busy[source];
    for (auto& b : got.busy) {
      b.kind = request.kind;
      b.subject = request.subject;
      b.source = source;
      list.push_back(std::move(b));
    }
  }
  // The same event in two files of one source is one busy time.
  for (auto& [source, list] : busy) {
    const auto key = [](const BusyTime& b) { return std::tie(b.uid, b.all_day, b.first, b.start); };
    std::stable_sort(list.begin(), list.end(),
                     [&](const BusyTime& a, const BusyTime& b) { return key(a) < key(b); });
    list.erase(std::unique(list.begin(), list.end(),
                           [&](const BusyTime& a, const BusyTime& b) { return key(a) == key(b); }),
               list.end());
  }
  return in_transaction(store, [&](WriteTx& tx) {
    Store& st = tx.store();
    for (auto& report : reports) {
      report.replaced = st.remove_busy_times(report.source);
      for (const auto& b : busy[report.source]) st.add(b);
      report.busy = busy[report.source].size();
    }
    return reports;
  });
}

std::vector<BusySource> busy_sources(const Store& store) {
  std::vector<BusySource> out;
  for (const auto& b : store.busy_times()) {
    const auto [first, last] = busy_days(b);
    if (out.empty() || out.back().source != b.source)
      out.push_back({b.source, b.kind, b.subject, 0, first, last});
    auto& s = out.back();
    ++s.count;
    s.first = std::min(s.first, first);
    s.last = std::max(s.last, last);
  }
  return out;
}

std::size_t remove_busy_source(Store& store, const std::string& source) {
  return in_transaction(store, [&](WriteTx& tx) {
    const std::size_t n = tx.store().remove_busy_times(source);
    if (n == 0)
      throw InputError({}, fields::k_import_source, source, "no such import (see gge import list)");
    return n;
  });
}

}  // namespace gge
