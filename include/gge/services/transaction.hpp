#pragma once
/// Runs a use case as one transaction: `fn(tx)` commits when it returns, rolls back when it
/// throws (so a rejected command writes nothing). Before committing, derived data (the deadline
/// chains) is brought in step with what `fn` changed, in the same transaction.
#include "gge/services/calendars.hpp"
#include "gge/services/stored_deadlines.hpp"
#include "gge/store/store.hpp"

#include <utility>

namespace gge {

/// An open write transaction on a store. A use case that must run inside its caller's
/// transaction takes a `WriteTx&`: without one it cannot be called. Rolls back when destroyed
/// before `in_transaction` commits it.
class WriteTx {
 public:
  explicit WriteTx(Store& store)
      : m_store(store), m_tx(store), m_first_change(store.newest_change_id()) {}
  WriteTx(const WriteTx&) = delete;
  WriteTx& operator=(const WriteTx&) = delete;

  /// The store the transaction writes to.
  [[nodiscard]] Store& store() const noexcept { return m_store; }

  /// Refreshes the deadline chains when the transaction changed one of their inputs (a move of
  /// sessions and meetings did not), and commits. `unchanged`: the command's calendars, when its
  /// writes left their inputs (stations, holiday rules and dates, GA records) as they were;
  /// nullptr builds them again from what was written.
  void commit(const Calendars* unchanged) {
    if (deadline_inputs_changed(m_store, m_first_change)) refresh_deadlines(*this, unchanged);
    m_tx.commit();
  }

 private:
  Store& m_store;
  Store::Transaction m_tx;
  long long m_first_change;  ///< the newest change-log id when the transaction began
};

/// Runs `fn(WriteTx&)` in one transaction (see the top of this file). `unchanged`: as for
/// WriteTx::commit.
template <class Fn>
decltype(auto) in_transaction(Store& store, Fn&& fn, const Calendars* unchanged = nullptr) {
  WriteTx tx(store);
  if constexpr (std::is_void_v<decltype(fn(tx))>) {
    std::forward<Fn>(fn)(tx);
    tx.commit(unchanged);
  } else {
    decltype(auto) result = std::forward<Fn>(fn)(tx);
    tx.commit(unchanged);
    return result;
  }
}

/// Adds one value in its own transaction.
template <class T>
void add_one(Store& store, const T& value) {
  in_transaction(store, [&](WriteTx& tx) { tx.store().add(value); });
}

}  // namespace gge
