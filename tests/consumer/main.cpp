// Uses the public API from an installed gge: opens a store, adds a station, reads it back.
#include <gge/store/store.hpp>

#include <cstdio>

int main() {
  auto store = gge::Store::in_memory();
  {
    gge::Store::Transaction tx(store);
    store.add(gge::DutyStation{"NY", "New York (UNHQ)", "America/New_York"});
    tx.commit();
  }
  const auto stations = store.stations();
  if (stations.size() != 1 || stations[0].zone != "America/New_York") return 1;
  std::printf("consumer ok: %s\n", stations[0].name.c_str());
  return 0;
}
