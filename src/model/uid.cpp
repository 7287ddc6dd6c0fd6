#include "gge/model/uid.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace gge {
namespace {

// FNV-1a over the bytes, then a SplitMix64 finaliser so that near keys spread over all bits.
// Two lanes with different offset bases give 128 bits; not cryptographic, only stable and
// well spread (UIDs must not collide by accident, nobody is attacking them).
std::uint64_t lane(std::string_view text, std::uint64_t basis) {
  std::uint64_t h = basis;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

}  // namespace

std::string make_uid(std::string_view kind, std::string_view key, unsigned salt) {
  // The unit separator cannot appear in a key, so ("ab","c") and ("a","bc") hash apart.
  const std::string text = fmt::format("{}\x1f{}\x1f{}", kind, key, salt);
  return fmt::format("{:016x}{:016x}@gge", lane(text, 0xcbf29ce484222325ULL),
                     lane(text, 0x84222325cbf29ce4ULL));
}

}  // namespace gge
