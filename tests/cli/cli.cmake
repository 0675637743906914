# Command-line behaviour on bad input (exit 2, one clear line, no partial output).
add_test(NAME cli-bad-inputs COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/bad_inputs.py $<TARGET_FILE:agon>)
