#include "gge/services/holidays.hpp"

#include "gge/core/fields.hpp"
#include "gge/formats/holidays/holiday_rules_toml.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace gge {

std::vector<HolidayImport> import_holiday_files(Store& store,
                                                std::span<const std::filesystem::path> files) {
  std::vector<HolidayData> data;
  for (const auto& f : files) data.push_back(read_holiday_data_file(f));
  for (std::size_t i = 0; i < data.size(); ++i)
    if (!store.station(data[i].station))
      throw InputError(files[i].string(), "station", data[i].station,
                       "no such station in the database (add it first)");
  return in_transaction(store, [&](WriteTx& tx) {
    Store& st = tx.store();
    std::vector<HolidayImport> done;
    for (std::size_t i = 0; i < data.size(); ++i) {
      const HolidayData& d = data[i];
      try {
        st.replace_holiday_rules(d.station, d.rules);
        for (const auto& h : d.confirmed) st.add(h);
      } catch (const InputError& e) {
        if (!e.where().empty()) throw;
        throw e.at(files[i].string());  // the store's refusal, said with the file it came from
      }
      done.push_back({d.station, d.rules.size(), d.confirmed.size()});
    }
    return done;
  });
}

std::vector<Closure> station_year(const Store& store, const std::string& station, int year) {
  if (!store.station(station)) throw InputError({}, "STATION", station, "no such station");
  return station_closures(station, year, store.holiday_rules(station), store.holidays(station));
}

HolidayConfirmation confirm_holiday(Store& store, const std::string& station,
                                    const std::string& name, Date actual) {
  if (!store.station(station)) throw InputError({}, fields::k_station, station, "no such station");
  const auto rules = store.holiday_rules(station);
  if (std::none_of(rules.begin(), rules.end(),
                   [&](const HolidayRule& r) { return r.name == name; }))
    throw InputError({}, "holiday", name,
                     fmt::format("{} has no holiday rule of this name", station));
  const int year = int(date::year_month_day{actual}.year());
  // The rule's closure nearest to `actual` (the one the confirmed date will replace).
  std::optional<Closure> nearest;
  for (const auto& c : station_closures(station, std::max(1900, year - 1), std::min(2199, year + 1),
                                        rules, store.holidays(station))) {
    if (c.name != name || c.status == HolidayStatus::confirmed) continue;
    if (!nearest ||
        std::abs((c.actual - actual).count()) < std::abs((nearest->actual - actual).count()))
      nearest = c;
  }
  if (!nearest || std::abs((nearest->actual - actual).count()) > 45)
    throw InputError(
        {}, "holiday", to_iso(actual),
        fmt::format("no estimate of {} at {} lies within 45 days of this day", name, station));
  HolidayConfirmation done;
  done.estimate = *nearest;
  done.deadlines = in_transaction(store, [&](WriteTx& tx) {
    tx.store().add(Holiday{station, actual, name, HolidayStatus::confirmed});
    return refresh_deadlines(tx);
  });
  for (const auto& c : station_closures(station, std::max(1900, year - 1), std::min(2199, year + 1),
                                        store.holiday_rules(station), store.holidays(station)))
    if (c.name == name && c.actual == actual && c.status == HolidayStatus::confirmed)
      done.closure = c;
  return done;
}

}  // namespace gge
