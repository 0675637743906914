# The C interface, every function with good and bad arguments, linked against libagon.so.
add_executable(agon_capi_test ${CMAKE_CURRENT_LIST_DIR}/capi_test.c)
target_link_libraries(agon_capi_test PRIVATE agon_shared)
set_target_properties(agon_capi_test PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
target_compile_options(agon_capi_test PRIVATE -Wall -Wextra -Wpedantic $<$<BOOL:${AGON_WERROR}>:-Werror>)
add_test(NAME capi COMMAND agon_capi_test ${CMAKE_CURRENT_BINARY_DIR})

# The C interface from several threads (also run under the tsan preset).
find_package(Threads REQUIRED)
add_executable(agon_capi_threads ${CMAKE_CURRENT_LIST_DIR}/capi_threads.c)
target_link_libraries(agon_capi_threads PRIVATE agon_shared Threads::Threads)
set_target_properties(agon_capi_threads PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
target_compile_options(agon_capi_threads PRIVATE -Wall -Wextra -Wpedantic $<$<BOOL:${AGON_WERROR}>:-Werror>)
add_test(NAME capi-threads COMMAND agon_capi_threads)
