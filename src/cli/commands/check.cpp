// gge check
#include "cli/commands/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/output.hpp"
#include "gge/core/fields.hpp"
#include "gge/report/check_text.hpp"
#include "gge/report/json.hpp"
#include "gge/services/check_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace gge::cli {

void add_check_commands(CLI::App& app, Context& ctx) {
  struct Args {
    CheckFilter filter;
    std::string from, to;
    bool strict = false, no_fixes = false;
  };
  auto a = std::make_shared<Args>();
  auto* check = app.add_subcommand(
      "check",
      "Check the plan: weekends and closures, the mandate's window and entitlements, overlaps of\n"
      "bodies, rooms and experts, the GA high-level week, blackouts, gaps and travel days.\n"
      "Each finding says what is wrong, which rule, and the nearest fix. Exit 1 when there are\n"
      "errors (with --strict, warnings too).");
  check->add_option("--body", a->filter.body, "Only findings that involve this body");
  check->add_option("--mandate", a->filter.mandate, "Only findings of this mandate's body");
  check->add_option("--from", a->from, "Only findings on or after this day, YYYY-MM-DD");
  check->add_option("--to", a->to, "Only findings on or before this day, YYYY-MM-DD (inclusive)");
  check->add_flag("--strict", a->strict, "Warnings also make the exit code 1");
  check->add_flag("--no-fixes", a->no_fixes, "Do not search for the nearest fix (faster)");
  check->callback([&ctx, a] {
    ctx.flags = {{fields::k_body, "--body"}, {fields::k_mandate, "--mandate"}};
    if (!a->from.empty()) a->filter.from = parse_date(a->from, "--from");
    if (!a->to.empty()) a->filter.to = parse_date(a->to, "--to");
    if (a->filter.from && a->filter.to && *a->filter.to < *a->filter.from)
      throw InputError({}, "--to", a->to, fmt::format("is before --from {}", a->from));
    CheckOptions options;
    options.suggest_fixes = !a->no_fixes;
    const auto store = ctx.open_read();
    const auto findings = check_store(store, a->filter, options);
    if (ctx.json)
      print_json(check_report_json(findings));
    else
      std::fputs(to_text(findings).c_str(), stdout);
    if (has_errors(findings, a->strict)) ctx.exit_code = static_cast<int>(ExitCode::findings);
  });
}

}  // namespace gge::cli
