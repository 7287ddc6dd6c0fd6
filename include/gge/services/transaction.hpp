#pragma once
/// Runs a use case as one transaction: `fn(store)` commits when it returns, rolls back when it
/// throws (so a rejected command writes nothing).
#include "gge/store/store.hpp"

#include <utility>

namespace gge {

template <class Fn>
decltype(auto) in_transaction(Store& store, Fn&& fn) {
  Store::Transaction tx(store);
  if constexpr (std::is_void_v<decltype(fn(store))>) {
    std::forward<Fn>(fn)(store);
    tx.commit();
  } else {
    decltype(auto) result = std::forward<Fn>(fn)(store);
    tx.commit();
    return result;
  }
}

/// Adds one value in its own transaction.
template <class T>
void add_one(Store& store, const T& value) {
  in_transaction(store, [&](Store& s) { s.add(value); });
}

}  // namespace gge
