# Python: the agon module under pytest, with the interpreter it was built for.
# One ctest test per file so they run in parallel; the whole area takes well under a minute.
if(NOT TARGET agon_python)
  return()
endif()
set(AGON_PY_TESTS api edit crossface networkx runtime notebook stubs install session)
foreach(name ${AGON_PY_TESTS})
  add_test(NAME python-${name}
    COMMAND ${AGON_PYTHON_EXECUTABLE} -m pytest -q -p no:cacheprovider ${CMAKE_CURRENT_LIST_DIR}/test_${name}.py)
  set_tests_properties(python-${name} PROPERTIES TIMEOUT 120 ENVIRONMENT
    "PYTHONPATH=${AGON_PYTHONPATH};PYTHONDONTWRITEBYTECODE=1;AGON_CLI=$<TARGET_FILE:agon>;AGON_C_LIBRARY=$<TARGET_FILE:agon_shared>;AGON_SOURCE_DIR=${PROJECT_SOURCE_DIR};AGON_SHARED_DIR=${AGON_SHARED_DIR};AGON_BUILD_DIR=${PROJECT_BINARY_DIR}")
endforeach()
