#pragma once
/// Runs a use case as one transaction: `fn(store)` commits when it returns, rolls back when it
/// throws (so a rejected command writes nothing). Before committing, derived data (the deadline
/// chains) is brought in step with what `fn` changed, in the same transaction.
#include "gge/services/stored_deadlines.hpp"
#include "gge/store/store.hpp"

#include <utility>

namespace gge {

template <class Fn>
decltype(auto) in_transaction(Store& store, Fn&& fn) {
  Store::Transaction tx(store);
  if constexpr (std::is_void_v<decltype(fn(store))>) {
    std::forward<Fn>(fn)(store);
    refresh_deadlines(store);
    tx.commit();
  } else {
    decltype(auto) result = std::forward<Fn>(fn)(store);
    refresh_deadlines(store);
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
