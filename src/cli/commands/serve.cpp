// gge serve [--listen HOST:PORT] [--users FILE] [--base-url URL] [--public-feeds]
//           [--cert FILE --key FILE]
// gge user add NAME --role planner|viewer [--users FILE]
#include "gge/web/serve.hpp"
#include "cli/commands/commands.hpp"
#include "gge/web/users.hpp"

#include <fmt/format.h>

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>

namespace gge::cli {
namespace {

constexpr const char* k_serve_help =
    "Start the planners' web app on the database: pages that work without JavaScript, a JSON API\n"
    "under /api/ and subscribable feeds under /feeds/ (README \"gge serve\"). Listens on\n"
    "127.0.0.1:8080 without logins; any other address needs --users FILE (see `gge user add`).\n"
    "SIGTERM or Ctrl-C stops it after the requests in flight. Example:\n"
    "  gge serve --listen 127.0.0.1:8080";

/// One line of stdin, without its newline; with a terminal, asked for twice without echo.
std::string read_password() {
  const bool tty = ::isatty(STDIN_FILENO) == 1;
  const auto read_line = [tty](const char* prompt) {
    termios old{};
    if (tty) {
      std::fputs(prompt, stderr);
      ::tcgetattr(STDIN_FILENO, &old);
      termios quiet = old;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
      ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
      std::fputs("\n", stderr);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  };
  std::string password = read_line("Password: ");
  if (tty && read_line("Again: ") != password)
    throw InputError({}, "password", "", "the two entries differ; nothing was written");
  return password;
}

void add_serve(CLI::App& app, Context& ctx) {
  struct Args {
    std::string listen = "127.0.0.1:8080", users, base_url, cert, key;
    bool public_feeds = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("serve", k_serve_help);
  cmd->add_option("--listen", a->listen, "HOST:PORT to listen on ([::1]:8080 for IPv6)")
      ->capture_default_str();
  cmd->add_option("--users", a->users,
                  "Users file (gge user add); required for a non-loopback address");
  cmd->add_option("--base-url", a->base_url,
                  "URL where users reach the app, for feed links (default: http://LISTEN)");
  cmd->add_flag("--public-feeds", a->public_feeds, "Feeds are readable without logging in");
  cmd->add_option("--cert", a->cert,
                  "TLS: PEM certificate chain (with --key); else use a reverse proxy for https");
  cmd->add_option("--key", a->key, "TLS: the certificate's unencrypted PEM private key");
  cmd->callback([&ctx, a] {
    ctx.flags = {{web::k_field_listen, "--listen"},
                 {web::k_field_users, "--users"},
                 {web::k_field_base_url, "--base-url"},
                 {web::k_field_cert, "--cert"},
                 {web::k_field_key, "--key"}};
    web::ServeOptions options;
    options.db = ctx.db_path;
    options.listen = web::parse_listen_address(a->listen, "--listen");
    options.users_file = a->users;
    options.base_url = a->base_url;
    options.public_feeds = a->public_feeds;
    options.cert = a->cert;
    options.key = a->key;
    web::App server(options);
    const int port = server.bind();
    const std::string& host = options.listen.host;
    std::printf("gge: serving %s on %s://%s:%d/ (%s; SIGTERM or Ctrl-C stops)\n",
                ctx.db_path.c_str(), a->cert.empty() ? "http" : "https",
                host.find(':') != std::string::npos ? ("[" + host + "]").c_str() : host.c_str(),
                port,
                a->users.empty() ? "no login, this machine only" : "logins from the users file");
    std::fflush(stdout);
    web::run_until_signal(server);
    std::puts("gge: stopped");
  });
}

void add_user(CLI::App& app, Context& ctx) {
  struct Args {
    std::string name, role, users = "gge-users";
  };
  auto a = std::make_shared<Args>();
  auto* family =
      add_family(app, "user", "Users of gge serve (a users file; passwords hashed with Argon2id)");
  auto* cmd = family->add_subcommand(
      "add", "Add a user: the password is read from stdin (asked twice, hidden, on a terminal)");
  cmd->add_option("NAME", a->name, "Login name: 1 to 64 of A-Z a-z 0-9 . _ -")->required();
  cmd->add_option("--role", a->role, "planner (reads and writes) or viewer (reads only)")
      ->required();
  cmd->add_option("--users", a->users, "Users file (created with mode 0600)")
      ->capture_default_str();
  cmd->callback([&ctx, a] {
    ctx.flags = {{web::k_field_users, "--users"}};
    const auto role = web::parse_role(a->role, "--role");
    web::add_user(a->users, a->name, role, read_password());
    std::printf("added %s user %s to %s\n", std::string{web::to_string(role)}.c_str(),
                a->name.c_str(), a->users.c_str());
  });
}

}  // namespace

void add_serve_commands(CLI::App& app, Context& ctx) {
  add_serve(app, ctx);
  add_user(app, ctx);
}

}  // namespace gge::cli
