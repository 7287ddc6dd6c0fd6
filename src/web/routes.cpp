#include "web/routes.hpp"

namespace gge::web::detail {
namespace {

constexpr std::size_t k_max_path = 512;

/// The segments of "/a/b/c": {"a", "b", "c"}; "/" has none.
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t at = 1;
  while (at <= path.size() && at < path.size()) {
    const std::size_t end = std::min(path.find('/', at), path.size());
    out.push_back(path.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

bool matches(std::string_view pattern, std::string_view path, std::vector<std::string>& params) {
  const auto want = segments(pattern);
  const auto got = segments(path);
  const bool rest = !want.empty() && want.back() == "**";
  if (rest ? got.size() < want.size() : want.size() != got.size()) return false;
  std::vector<std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] == "**") {
      // The rest of the path, slashes kept: keys such as mandate "58/32-GGE".
      found.emplace_back(path.substr(static_cast<std::size_t>(got[i].data() - path.data())));
      break;
    }
    if (want[i] == "*")
      found.emplace_back(got[i]);
    else if (want[i] != got[i])
      return false;
  }
  params = std::move(found);
  return true;
}

}  // namespace

bool is_app_path(std::string_view path) {
  if (path.empty() || path.front() != '/' || path.size() > k_max_path) return false;
  for (const char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '/' || c == '.' || c == '_' || c == '~' || c == '@' || c == '+' ||
                    c == '-';
    if (!ok) return false;
  }
  if (path.size() > 1 && path.back() == '/') return false;
  for (const auto seg : segments(path))
    if (seg.empty() || seg == "." || seg == "..") return false;
  return true;
}

const Route* match_route(const std::vector<Route>& routes, std::string_view method,
                         std::string_view path, std::vector<std::string>& params,
                         bool& method_known) {
  method_known = false;
  const std::string_view as = method == "HEAD" ? std::string_view{"GET"} : method;
  for (const auto& r : routes) {
    std::vector<std::string> p;
    if (!matches(r.pattern, path, p)) continue;
    if (r.method != as) {
      method_known = true;
      continue;
    }
    params = std::move(p);
    return &r;
  }
  return nullptr;
}

}  // namespace gge::web::detail
