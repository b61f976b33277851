#include "bench/loadgen/histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace aircargo::loadgen {
namespace {

constexpr int kLinear = 128;    // values below this have a bucket each
constexpr int kPerOctave = 64;  // buckets per power of two above
constexpr int kBuckets = kLinear + (63 - 7 + 1) * kPerOctave;

int BucketOf(std::uint64_t v) {
  if (v < kLinear) return static_cast<int>(v);
  const int e = std::bit_width(v) - 1;             // 7..63
  const int top = static_cast<int>(v >> (e - 6));  // 64..127
  return kLinear + (e - 7) * kPerOctave + (top - kPerOctave);
}

// The middle of bucket i.
std::uint64_t MiddleOf(int i) {
  if (i < kLinear) return static_cast<std::uint64_t>(i);
  const int e = (i - kLinear) / kPerOctave + 7;
  const std::uint64_t top = static_cast<std::uint64_t>((i - kLinear) % kPerOctave + kPerOctave);
  const std::uint64_t width = std::uint64_t{1} << (e - 6);
  return (top << (e - 6)) + width / 2;
}

}  // namespace

LatencyHistogram::LatencyHistogram() : buckets_(kBuckets, 0) {}

void LatencyHistogram::Record(std::uint64_t nanos) {
  ++buckets_[BucketOf(nanos)];
  ++count_;
  sum_ += nanos;
  min_ = std::min(min_, nanos);
  max_ = std::max(max_, nanos);
}

void LatencyHistogram::Merge(const LatencyHistogram& other) {
  for (int i = 0; i < kBuckets; ++i) buckets_[i] += other.buckets_[i];
  count_ += other.count_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

std::uint64_t LatencyHistogram::Quantile(double q) const {
  if (count_ == 0) return 0;
  const auto rank = std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_))));
  std::uint64_t seen = 0;
  for (int i = 0; i < kBuckets; ++i) {
    seen += buckets_[i];
    if (seen >= rank) return std::clamp(MiddleOf(i), min(), max_);
  }
  return max_;
}

}  // namespace aircargo::loadgen
