# Benchmark programs, built only on request (tests/bench/run.sh turns this on).
option(AGON_BUILD_BENCH "Build the benchmark programs" OFF)
if(AGON_BUILD_BENCH)
  # One benchmark program: a source file of this folder linked to the engine (and ARGN).
  function(agon_bench_program name source)
    add_executable(${name} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${source})
    target_link_libraries(${name} PRIVATE agon_core ${ARGN})
    agon_warnings(${name})
  endfunction()
  agon_bench_program(agon_bench bench_main.cpp)
  # The gradual benchmark times the engine's internal sweep kernel directly.
  target_include_directories(agon_bench PRIVATE ${PROJECT_SOURCE_DIR}/engine/src)
  # Dynamic extension sequences: the incremental session against agon from scratch.
  agon_bench_program(agon_bench_dynamic dynamic_main.cpp)
  # The IPAFAIR peer (crustabri_ipafair, or agon's own library) replaying the same sequences.
  agon_bench_program(agon_bench_ipafair dynamic_ipafair.cpp ${CMAKE_DL_LIBS})
  # One-change what-if re-evaluations: the incremental session against scenarios from scratch.
  agon_bench_program(agon_bench_incremental incremental_main.cpp)
endif()
