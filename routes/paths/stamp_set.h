// StampSet: a set of small indices cleared in O(1) (routes/paths internals): Mark(i) sets entry i
// for the current generation; Reset() starts a new one (O(n) once every 2^32 resets). Lets a
// query's scratch cost what the query touches, not the network's size. Not thread safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace aircargo::routes {

class StampSet {
 public:
  void Resize(std::size_t n) {
    if (stamps_.size() < n) stamps_.resize(n, 0);
  }
  void Reset() {
    if (++current_ == 0) {
      std::fill(stamps_.begin(), stamps_.end(), 0);
      current_ = 1;
    }
  }
  void Mark(std::size_t i) { stamps_[i] = current_; }
  bool Has(std::size_t i) const { return stamps_[i] == current_; }

 private:
  std::vector<std::uint32_t> stamps_;
  std::uint32_t current_ = 1;
};

}  // namespace aircargo::routes
