#pragma once
/// Model invariants, checked before anything is stored. Each function throws `InputError`
/// naming the field and value (with `where` as the location) when an invariant fails.
/// The store's CHECK constraints mirror these; these give the readable message.
#include "gge/core/parse.hpp"
#include "gge/model/scenario.hpp"

namespace gge {

void validate(const DutyStation& s, Where where = {});
void validate(const Room& r, Where where = {});
void validate(const Body& b, Where where = {});
void validate(const Expert& e, Where where = {});
void validate(const Membership& m, Where where = {});
void validate(const Resolution& r, Where where = {});
void validate(const Mandate& m, Where where = {});
void validate(const Session& s, Where where = {});
void validate(const Meeting& m, Where where = {});
void validate(const Holiday& h, Where where = {});
void validate(const HolidayRule& r, Where where = {});
void validate(const GaOpening& g, Where where = {});
void validate(const Blackout& b, Where where = {});
void validate(const BusyTime& b, Where where = {});

/// A key: 1..`max` characters of [A-Za-z0-9_./#-].
void check_key(const std::string& key, std::string_view field, Where where, std::size_t max = 64);

}  // namespace gge
