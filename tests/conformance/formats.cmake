# Interchange formats: every public fixture converts to its expected graph (--strict: titles,
# tags, base scores and weights too, FORMATS.md), and the Carneades examples get the labels they
# declare.
foreach(fmt aif kialo carneades argdown)
  add_test(NAME import-${fmt}
    COMMAND ${Python3_EXECUTABLE} ${AGON_SHARED_DIR}/tools/check_import.py --strict --cmd $<TARGET_FILE:agon>
            ${AGON_SHARED_DIR}/data/formats/${fmt})
endforeach()
# The shared fixture mcda-porsche.expected.json predates issue 21 and holds only
# the explicit graph; agon also adds the arguments Carneades instantiates from the
# file's schemes with variables, and the issues its issue schemes make (docs/formats.md §1).
# Until the fixture lists them it must be the one failure (printed just before the summary),
# and apart from tags it may differ by extra claims and edges only - nothing missing or
# changed; once the fixture is updated these tests fail until these properties go.
set_tests_properties(import-carneades PROPERTIES
  PASS_REGULAR_EXPRESSION "FAIL [^\n]*/mcda-porsche: unexpected claims [^\n]*\n[0-9]+ passed, 1 failed")
add_test(NAME import-carneades-mcda
  COMMAND ${Python3_EXECUTABLE} ${AGON_SHARED_DIR}/tools/check_import.py --only mcda-porsche --cmd $<TARGET_FILE:agon>
          ${AGON_SHARED_DIR}/data/formats/carneades)
set_tests_properties(import-carneades-mcda PROPERTIES
  PASS_REGULAR_EXPRESSION "FAIL [^\n]*/mcda-porsche: unexpected claims [^\n]*; unexpected edges"
  FAIL_REGULAR_EXPRESSION "missing claims|missing edges|claim '")
add_test(NAME carneades-labels
  COMMAND ${Python3_EXECUTABLE} ${AGON_SHARED_DIR}/tools/check_labels.py --cmd $<TARGET_FILE:agon>
          ${AGON_SHARED_DIR}/data/formats/carneades)
