# ICCMA 2023 conformance on the public frameworks: every task, answers and
# certificates verified by the shared checker (gringo/clasp for maximality).
add_test(NAME iccma-public
  COMMAND ${Python3_EXECUTABLE} ${AGON_SHARED_DIR}/tools/iccma_check.py
          --solver "$<TARGET_FILE:agon> iccma" --set ${AGON_SHARED_DIR}/data/iccma/public
          --witness strict --jobs 2 --timeout 120)
# About 130 s in a release-like build; ten times that and more under the sanitizers, when the
# other tests share the 2 cores (1,200 s was hit there).
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
  set_tests_properties(iccma-public PROPERTIES TIMEOUT 3000)
else()
  set_tests_properties(iccma-public PROPERTIES TIMEOUT 1200)
endif()
# The same interface through the stand-alone agon-iccma program.
add_test(NAME iccma-entry-point COMMAND $<TARGET_FILE:agon-iccma> --problems)
set_tests_properties(iccma-entry-point PROPERTIES PASS_REGULAR_EXPRESSION "SE-SST")
