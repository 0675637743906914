# Lua: the API through `agon run` and through the module in the stock lua5.4,
# and sandbox escapes that must fail.
if(TARGET agon_lua)
  add_test(NAME lua-api-and-sandbox
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/run_lua_tests.py $<TARGET_FILE:agon> $<TARGET_FILE_DIR:agon_lua>)
  set_tests_properties(lua-api-and-sandbox PROPERTIES TIMEOUT 300)
  # Under AddressSanitizer the stock lua5.4 must load the ASan runtime first.
  if(CMAKE_CXX_FLAGS MATCHES "sanitize=address")
    # (and libstdc++ too, so that its exception interceptors resolve).
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so OUTPUT_VARIABLE AGON_LIBASAN
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++.so.6 OUTPUT_VARIABLE AGON_LIBSTDCXX
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
    set_tests_properties(lua-api-and-sandbox PROPERTIES
      ENVIRONMENT "LD_PRELOAD=${AGON_LIBASAN} ${AGON_LIBSTDCXX};ASAN_OPTIONS=detect_leaks=0")
  endif()
endif()
