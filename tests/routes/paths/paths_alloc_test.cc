// FindPaths allocates nothing per query beyond its answer once the workspace is warm: a counting
// operator new (this binary only) around k = 1 queries on the diamond network (see diamond.h).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "routes/paths/find_paths.h"
#include "tests/routes/paths/diamond.h"

namespace {
std::atomic<std::uint64_t> g_allocations{0};
}  // namespace

// Out of line, so the compiler never pairs an inlined new with an inlined free.
[[gnu::noinline]] void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void* operator new[](std::size_t size) { return ::operator new(size); }
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace aircargo::routes::test {
namespace {

std::uint64_t AllocationsOf(const ScenarioView& view, const PathQuery& query,
                            PathWorkspace& workspace, std::size_t* paths) {
  StopCheck stop;
  const std::uint64_t before = g_allocations.load();
  auto result = FindPaths(view, query, workspace, stop);
  const std::uint64_t used = g_allocations.load() - before;
  EXPECT_TRUE(result.ok());
  *paths = result.ok() ? result->paths.size() : 0;
  return used;
}

TEST(FindPathsAllocations, WarmSingleQueryAllocatesOnlyItsAnswer) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathWorkspace workspace;
  for (Objective objective :
       {Objective::kDistance, Objective::kTransitTime, Objective::kCost, Objective::kLegs}) {
    const PathQuery query = Query(*n, "AAA", "DDD", objective, 1);
    std::size_t paths = 0;
    AllocationsOf(view, query, workspace, &paths);  // grows the workspace
    // The route list, the list of route lists it comes in, and the answer's path list.
    EXPECT_EQ(AllocationsOf(view, query, workspace, &paths), 3u) << ObjectiveName(objective);
    EXPECT_EQ(paths, 1u);
  }
}

TEST(FindPathsAllocations, WarmQueryWithoutAnswerAllocatesNothing) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathWorkspace workspace;
  const PathQuery query = Query(*n, "AAA", "EEE");  // E has no routes
  std::size_t paths = 0;
  AllocationsOf(view, query, workspace, &paths);
  EXPECT_EQ(AllocationsOf(view, query, workspace, &paths), 0u);
  EXPECT_EQ(paths, 0u);
}

}  // namespace
}  // namespace aircargo::routes::test
