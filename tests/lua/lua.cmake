# Lua: the API through `agon run` and through the module in the stock lua5.4,
# and sandbox escapes that must fail.
if(TARGET agon_lua)
  add_test(NAME lua-api-and-sandbox
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/run_lua_tests.py $<TARGET_FILE:agon> $<TARGET_FILE_DIR:agon_lua>)
  set_tests_properties(lua-api-and-sandbox PROPERTIES TIMEOUT 300)
endif()
