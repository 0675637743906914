# Install into a temporary prefix and build the C example against it (not in
# sanitizer builds: the plain C example cannot load an instrumented library).
if(NOT CMAKE_CXX_FLAGS MATCHES "sanitize")
  add_test(NAME install-c-example COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_install.sh ${PROJECT_BINARY_DIR})
  set_tests_properties(install-c-example PROPERTIES TIMEOUT 300)
endif()
