#include "gge/services/holidays.hpp"

#include "gge/formats/holidays/holiday_rules_toml.hpp"
#include "gge/services/transaction.hpp"

namespace gge {

std::vector<HolidayImport> import_holiday_files(Store& store,
                                                std::span<const std::filesystem::path> files) {
  std::vector<HolidayData> data;
  for (const auto& f : files) data.push_back(read_holiday_data_file(f));
  for (std::size_t i = 0; i < data.size(); ++i)
    if (!store.station(data[i].station))
      throw InputError(files[i].string(), "station", data[i].station,
                       "no such station in the database (add it first)");
  return in_transaction(store, [&](Store& st) {
    std::vector<HolidayImport> done;
    for (const auto& d : data) {
      st.replace_holiday_rules(d.station, d.rules);
      for (const auto& h : d.confirmed) st.add(h);
      done.push_back({d.station, d.rules.size(), d.confirmed.size()});
    }
    return done;
  });
}

std::vector<Closure> station_year(const Store& store, const std::string& station, int year) {
  if (!store.station(station)) throw InputError({}, "STATION", station, "no such station");
  return station_closures(station, year, store.holiday_rules(station), store.holidays(station));
}

}  // namespace gge
