# GGE_SANITIZE: every target (libraries, gge, tests) with AddressSanitizer and
# UndefinedBehaviorSanitizer; any report aborts (scripts/test-asan runs the suite so).
# GGE_FUZZ: the same sanitizers plus libFuzzer's coverage, for the fuzz/ targets (clang only).
option(GGE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(GGE_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang)" OFF)
if(GGE_SANITIZE OR GGE_FUZZ)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
if(GGE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "GGE_FUZZ needs clang (e.g. CXX=clang++-14): libFuzzer is part of clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
