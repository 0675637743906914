# Fuzz harnesses: one per reader (fuzz_reader.cpp, the format chosen at
# compile time), one for the C API's loader (fuzz_capi.cpp) and one for the
# sandboxed Lua host (fuzz_lua.cpp). Normal builds compile each harness with a
# replay main and run the saved regression inputs and seed files through
# ctest; -DAGON_FUZZ=ON (with clang) builds real libFuzzer targets for
# tests/fuzz/run.sh.
option(AGON_FUZZ "Build libFuzzer targets (needs clang)" OFF)
set(AGON_FUZZ_FORMATS json i23 apx tgf argdown aif kialo carneades)
file(GLOB AGON_FUZZ_SEEDS_JSON CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/graphs/*.json ${PROJECT_SOURCE_DIR}/graphs/classic/*.json)

# add_fuzz_harness(NAME SOURCE LIBRARY [SEED...]): the target fuzz_NAME and,
# in normal builds, the test fuzz-replay-NAME over regressions/NAME/* and the seeds.
function(add_fuzz_harness name source library)
  set(target fuzz_${name})
  if(AGON_FUZZ)
    add_executable(${target} ${CMAKE_CURRENT_LIST_DIR}/${source})
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
  else()
    add_executable(${target} ${CMAKE_CURRENT_LIST_DIR}/${source} ${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp)
  endif()
  target_link_libraries(${target} PRIVATE ${library})
  agon_warnings(${target})
  if(NOT AGON_FUZZ)
    file(GLOB inputs CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/regressions/${name}/*)
    list(APPEND inputs ${ARGN})
    if(inputs)
      add_test(NAME fuzz-replay-${name} COMMAND ${target} ${inputs})
    endif()
  endif()
endfunction()

foreach(fmt ${AGON_FUZZ_FORMATS})
  set(seeds "")
  if(fmt STREQUAL "json")
    set(seeds ${AGON_FUZZ_SEEDS_JSON})
  endif()
  add_fuzz_harness(${fmt} fuzz_reader.cpp agon_core ${seeds})
  target_compile_definitions(fuzz_${fmt} PRIVATE AGON_FUZZ_FORMAT="${fmt}")
endforeach()

add_fuzz_harness(capi fuzz_capi.cpp agon_static)
if(AGON_WITH_LUA)
  file(GLOB AGON_FUZZ_SEEDS_LUA CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/lua/escapes/*.lua)
  add_fuzz_harness(lua fuzz_lua.cpp agon_lua_host ${AGON_FUZZ_SEEDS_LUA})
endif()
