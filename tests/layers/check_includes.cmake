# The layering as a fact: every #include in src/ and include/gge/ points at its own layer or at a
# layer its CMake target USES (the table is written once, by gge_layer() in the top CMakeLists.txt,
# and handed over in LAYER_TABLE). Also: every folder is a known layer, include/gge/ mirrors src/,
# and no two public headers share a file name.
# Run: cmake -DSOURCE_DIR=<repo> -DLAYER_TABLE=<build>/tests/layers.cmake -P check_includes.cmake
cmake_minimum_required(VERSION 3.25)
include(${LAYER_TABLE})  # sets GGE_LAYERS and GGE_LAYER_USES_<layer>

set(problems)

# The layer of a path relative to src/ or include/gge/: its first folder.
function(layer_of relative out)
  string(REGEX MATCH "^[^/]+" first "${relative}")
  set(${out} "${first}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR}
     ${SOURCE_DIR}/src/*.cpp ${SOURCE_DIR}/src/*.hpp ${SOURCE_DIR}/include/gge/*.hpp)
foreach(file IN LISTS files)
  string(REGEX REPLACE "^(src|include/gge)/" "" relative "${file}")
  layer_of("${relative}" layer)
  if(NOT layer IN_LIST GGE_LAYERS)
    list(APPEND problems "${file}: folder '${layer}' is not a layer (gge_layer in CMakeLists.txt)")
    continue()
  endif()
  set(allowed ${layer} ${GGE_LAYER_USES_${layer}})
  file(STRINGS ${SOURCE_DIR}/${file} lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
      continue()
    endif()
    set(target "${CMAKE_MATCH_1}")
    if(target MATCHES "^gge/")            # a public header: include/gge/<layer>/...
      string(REGEX REPLACE "^gge/" "" target_relative "${target}")
    elseif(EXISTS ${SOURCE_DIR}/src/${target})  # a private header: src/<layer>/...
      set(target_relative "${target}")
    else()                                  # a system header, or one beside the file
      continue()
    endif()
    layer_of("${target_relative}" target_layer)
    if(NOT target_layer IN_LIST allowed)
      list(JOIN GGE_LAYER_USES_${layer} " " uses)
      list(APPEND problems
           "${file}: layer '${layer}' includes ${target} of layer '${target_layer}' (it may use: ${uses})")
    endif()
  endforeach()
endforeach()

# include/gge/ mirrors src/: every public folder has its sources' folder.
file(GLOB_RECURSE headers RELATIVE ${SOURCE_DIR}/include/gge ${SOURCE_DIR}/include/gge/*.hpp)
set(names)
foreach(header IN LISTS headers)
  get_filename_component(folder ${header} DIRECTORY)
  if(NOT IS_DIRECTORY ${SOURCE_DIR}/src/${folder})
    list(APPEND problems "include/gge/${header}: no folder src/${folder} mirrors it")
  endif()
  get_filename_component(name ${header} NAME)
  if(name IN_LIST names)
    list(APPEND problems "include/gge/${header}: another public header is also named ${name}")
  endif()
  list(APPEND names ${name})
endforeach()

if(problems)
  foreach(problem IN LISTS problems)
    message("${problem}")  # one unwrapped line each
  endforeach()
  list(LENGTH problems count)
  message(FATAL_ERROR "layering broken: ${count} problem(s) above")
endif()
list(LENGTH files count)
message(STATUS "layers ok: ${count} files")
