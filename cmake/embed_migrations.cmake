# Turns schema/NNNN_name.sql into a C++ include: an array of {version, name, sql}.
# Run by the build (cmake -P); the version is the file's four-digit prefix.
file(GLOB files ${DIR}/*.sql)
list(SORT files)
set(body "// Generated from schema/*.sql by cmake/embed_migrations.cmake. Do not edit.\n")
foreach(f IN LISTS files)
  get_filename_component(name ${f} NAME_WE)
  string(SUBSTRING ${name} 0 4 version)
  string(REGEX REPLACE "^0+" "" version "${version}")  # 0008 is not octal here
  file(READ ${f} sql)
  string(APPEND body "{${version}, \"${name}\", R\"gge_sql(${sql})gge_sql\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
