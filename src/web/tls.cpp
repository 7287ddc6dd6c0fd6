#include "web/tls.hpp"

#include "gge/core/error.hpp"
#include "gge/web/serve.hpp"

#include <openssl/err.h>

#include <string>

namespace gge::web::detail {
namespace {

/// OpenSSL's newest error as text (its queue is cleared).
std::string ssl_error() {
  const unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (e == 0) return "unknown error";
  char text[256];
  ERR_error_string_n(e, text, sizeof text);
  return text;
}

}  // namespace

TlsContext make_tls_context(const std::filesystem::path& cert, const std::filesystem::path& key) {
  TlsContext ctx(SSL_CTX_new(TLS_server_method()));
  if (!ctx) throw StorageError("OpenSSL could not make a TLS context: " + ssl_error());
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  SSL_CTX_set_mode(ctx.get(), SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  SSL_CTX_set_options(ctx.get(), SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_use_certificate_chain_file(ctx.get(), cert.c_str()) != 1)
    throw InputError({}, k_field_cert, cert.string(),
                     "cannot read a PEM certificate chain from it (" + ssl_error() + ")");
  if (SSL_CTX_use_PrivateKey_file(ctx.get(), key.c_str(), SSL_FILETYPE_PEM) != 1)
    throw InputError({}, k_field_key, key.string(),
                     "cannot read an unencrypted PEM private key from it (" + ssl_error() + ")");
  if (SSL_CTX_check_private_key(ctx.get()) != 1)
    throw InputError({}, k_field_key, key.string(), "is not the key of the certificate");
  return ctx;
}

}  // namespace gge::web::detail
