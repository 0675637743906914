# Interchange formats: every public fixture converts to its expected graph, and
# the Carneades examples get the labels they declare.
foreach(fmt aif kialo carneades argdown)
  add_test(NAME import-${fmt}
    COMMAND ${Python3_EXECUTABLE} ${AGON_SHARED_DIR}/tools/check_import.py --cmd $<TARGET_FILE:agon>
            ${AGON_SHARED_DIR}/data/formats/${fmt})
endforeach()
# The shared fixture mcda-porsche.expected.json predates issue 21 and holds only
# the explicit graph; agon also adds the arguments Carneades instantiates from the
# file's schemes with variables (docs/formats.md §1). Until the fixture lists them,
# that one fixture may differ by extra claims and edges only - nothing missing or
# changed; once the fixture is updated this test fails until these properties go.
set_tests_properties(import-carneades PROPERTIES
  PASS_REGULAR_EXPRESSION "FAIL [^\n]*/mcda-porsche: unexpected claims [^\n]*; unexpected edges"
  FAIL_REGULAR_EXPRESSION "missing claims|missing edges|claim '|[2-9][0-9]* failed")
add_test(NAME carneades-labels
  COMMAND ${Python3_EXECUTABLE} ${AGON_SHARED_DIR}/tools/check_labels.py --cmd $<TARGET_FILE:agon>
          ${AGON_SHARED_DIR}/data/formats/carneades)
