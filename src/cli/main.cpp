// gge: the command-line tool. Builds the command tree, runs one command, and turns every
// error into one line on stderr and a documented exit code (README "Exit codes").
#include "cli/commands/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/output.hpp"
#include "gge/core/error.hpp"
#include "gge/core/text.hpp"
#include "gge/formats/text/untrusted_text.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <sstream>

namespace {

constexpr const char* k_footer = R"(Exit codes: 0 ok; 1 findings (the plan has errors); 2 bad input or usage (nothing
written); 3 storage or internal error (nothing written).
The database is --db, else $GGE_DB, else ./gge.db. Every command is one transaction.
Start with:  gge load examples/gge-2004-2005/scenario.toml && gge session list)";

/// The summary of a description for a command list: its first sentence, cut before
/// `k_summary_max` characters at a separator (", ", "; ", ": ") outside parentheses, then "…".
std::string summary_of(std::string text) {
  constexpr std::size_t k_summary_max = 92;
  for (auto& c : text)
    if (c == '\n') c = ' ';
  for (std::size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", at + 1)) {
    const bool abbreviation = at >= 3 && (text.compare(at - 3, 3, "e.g") == 0 || text.compare(at - 3, 3, "i.e") == 0);
    if (!abbreviation) {
      text.resize(at + 1);
      break;
    }
  }
  if (text.size() <= k_summary_max) return text;
  std::size_t cut = std::string::npos;
  int depth = 0;
  for (std::size_t i = 0; i + 1 < k_summary_max; ++i) {
    depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
    if (depth == 0 && (text[i] == ',' || text[i] == ';' || text[i] == ':') && text[i + 1] == ' ') cut = i;
  }
  if (cut == std::string::npos) cut = text.rfind(' ', k_summary_max);
  return text.substr(0, cut) + " …";
}

/// Help that lists each subcommand with the summary of its description (its own --help shows
/// all of it), so `gge --help` stays a table of contents with one line per command.
class SummaryFormatter : public CLI::Formatter {
public:
  std::string make_subcommand(const CLI::App* sub) const override {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true), summary_of(sub->get_description()),
                             get_column_width());
    return out.str();
  }
};

/// The one error printer: "gge: MESSAGE" on stderr as exactly one line (the message escaped:
/// no control character or invalid UTF-8 of the input reaches the terminal), after whatever
/// stdout already holds. Returns `code` as the process exit code.
int report(std::string_view message, gge::cli::ExitCode code) {
  std::fflush(stdout);
  const std::string line = "gge: " + gge::printable(message) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  return static_cast<int>(code);
}

/// Refuses an argument longer than `k_max_argument_bytes` before any parser sees it.
void check_argument_lengths(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (const std::size_t n = std::strlen(argv[i]); n > gge::k_max_argument_bytes)
      throw gge::InputError("", fmt::format("argument {}", i), argv[i],
                            fmt::format("{} bytes long; at most {}", n, gge::k_max_argument_bytes));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gge::cli;
  CLI::App app{"gge: plan the sessions and meetings of UN intergovernmental bodies (GGEs, OEWGs,\n"
               "committees): record mandates, bodies, sessions and meetings in a SQLite database.",
               "gge"};
  Context ctx;
  const char* env_db = std::getenv("GGE_DB");
  ctx.db_path = env_db && *env_db ? env_db : "gge.db";
  app.add_option("--db", ctx.db_path, "SQLite database file (default $GGE_DB or ./gge.db)")
      ->capture_default_str();
  app.add_flag("--json", ctx.json, "Print data as JSON for scripts (see README, JSON output)");
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand
  app.footer(k_footer);
  app.set_version_flag("--version", "gge 0.1.0");
  app.formatter(std::make_shared<SummaryFormatter>());  // before the subcommands, which inherit it

  add_database_commands(app, ctx);
  add_station_commands(app, ctx);
  add_room_commands(app, ctx);
  add_body_commands(app, ctx);
  add_expert_commands(app, ctx);
  add_resolution_commands(app, ctx);
  add_mandate_commands(app, ctx);
  add_session_commands(app, ctx);
  add_meeting_commands(app, ctx);
  add_calendar_commands(app, ctx);
  add_check_commands(app, ctx);
  add_export_commands(app, ctx);
  add_plan_commands(app, ctx);
  add_timeline_commands(app, ctx);
  add_import_commands(app, ctx);
  add_serve_commands(app, ctx);

  // Help and version go to stdout, which must reach its reader like any report.
  const auto print_help = [&app](const CLI::Error& e) {
    app.exit(e);
    try {
      finish_stdout();
      return 0;
    } catch (const gge::Error& io) {
      return report(io.what(), exit_code_of(io));
    }
  };

  try {
    check_argument_lengths(argc, argv);
    app.parse(argc, argv);
    finish_stdout();  // a report that did not reach stdout is not a success
    return ctx.exit_code;
  } catch (const CLI::CallForHelp& e) {
    return print_help(e);
  } catch (const CLI::CallForAllHelp& e) {
    return print_help(e);
  } catch (const CLI::CallForVersion& e) {
    return print_help(e);
  } catch (const CLI::ParseError& e) {
    return report(std::string{e.what()} + " (see --help)", ExitCode::bad_input);
  } catch (const gge::InputError& e) {
    // The engine names the field in its own words; the user typed a flag of this command.
    return report(e.with_field(ctx.flag_for(e.field())).what(), exit_code_of(e));
  } catch (const gge::Error& e) {
    return report(e.what(), exit_code_of(e));
  } catch (const std::bad_alloc&) {
    return report("out of memory; nothing was written", ExitCode::storage);
  } catch (const std::exception& e) {
    return report(std::string{"internal error: "} + e.what(), exit_code_of(e));
  }
}
