# Benchmark programs, built only on request (tests/bench/run.sh turns this on).
option(AGON_BUILD_BENCH "Build the benchmark programs" OFF)
if(AGON_BUILD_BENCH)
  add_executable(agon_bench ${CMAKE_CURRENT_LIST_DIR}/bench_main.cpp)
  target_link_libraries(agon_bench PRIVATE agon_core)
  # The gradual benchmark times the engine's internal sweep kernel directly.
  target_include_directories(agon_bench PRIVATE ${PROJECT_SOURCE_DIR}/engine/src)
  agon_warnings(agon_bench)
endif()
if(AGON_BUILD_BENCH)
  # Dynamic extension sequences: the incremental session against agon from scratch.
  add_executable(agon_bench_dynamic ${CMAKE_CURRENT_LIST_DIR}/dynamic_main.cpp)
  target_link_libraries(agon_bench_dynamic PRIVATE agon_core)
  agon_warnings(agon_bench_dynamic)
  # The IPAFAIR peer (crustabri_ipafair, or agon's own library) replaying the same sequences.
  add_executable(agon_bench_ipafair ${CMAKE_CURRENT_LIST_DIR}/dynamic_ipafair.cpp)
  target_link_libraries(agon_bench_ipafair PRIVATE agon_core ${CMAKE_DL_LIBS})
  agon_warnings(agon_bench_ipafair)
endif()
if(AGON_BUILD_BENCH)
  # One-change what-if re-evaluations: the incremental session against scenarios from scratch.
  add_executable(agon_bench_incremental ${CMAKE_CURRENT_LIST_DIR}/incremental_main.cpp)
  target_link_libraries(agon_bench_incremental PRIVATE agon_core)
  agon_warnings(agon_bench_incremental)
endif()
