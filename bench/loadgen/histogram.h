// LatencyHistogram: call latencies in nanoseconds, log-linear buckets (exact below 128 ns, then 64
// buckets per power of two: a quantile is within 1 % of the true value), exact count, sum, min and
// max. Fixed size (~30 KB), so each client thread records into its own and the runner merges them.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <vector>

namespace aircargo::loadgen {

class LatencyHistogram {
 public:
  LatencyHistogram();

  void Record(std::uint64_t nanos);
  void Merge(const LatencyHistogram& other);

  std::uint64_t count() const { return count_; }
  std::uint64_t min() const { return count_ == 0 ? 0 : min_; }
  std::uint64_t max() const { return max_; }
  double mean() const { return count_ == 0 ? 0.0 : static_cast<double>(sum_) / count_; }
  // The q-quantile (0 < q <= 1), nearest rank, as the middle of its bucket clamped to [min, max];
  // 0 when empty.
  std::uint64_t Quantile(double q) const;

 private:
  std::vector<std::uint64_t> buckets_;
  std::uint64_t count_ = 0;
  std::uint64_t sum_ = 0;
  std::uint64_t min_ = UINT64_MAX;
  std::uint64_t max_ = 0;
};

}  // namespace aircargo::loadgen
