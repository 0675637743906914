# Command-line behaviour on bad input (exit 2, one clear line, no partial output).
# Sanitizer runtimes reserve terabytes of address space, so the ulimit cases
# run only in plain builds.
set(AGON_BAD_INPUT_FLAGS "")
if(CMAKE_CXX_FLAGS MATCHES "sanitize")
  set(AGON_BAD_INPUT_FLAGS --no-ulimit)
endif()
add_test(NAME cli-bad-inputs COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/bad_inputs.py $<TARGET_FILE:agon>
         ${AGON_BAD_INPUT_FLAGS})
