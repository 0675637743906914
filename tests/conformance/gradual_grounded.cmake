# Grounded labellings of claim graphs with support and undercut (SEMANTICS.md §3: deductive,
# necessary and evidential support, undercuts by meta-argumentation), checked by the shared checker.
add_test(NAME bipolar-grounded-vectors
  COMMAND ${Python3_EXECUTABLE} ${AGON_SHARED_DIR}/tools/check_gradual.py --cmd $<TARGET_FILE:agon>
          --only grounded ${AGON_SHARED_DIR}/data/semantics/public.json)
