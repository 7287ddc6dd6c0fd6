#include "gge/core/error.hpp"
#include "gge/web/serve.hpp"

#include <arpa/inet.h>

#include <charconv>

namespace gge::web {

bool ListenAddress::loopback() const {
  if (host == "localhost" || host == "::1") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  return false;
}

ListenAddress parse_listen_address(std::string_view text, std::string_view field) {
  const auto bad = [&](const char* problem) {
    return InputError({}, std::string{field}, std::string{text}, problem);
  };
  std::string host;
  std::string_view port_text;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find("]:");
    if (close == std::string_view::npos) throw bad("expected [IPv6]:PORT, e.g. [::1]:8080");
    host = std::string{text.substr(1, close - 1)};
    port_text = text.substr(close + 2);
    in6_addr v6{};
    if (inet_pton(AF_INET6, host.c_str(), &v6) != 1) throw bad("not an IPv6 address");
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) throw bad("expected HOST:PORT, e.g. 127.0.0.1:8080");
    host = std::string{text.substr(0, colon)};
    port_text = text.substr(colon + 1);
    in_addr v4{};
    if (host != "localhost" && inet_pton(AF_INET, host.c_str(), &v4) != 1)
      throw bad("the host must be an IPv4 address, [IPv6] or localhost");
  }
  int port = -1;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc{} || end != port_text.data() + port_text.size() || port < 0 || port > 65535)
    throw bad("the port must be 0 to 65535");
  return ListenAddress{host, port};
}

}  // namespace gge::web
