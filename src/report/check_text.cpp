// Check findings as text: one block per body, one line per finding, a count line.
#include "gge/report/check_text.hpp"

#include "gge/core/text.hpp"

#include <fmt/format.h>

namespace gge {

std::string to_text(const std::vector<Finding>& findings) {
  if (findings.empty()) return "No findings.\n";
  std::string out;
  const std::string* body = nullptr;
  int session = -1;
  std::size_t errors = 0;
  for (const auto& f : findings) {
    if (body == nullptr || *body != f.body) {
      body = &f.body;
      session = -1;
      out += fmt::format("{}\n", f.body);
    }
    if (f.session != session) {
      session = f.session;
      out += f.session > 0 ? fmt::format("  session {}\n", f.session) : std::string{"  body\n"};
    }
    errors += f.severity == Severity::error ? 1 : 0;
    out +=
        fmt::format("    {:<7} {}: {} [rule: {}]", to_string(f.severity), f.code, f.reason, f.rule);
    if (!f.fix.empty()) out += fmt::format(" -> fix: {}", f.fix);
    out += '\n';
  }
  const std::size_t warnings = findings.size() - errors;
  out += fmt::format("{}: {}, {}.\n", counted(findings.size(), "finding"), counted(errors, "error"),
                     counted(warnings, "warning"));
  return out;
}

}  // namespace gge
