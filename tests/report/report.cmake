# The stress-test report: its figures equal the CLI's JSON of eval, explain,
# hinge and robust; tornado order against independent finite differences;
# ACH cells on hand-made graphs; hostile text; omitted sections.
add_test(NAME report-figures
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/report_test.py $<TARGET_FILE:agon> ${PROJECT_SOURCE_DIR})
set_tests_properties(report-figures PROPERTIES TIMEOUT 600)

# The report from C.
add_executable(agon_capi_report ${CMAKE_CURRENT_LIST_DIR}/capi_report.c)
target_link_libraries(agon_capi_report PRIVATE agon_shared)
set_target_properties(agon_capi_report PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
target_compile_options(agon_capi_report PRIVATE -Wall -Wextra -Wpedantic $<$<BOOL:${AGON_WERROR}>:-Werror>)
add_test(NAME report-capi COMMAND agon_capi_report ${CMAKE_CURRENT_BINARY_DIR})

# The PDF's footer with a title too long for one line.
add_test(NAME report-pdf-footer
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/pdf_footer_test.py $<TARGET_FILE:agon>)
set_tests_properties(report-pdf-footer PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
