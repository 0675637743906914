# Python: the agon module under pytest, with the interpreter it was built for.
# One ctest test per file so they run in parallel; the whole area takes well under a minute.
if(NOT TARGET agon_python)
  return()
endif()
set(AGON_PY_TESTS api edit crossface networkx runtime notebook stubs install session docs)
# A sanitizer build of the module loads into an interpreter built without sanitizers: their
# runtimes must come first in the process, and the interpreter's own exit-time allocations are
# not the module's leaks. Sanitized, the cross-face test alone takes over a minute, so the limit
# there leaves room for a machine shared with another build.
set(AGON_PY_SANITIZER_ENV "")
set(AGON_PY_TIMEOUT 120)
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
    OUTPUT_VARIABLE asan_runtime OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libubsan.so
    OUTPUT_VARIABLE ubsan_runtime OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(AGON_PY_SANITIZER_ENV ";LD_PRELOAD=${asan_runtime} ${ubsan_runtime};ASAN_OPTIONS=detect_leaks=0;AGON_SANITIZED=1")
  set(AGON_PY_TIMEOUT 360)
endif()
foreach(name ${AGON_PY_TESTS})
  add_test(NAME python-${name}
    COMMAND ${AGON_PYTHON_EXECUTABLE} -m pytest -q -p no:cacheprovider ${CMAKE_CURRENT_LIST_DIR}/test_${name}.py)
  set_tests_properties(python-${name} PROPERTIES TIMEOUT ${AGON_PY_TIMEOUT} ENVIRONMENT
    "PYTHONPATH=${AGON_PYTHONPATH};PYTHONDONTWRITEBYTECODE=1;AGON_CLI=$<TARGET_FILE:agon>;AGON_C_LIBRARY=$<TARGET_FILE:agon_shared>;AGON_SOURCE_DIR=${PROJECT_SOURCE_DIR};AGON_SHARED_DIR=${AGON_SHARED_DIR};AGON_BUILD_DIR=${PROJECT_BINARY_DIR}${AGON_PY_SANITIZER_ENV}")
endforeach()
