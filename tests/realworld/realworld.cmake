# Real files from public repositories (tests/realworld/corpus, SOURCES.md says
# where each comes from): agon must import each one as the file itself, or the
# tool that wrote it, says.
add_test(NAME realworld-corpus
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_corpus.py --agon $<TARGET_FILE:agon>)
