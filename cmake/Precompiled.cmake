# Precompiled headers. Parsing the third-party headers costs each translation unit more CPU than
# its own code on the 2-core machines the project builds on: the C++20 standard library ~2 s,
# GoogleTest + gMock ~4 s, gRPC ~3 s, a generated service header ~6 s, spdlog ~7 s, CLI11 ~5 s
# (g++ 12 -fsyntax-only). Each library below precompiles the headers its sources share, once per
# build; the tests reuse one of two precompiled sets. Figures: docs/performance.md, "Build time".
#
# A precompiled header is only valid for translation units compiled with the same options and at
# least its macro definitions (clang refuses one whose definitions the unit lacks): hence two test
# sets, one for tests that see gRPC (compiled with -pthread, like everything linking
# aircargo::proto) and one for those that do not.
option(AIRCARGO_PCH "Precompile the heavy third-party headers" ON)

# The options of a unit must match its precompiled header's, -Wpedantic included (it changes the
# predefined macros): -Winvalid-pch (an error in the ci preset) reports a header that a unit could
# not use rather than silently parsing everything again. GCC 12 forgets that the standard
# library's lines in a precompiled header come from a system header, so its -Warray-bounds,
# -Wstringop-overflow, -Wstringop-overread and -Wrestrict false positives inside std::string (GCC
# bugs 105329 and 105651, silent without a precompiled header) would break the -Werror build: those
# are off where the headers are precompiled with GCC (clang, the asan preset, keeps its checks, and
# ASan checks the accesses themselves at run time).
if(AIRCARGO_PCH)
  target_compile_options(aircargo_warnings INTERFACE -Winvalid-pch)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(aircargo_warnings INTERFACE -Wno-array-bounds -Wno-stringop-overflow
                                                       -Wno-stringop-overread -Wno-restrict)
  endif()
endif()

set(AIRCARGO_PCH_STD
    <algorithm> <array> <chrono> <cstdint> <functional> <map> <memory> <optional> <set> <span>
    <string> <string_view> <unordered_map> <utility> <variant> <vector>)
set(AIRCARGO_PCH_PROTO
    <google/protobuf/message.h> <grpcpp/grpcpp.h> <aircargo/v1/planner_service.grpc.pb.h>
    <aircargo/v1/network_service.grpc.pb.h> <aircargo/v1/network_edit_service.grpc.pb.h>
    <aircargo/v1/scenario_service.grpc.pb.h>)
set(AIRCARGO_PCH_GTEST <gtest/gtest.h> <gmock/gmock.h>)

# aircargo_precompile(TARGET HEADERS...): TARGET's sources see the standard headers and HEADERS
# precompiled.
function(aircargo_precompile target)
  if(AIRCARGO_PCH)
    target_precompile_headers(${target} PRIVATE ${AIRCARGO_PCH_STD} ${ARGN})
  endif()
endfunction()

# The two precompiled sets the tests reuse (made by tests/CMakeLists.txt before any test).
function(aircargo_test_pch_hosts)
  if(NOT AIRCARGO_PCH)
    return()
  endif()
  set(anchor "${PROJECT_SOURCE_DIR}/cmake/pch_anchor.cc")
  add_library(aircargo_test_pch_core OBJECT "${anchor}")
  target_link_libraries(aircargo_test_pch_core PRIVATE GTest::gmock GTest::gtest aircargo::warnings)
  target_precompile_headers(aircargo_test_pch_core PRIVATE ${AIRCARGO_PCH_STD} ${AIRCARGO_PCH_GTEST})
  add_library(aircargo_test_pch_proto OBJECT "${anchor}")
  target_link_libraries(aircargo_test_pch_proto PRIVATE aircargo::proto GTest::gmock GTest::gtest
                                                        aircargo::warnings)
  target_precompile_headers(aircargo_test_pch_proto PRIVATE ${AIRCARGO_PCH_STD}
                            ${AIRCARGO_PCH_GTEST} ${AIRCARGO_PCH_PROTO})
endfunction()

# aircargo_test_pch(TARGET core|proto): TARGET reuses the test set; `proto` for tests linking
# anything built on aircargo::proto (server, client, formats, store), `core` for the others.
function(aircargo_test_pch target kind)
  if(AIRCARGO_PCH)
    target_precompile_headers(${target} REUSE_FROM aircargo_test_pch_${kind})
  endif()
endfunction()
