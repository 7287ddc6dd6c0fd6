// The app's one stylesheet, served as a file (the Content-Security-Policy allows no inline
// script; styles are kept in a file too). Fits a 1280 px window and prints without the navigation.
#include "web/routes.hpp"

namespace gge::web::detail {
namespace {

constexpr const char* k_css = R"css(
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1b; }
nav { background: #1d3557; padding: .5em 1em; display: flex; gap: 1em; align-items: center; }
nav a, nav .who { color: #fff; text-decoration: none; }
nav .who { margin-left: auto; }
nav form { display: inline; }
main { max-width: 1240px; margin: 0 auto; padding: 0 1em 2em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border-bottom: 1px solid #ddd; padding: .2em .6em; text-align: left; vertical-align: top; }
code { font-size: 85%; word-break: break-all; }
.error { color: #b00020; font-weight: 600; }
ul.findings li { color: inherit; font-weight: normal; margin: .2em 0; }
li.error strong { color: #b00020; }
li.warning strong { color: #8a5a00; }
form label { display: inline-block; margin: .2em .8em .2em 0; }
form.login label { display: block; }
form.fix, form.confirm, form.cancel, form.generate, form.clear { display: inline; }
svg.plan-timeline { display: block; margin: .3em 0 1em; max-width: 100%; }
svg.plan-timeline rect.window { fill: #f3f5f8; }
svg.plan-timeline rect.session { fill: #457b9d; }
svg.plan-timeline text { font-size: 10px; fill: #1b1b1b; }
section.proposal { border-top: 1px solid #ccc; padding-top: .3em; }
.moved, p.applied, p.confirmed, p.preview { background: #eef6ee; padding: .4em .6em; }
@media print { nav, form, button, .actions { display: none !important; } main { max-width: none; } }
)css";

/// src/web/static/timeline.js, embedded at build time (CMakeLists.txt).
constexpr const char* k_timeline_js =
#include "timeline_js.inc"
    ;

}  // namespace

void add_static_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/static/timeline.js", Access::open, [](Exchange& ex) {
                   ex.res.headers.erase("Cache-Control");
                   ex.res.set_header("Cache-Control", "no-cache");
                   ex.res.set_content(k_timeline_js, "text/javascript; charset=utf-8");
                 }});
  out.push_back({"GET", "/static/app.css", Access::open, [](Exchange& ex) {
                   ex.res.headers.erase("Cache-Control");
                   ex.res.set_header("Cache-Control", "max-age=3600");
                   ex.res.set_content(k_css, "text/css; charset=utf-8");
                 }});
}

}  // namespace gge::web::detail
