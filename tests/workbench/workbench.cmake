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
add_test(NAME workbench-browser
  COMMAND ${CMAKE_COMMAND} -E env sh -c
    "test -d node_modules/puppeteer-core && test -x /usr/bin/chromium || exit 77; exec node workbench.test.js \"$0\" \"$1\" \"$2\""
    $<TARGET_FILE:agon> ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json ${CMAKE_BINARY_DIR}/workbench-screenshots
  WORKING_DIRECTORY ${AGON_BROWSER_DIR})
set_tests_properties(workbench-browser PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)

add_test(NAME workbench-odd-ids
  COMMAND ${CMAKE_COMMAND} -E env sh -c
    "test -d node_modules/puppeteer-core && test -x /usr/bin/chromium || exit 77; exec node odd_ids.test.js \"$0\""
    $<TARGET_FILE:agon>
  WORKING_DIRECTORY ${AGON_BROWSER_DIR})
set_tests_properties(workbench-odd-ids PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)

add_test(NAME workbench-http
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/http_test.py $<TARGET_FILE:agon>
          ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json)
set_tests_properties(workbench-http PROPERTIES TIMEOUT 120)

add_test(NAME workbench-save
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/save_test.py $<TARGET_FILE:agon>
          ${PROJECT_SOURCE_DIR}/graphs/mexico_us_security.json)
set_tests_properties(workbench-save PROPERTIES TIMEOUT 300)
