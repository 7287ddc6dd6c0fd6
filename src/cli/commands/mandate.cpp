// gge mandate add|list|show
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/report/json.hpp"
#include "gge/services/transaction.hpp"

#include <memory>

namespace gge::cli {
namespace {

struct MandateArgs {
  Mandate mandate;
  std::string start, consider_on, member_states_by;
};

}  // namespace

void add_mandate_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "mandate", "Mandates: what a resolution asks a body to do");

  auto a = std::make_shared<MandateArgs>();
  auto* add = family->add_subcommand("add", "Add a mandate");
  auto& m = a->mandate;
  add->add_option("KEY", m.key, "Short key, e.g. 58/32-GGE")->required();
  add->add_option("--body", m.body, "Body symbol")->required();
  add->add_option("--resolution", m.resolution, "Resolution symbol, e.g. 58/32")->required();
  add->add_option("--start", a->start, "First day work may begin, YYYY-MM-DD")->required();
  add->add_option("--report-to", m.report_to_session, "GA session that receives the report, e.g. 60")
      ->required();
  add->add_option("--sessions", m.sessions_entitled, "Sessions entitled (0 = not limited)");
  add->add_option("--days", m.days_entitled, "Meeting days entitled (0 = not limited)");
  add->add_option("--notes", m.notes, "Free text, e.g. the operative paragraph");
  add->add_option("--consider-on", a->consider_on,
                  "Day the GA considers the report, YYYY-MM-DD (default: the session's opening)");
  add->add_option("--submission-weeks", m.submission_weeks,
                  "Weeks before consideration the report is submitted (default 10)");
  add->add_option("--distribution-weeks", m.distribution_weeks,
                  "Weeks before consideration it is distributed (default 6)");
  add->add_option("--adoption-days", m.adoption_working_days,
                  "Working days from the last session day to submission (default 10)");
  add->add_option("--member-states-by", a->member_states_by,
                  "A Member-State submission date to track, YYYY-MM-DD");
  add->callback([&ctx, a] {
    a->mandate.start = parse_date(a->start, "--start");
    if (!a->consider_on.empty()) a->mandate.consider_on = parse_date(a->consider_on, "--consider-on");
    if (!a->member_states_by.empty())
      a->mandate.member_states_by = parse_date(a->member_states_by, "--member-states-by");
    auto store = ctx.open();
    add_one(store, a->mandate);
    print_added(ctx, "mandate", a->mandate.key, a->mandate);
  });

  family->add_subcommand("list", "List mandates")->callback([&ctx] {
    const auto store = ctx.open_read();
    print_list(ctx, store.mandates(), {"key", "body", "resolution", "start", "report to", "sessions", "days"},
               [](const Mandate& x) {
                 return std::vector{x.key, x.body, x.resolution, to_iso(x.start),
                                    "GA " + std::to_string(x.report_to_session),
                                    std::to_string(x.sessions_entitled), std::to_string(x.days_entitled)};
               },
               "mandates");
  });

  auto key = std::make_shared<std::string>();
  auto* show = family->add_subcommand("show", "Show a mandate and its deadlines");
  show->add_option("KEY", *key, "Mandate key")->required();
  show->callback([&ctx, key] {
    const auto store = ctx.open_read();
    const auto x = store.mandate(*key);
    if (!x) throw InputError({}, "mandate", *key, "no such mandate");
    const auto deadlines = store.deadlines(*key);
    if (ctx.json) {
      print_json({{"mandate", *x}, {"deadlines", deadlines}});
      return;
    }
    const auto limit = [](int n) { return n == 0 ? std::string{"not limited"} : std::to_string(n); };
    print_fields({{"key", x->key}, {"body", x->body}, {"resolution", x->resolution},
                  {"start", to_un_long(x->start)},
                  {"report to", "General Assembly, session " + std::to_string(x->report_to_session)},
                  {"sessions", limit(x->sessions_entitled)}, {"days", limit(x->days_entitled)},
                  {"notes", x->notes}});
    for (const auto& d : deadlines)
      std::printf("  %s  %s  %s\n", to_iso(d.date).c_str(), d.kind.c_str(), d.source.c_str());
  });
}

}  // namespace gge::cli
