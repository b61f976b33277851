# Warnings for the project's own code; never linked into generated protobuf/gRPC code.
add_library(aircargo_warnings INTERFACE)
add_library(aircargo::warnings ALIAS aircargo_warnings)
target_compile_options(aircargo_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                                   -Wnon-virtual-dtor)
option(AIRCARGO_WERROR "Treat warnings as errors" OFF)
if(AIRCARGO_WERROR)
  target_compile_options(aircargo_warnings INTERFACE -Werror)
endif()
