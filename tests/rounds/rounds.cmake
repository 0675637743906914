# Debate rounds through the agon program: paradigms, JSON, errors, sandbox limits, sheets.
if(TARGET agon_lua_host)
  add_test(NAME rounds-cli COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_rounds.py $<TARGET_FILE:agon> ${PROJECT_SOURCE_DIR})
  set_tests_properties(rounds-cli PROPERTIES TIMEOUT 600)
endif()
