#pragma once
/// `gge check` as a use case: the stored plan against every rule (rules/check/check.hpp), with the
/// closures of the stations' holiday calendars and the GA high-level weeks. Reads only.
#include "gge/rules/check/check.hpp"
#include "gge/store/store.hpp"

namespace gge {

/// Checks the stored plan. `filter` selects the findings reported (every rule still sees the
/// whole plan); a filter naming an unknown body or mandate is an InputError.
std::vector<Finding> check_store(const Store& store, const CheckFilter& filter = {},
                                 const CheckOptions& options = {});

}  // namespace gge
