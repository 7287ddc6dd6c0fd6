# The web front-end's two libraries, both Debian packages, found by their headers and libraries
# (not pkg-config: the main job must configure where no .pc file is visible).
#   gge_dep::httplib  cpp-httplib 0.11 (libcpp-httplib-dev): Debian ships it compiled, as
#                     libcpp-httplib.so built with OpenSSL, zlib and Brotli support; the header must
#                     be read with the same three macros (its cpp-httplib.pc Cflags say so) or the
#                     classes it declares would not match the library's.
#   gge_dep::sodium   libsodium (libsodium-dev): Argon2id password hashes, random tokens, BLAKE2b.
find_path(GGE_HTTPLIB_INCLUDE_DIR httplib.h)
find_library(GGE_HTTPLIB_LIBRARY NAMES cpp-httplib)
find_path(GGE_SODIUM_INCLUDE_DIR sodium.h)
find_library(GGE_SODIUM_LIBRARY NAMES sodium)
find_package(OpenSSL QUIET)  # httplib.h includes <openssl/ssl.h> under CPPHTTPLIB_OPENSSL_SUPPORT
set(gge_web_missing)
if(NOT GGE_HTTPLIB_INCLUDE_DIR OR NOT GGE_HTTPLIB_LIBRARY OR NOT OPENSSL_FOUND)
  list(APPEND gge_web_missing "cpp-httplib (Debian package libcpp-httplib-dev)")
endif()
if(NOT GGE_SODIUM_INCLUDE_DIR OR NOT GGE_SODIUM_LIBRARY)
  list(APPEND gge_web_missing "libsodium (Debian package libsodium-dev)")
endif()
if(gge_web_missing)
  list(JOIN gge_web_missing ", " gge_web_missing_text)
  message(FATAL_ERROR "gge needs ${gge_web_missing_text}: run scripts/install-deps (as root)")
endif()
add_library(gge_dep::httplib INTERFACE IMPORTED)
target_include_directories(gge_dep::httplib INTERFACE ${GGE_HTTPLIB_INCLUDE_DIR} ${OPENSSL_INCLUDE_DIR})
target_compile_definitions(gge_dep::httplib INTERFACE
  CPPHTTPLIB_OPENSSL_SUPPORT CPPHTTPLIB_ZLIB_SUPPORT CPPHTTPLIB_BROTLI_SUPPORT)
# OpenSSL directly too: gge serve --cert/--key runs TLS on its own connection streams
# (src/web/connections.cpp) with the OpenSSL that cpp-httplib is built with.
target_link_libraries(gge_dep::httplib INTERFACE ${GGE_HTTPLIB_LIBRARY} OpenSSL::SSL OpenSSL::Crypto
                      Threads::Threads)
add_library(gge_dep::sodium INTERFACE IMPORTED)
target_include_directories(gge_dep::sodium INTERFACE ${GGE_SODIUM_INCLUDE_DIR})
target_link_libraries(gge_dep::sodium INTERFACE ${GGE_SODIUM_LIBRARY})
