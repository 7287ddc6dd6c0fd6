#pragma once
/// `gge timeline` and `gge agenda` as a use case: gathers a scope of the stored plan (sessions,
/// deadline chains, GA openings and high-level weeks, station closures, the findings of
/// `gge check`) and lays it out (report/timeline.hpp). Reads only.
#include "gge/report/timeline.hpp"
#include "gge/store/store.hpp"

#include <optional>
#include <string>

namespace gge {

/// Which part of the plan to show. Empty strings = no restriction.
struct TimelineScope {
  std::string body;          ///< only this body (Body::symbol)
  std::string mandate;       ///< only this mandate (its body, its sessions under it, its deadlines)
  std::string station;       ///< only sessions at this station (and its closures)
  std::optional<Date> from;  ///< first day shown, inclusive
  std::optional<Date> to;    ///< last day shown, inclusive
};

/// The positioned timeline of `scope`. Sessions are listed under the mandate the checker gives
/// them (the body's mandate with the latest start not after the session's first day, else its
/// earliest); bodies without a mandate form the last group. Findings are those of `check_store`
/// for the scope's body / mandate and period (with fixes), keeping the ones about a shown body
/// or session. Default period (a given `from` / `to` wins): from the first of the month of the
/// earliest session day or deadline of the scope minus 7 days, to the last of the month of the
/// latest plus 7 days, both inclusive. Throws InputError (nothing else happens) for an unknown body, mandate or station,
/// `to` before `from`, a period outside 1900..2199, or an empty scope without --from and --to.
TimelineData build_timeline(const Store& store, const TimelineScope& scope);

}  // namespace gge
