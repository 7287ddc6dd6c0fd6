#pragma once
/// Small text helpers for planner-facing messages.
#include <string>
#include <string_view>

namespace gge {

/// "1 session", "2 sessions", "0 sessions": `n` and the noun, `many` when n != 1 (default: `one`
/// + "s"; give it for irregular nouns: counted(n, "body", "bodies")).
std::string counted(long long n, std::string_view one, std::string_view many = {});

}  // namespace gge
