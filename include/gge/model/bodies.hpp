#pragma once
/// Intergovernmental bodies, the experts who sit on them, and memberships.
#include <optional>
#include <string>
#include <string_view>

namespace gge {

enum class BodyKind { gge, oewg, committee, other };
/// "GGE", "OEWG", "committee", "other" — the spelling used in files, the CLI and the database.
std::string_view to_string(BodyKind k);
/// Case-insensitive inverse of `to_string`; nullopt for anything else.
std::optional<BodyKind> parse_body_kind(std::string_view s);

/// A body that meets: a GGE, an OEWG, a committee. Key: `symbol`.
struct Body {
  std::string symbol;  ///< short key, e.g. "GGE-ICT-2004"; [A-Za-z0-9_./-], 1..64 chars
  std::string name;    ///< "Group of Governmental Experts on ... (2004-2005)"
  BodyKind kind = BodyKind::gge;
  int members = 0;     ///< seats on the body (a GGE has about 15); >= 0, 0 = open-ended
  /// Fewest days between the last day of one session and the first day of the next
  /// (next.first - prev.last); 0 = no minimum. A planner's setting, checked by `gge check`.
  int min_gap_days = 0;
  friend bool operator==(const Body&, const Body&) = default;
};

/// A person who sits on bodies. Key: `key`.
struct Expert {
  std::string key;      ///< short key chosen by the planner, e.g. "ru-1"
  std::string name;     ///< full name
  std::string country;  ///< nominating Member State, free text (may be empty)
  friend bool operator==(const Expert&, const Expert&) = default;
};

/// An expert's seat on a body. Key: (`expert`, `body`). A person may sit on several bodies.
struct Membership {
  std::string expert;  ///< Expert::key
  std::string body;    ///< Body::symbol
  std::string role;    ///< "chair", "member", ... (may be empty)
  friend bool operator==(const Membership&, const Membership&) = default;
};

}  // namespace gge
