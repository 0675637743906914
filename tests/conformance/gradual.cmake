# Gradual-semantics and bipolar grounded test vectors (SEMANTICS.md), cross-checked by the shared checker.
add_test(NAME gradual-vectors
  COMMAND ${Python3_EXECUTABLE} ${AGON_SHARED_DIR}/tools/check_gradual.py --cmd $<TARGET_FILE:agon>
          --skip carneades ${AGON_SHARED_DIR}/data/semantics/public.json)
