#pragma once
// TLS for `gge serve --cert FILE --key FILE`: an OpenSSL server context (TLS 1.2 or newer) from a
// PEM certificate chain and its private key. OpenSSL comes with Debian's cpp-httplib, which is
// built with it; the connections use it through web/connections.hpp.
#include <openssl/ssl.h>

#include <filesystem>
#include <memory>

namespace gge::web::detail {

struct TlsContextFree {
  void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};
using TlsContext = std::unique_ptr<SSL_CTX, TlsContextFree>;

/// A server context for `cert` (PEM, the chain, leaf first) and `key` (PEM, unencrypted).
/// InputError naming k_field_cert or k_field_key when a file cannot be read or parsed, or the
/// key does not belong to the certificate.
TlsContext make_tls_context(const std::filesystem::path& cert, const std::filesystem::path& key);

}  // namespace gge::web::detail
