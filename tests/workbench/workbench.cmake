# The workbench (agon serve, agon export --html): the JSON API through HTTP, and
# end-to-end tests in headless Chromium (skipped, exit 77, when scripts/setup.sh
# has not installed puppeteer-core into tests/browser/node_modules).
add_test(NAME workbench-api
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/api_test.py $<TARGET_FILE:agon>
          ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json)
# About 20 s in a release-like build and 180 s under the sanitizers alone; 300 s was hit there
# while other builds shared the 2 cores.
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
  set_tests_properties(workbench-api PROPERTIES TIMEOUT 1200)
else()
  set_tests_properties(workbench-api PROPERTIES TIMEOUT 300)
endif()

set(AGON_BROWSER_DIR ${PROJECT_SOURCE_DIR}/tests/browser)
# A browser test: `node SCRIPT AGON ARGS...` in tests/browser, one at a time (each
# starts Chromium), skipped when puppeteer-core or Chromium is missing.
function(agon_browser_test name script)
  add_test(NAME ${name}
    COMMAND ${CMAKE_COMMAND} -E env sh -c
      "test -d node_modules/puppeteer-core && test -x /usr/bin/chromium || exit 77; exec node ${script} \"$0\" \"$@\""
      $<TARGET_FILE:agon> ${ARGN}
    WORKING_DIRECTORY ${AGON_BROWSER_DIR})
  set_tests_properties(${name} PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
endfunction()

agon_browser_test(workbench-browser workbench.test.js ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json ${CMAKE_BINARY_DIR}/workbench-screenshots)

agon_browser_test(workbench-odd-ids odd_ids.test.js)

# The legend, a narrow window, small changes, cut names, errors, a stopped server (about 10 s).
agon_browser_test(workbench-rough-edges rough_edges.test.js)

# A phone (414x800, touch): the map takes the window, the top bar two rows, a tap opens a
# readable panel, a finger pans and pinches (about 10 s). Screenshots beside the desktop ones.
agon_browser_test(workbench-phone phone.test.js ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json ${CMAKE_BINARY_DIR}/workbench-screenshots)

# After edits the page keeps the groups drawn the same and parses the rest (about 15 s).
agon_browser_test(workbench-redraw redraw.test.js ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json)

add_test(NAME workbench-http
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/http_test.py $<TARGET_FILE:agon>
          ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json)
set_tests_properties(workbench-http PROPERTIES TIMEOUT 120)

# save_test.py and stop_test.py hold saves and layouts where they want them through a shim
# preloaded into agon serve (gate.c), so that what they check does not depend on timing.
add_library(agon_gate MODULE ${CMAKE_CURRENT_LIST_DIR}/gate.c)
target_link_libraries(agon_gate PRIVATE ${CMAKE_DL_LIBS})
target_compile_options(agon_gate PRIVATE -Wall -Wextra -Wpedantic $<$<BOOL:${AGON_WERROR}>:-Werror>)
add_test(NAME workbench-save
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/save_test.py $<TARGET_FILE:agon>
          ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json $<TARGET_FILE:agon_gate>)
set_tests_properties(workbench-save PROPERTIES TIMEOUT 300)
# Ctrl-C and SIGTERM: a graceful stop, and a second signal quitting at once (even in a layout).
add_test(NAME workbench-stop
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/stop_test.py $<TARGET_FILE:agon>
          ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json $<TARGET_FILE:agon_gate>)
set_tests_properties(workbench-stop PROPERTIES TIMEOUT 300)
# Under AddressSanitizer its runtime must come before the shim in agon serve's LD_PRELOAD
# (only the server's: the test's Python is not instrumented).
if(CMAKE_CXX_FLAGS MATCHES "sanitize=address")
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so OUTPUT_VARIABLE AGON_GATE_ASAN
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  set_tests_properties(workbench-save workbench-stop PROPERTIES ENVIRONMENT "AGON_PRELOAD_FIRST=${AGON_GATE_ASAN}")
endif()
