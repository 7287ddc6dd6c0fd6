// Writing scenario TOML canonically, driven by the same table descriptions as the reader.
#include "formats/scenario/scenario_tables.hpp"
#include "gge/formats/scenario/scenario_toml.hpp"

#include <algorithm>

namespace gge {

void sort_canonically(Scenario& s) {
  detail::for_each_table([&]<class T>() {
    using D = detail::Table<T>;
    auto& rows = s.*D::rows;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const T& a, const T& b) { return D::key(a) < D::key(b); });
  });
}

std::string write_scenario(const Scenario& scenario) {
  Scenario s = scenario;
  sort_canonically(s);
  std::string out = "# gge scenario\n";
  detail::for_each_table([&]<class T>() {
    using D = detail::Table<T>;
    for (const T& row : s.*D::rows) {
      out += "\n[[";
      out += D::name;
      out += "]]\n";
      for (const auto& f : D::fields) {
        if (f.presence == detail::Presence::optional && f.is_default(row)) continue;
        out += f.name;
        out += " = ";
        out += f.write(row);
        out += '\n';
      }
    }
  });
  return out;
}

}  // namespace gge
