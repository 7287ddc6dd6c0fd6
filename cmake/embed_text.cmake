# Turns a text file into a C++ include: one raw string literal holding the file's bytes.
# Run by the build (cmake -P -DIN=file -DOUT=file.inc); the file must not contain ')gge_text"'.
file(READ ${IN} text)
string(FIND "${text}" ")gge_text\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string delimiter )gge_text\"")
endif()
file(WRITE ${OUT}.tmp "// Generated from ${IN} by cmake/embed_text.cmake. Do not edit.\nR\"gge_text(${text})gge_text\"\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
