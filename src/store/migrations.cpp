#include "store/migrations.hpp"

namespace gge::detail {
namespace {
constexpr Migration k_migrations[] = {
#include "migrations.inc"
};
}  // namespace

std::span<const Migration> migrations() { return k_migrations; }

}  // namespace gge::detail
