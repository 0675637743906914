# The incremental session through the C interface (agon_session_*), linked against libagon.so.
add_executable(agon_session_capi ${CMAKE_CURRENT_LIST_DIR}/session_capi.c)
target_link_libraries(agon_session_capi PRIVATE agon_shared)
set_target_properties(agon_session_capi PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
target_compile_options(agon_session_capi PRIVATE -Wall -Wextra -Wpedantic $<$<BOOL:${AGON_WERROR}>:-Werror>)
add_test(NAME session-capi COMMAND agon_session_capi)
