# IPAFAIR: the documentation's example program in C, and a random-change
# cross-check against brute force, both through ipafair.h and libagon_ipafair.so.
add_executable(agon_ipafair_example ${PROJECT_SOURCE_DIR}/bindings/ipafair/examples/dynamic_track.c)
target_link_libraries(agon_ipafair_example PRIVATE agon_ipafair)
set_target_properties(agon_ipafair_example PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
target_compile_options(agon_ipafair_example PRIVATE -Wall -Wextra -Wpedantic $<$<BOOL:${AGON_WERROR}>:-Werror>)
add_test(NAME ipafair-example COMMAND agon_ipafair_example)
set_tests_properties(ipafair-example PROPERTIES PASS_REGULAR_EXPRESSION "all answers as expected")

add_executable(agon_ipafair_crosscheck ${CMAKE_CURRENT_LIST_DIR}/crosscheck.cpp)
target_include_directories(agon_ipafair_crosscheck PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit)
target_link_libraries(agon_ipafair_crosscheck PRIVATE agon_ipafair agon_core)
agon_warnings(agon_ipafair_crosscheck)
add_test(NAME ipafair-crosscheck COMMAND agon_ipafair_crosscheck)
