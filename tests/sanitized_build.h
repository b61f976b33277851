// Whether this test binary is built with AddressSanitizer or ThreadSanitizer (the asan and tsan
// presets): such builds run the same code several times slower and grow memory by design, so tests
// scale their time bounds or their workload with this, and check the same behaviour. gcc defines
// __SANITIZE_ADDRESS__ / __SANITIZE_THREAD__; clang answers __has_feature.
#pragma once

namespace aircargo::testing {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitizedBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif
#else
inline constexpr bool kSanitizedBuild = false;
#endif

}  // namespace aircargo::testing
