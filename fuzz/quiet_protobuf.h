// Fuzz targets: protobuf logs every rejected message (invalid UTF-8 in a string field...) to
// stderr; millions of such lines slow fuzzing down and bury the findings. QuietProtobuf() drops
// them (once per process; call it at the top of LLVMFuzzerTestOneInput).
#pragma once

#include <google/protobuf/stubs/logging.h>

namespace aircargo::fuzz {

inline void QuietProtobuf() {
  static const bool quiet = [] {
    google::protobuf::SetLogHandler(nullptr);
    return true;
  }();
  (void)quiet;
}

}  // namespace aircargo::fuzz
