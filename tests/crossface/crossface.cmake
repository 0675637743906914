# The same questions through the command line, the C API and Lua give the
# same JSON, byte for byte (and a few answers checked by hand).
if(TARGET agon_lua_host AND TARGET agon_shared)
  add_executable(agon_crossface_c ${CMAKE_CURRENT_LIST_DIR}/faces_c.c)
  target_link_libraries(agon_crossface_c PRIVATE agon_shared)
  set_target_properties(agon_crossface_c PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
  target_compile_options(agon_crossface_c PRIVATE -Wall -Wextra -Wpedantic $<$<BOOL:${AGON_WERROR}>:-Werror>)
  add_test(NAME crossface COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/crossface.py $<TARGET_FILE:agon>
           $<TARGET_FILE:agon_crossface_c>)
endif()
