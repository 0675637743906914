# Gradual, bipolar grounded and Carneades test vectors (SEMANTICS.md §8), checked by the shared checker.
# Every semantics of the file is implemented, so nothing is skipped.
add_test(NAME gradual-vectors
  COMMAND ${Python3_EXECUTABLE} ${AGON_SHARED_DIR}/tools/check_gradual.py --cmd $<TARGET_FILE:agon>
          ${AGON_SHARED_DIR}/data/semantics/public.json)
