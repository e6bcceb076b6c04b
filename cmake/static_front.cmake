# `sijill` (the front binary) links libgit2, yaml-cpp, libdeflate, libstdc++ and what they
# need from Debian's static archives. Loading and relocating those 17 shared libraries took
# ~4 ms of the ~23 ms of a `sijill status` (bench/RESULTS.md, "static front"): as much as all
# of its YAML.
# The archives come with the -dev packages tools/setup installs; if one is missing, or in a
# sanitizer build (whose runtime must stay the one operator new), the front stays dynamic.
# mbedTLS stays shared so that git_handle.cpp's mbedtls_x509_crt_parse_file keeps replacing
# libmbedx509's, and GSSAPI (libkrb5) has no archive in Debian.
set(SIJILL_FRONT_ARCHIVES git2 yaml-cpp deflate http_parser ssh2 crypto pcre2-8 z)
set(SIJILL_FRONT_SHARED mbedtls mbedx509 mbedcrypto libgssapi_krb5.so.2)
set(static_front_libraries "")
if(SIJILL_SANITIZE OR SIJILL_FUZZ)
  set(static_front_ok FALSE)
else()
  set(static_front_ok TRUE)
endif()
if(static_front_ok)
  foreach(name IN LISTS SIJILL_FRONT_ARCHIVES)
    find_library(SIJILL_ARCHIVE_${name} NAMES lib${name}.a)
    if(NOT SIJILL_ARCHIVE_${name})
      message(STATUS "sijill front: no lib${name}.a, linking the front binary dynamically")
      set(static_front_ok FALSE)
      break()
    endif()
    list(APPEND static_front_libraries ${SIJILL_ARCHIVE_${name}})
  endforeach()
endif()
if(static_front_ok)
  foreach(name IN LISTS SIJILL_FRONT_SHARED)
    find_library(SIJILL_SHARED_${name} NAMES ${name})
    if(NOT SIJILL_SHARED_${name})
      message(STATUS "sijill front: no ${name}, linking the front binary dynamically")
      set(static_front_ok FALSE)
      break()
    endif()
    list(APPEND static_front_libraries ${SIJILL_SHARED_${name}})
  endforeach()
endif()
if(static_front_ok)
  # Listed right after sijill_core, so the linker takes libgit2's and yaml-cpp's symbols from
  # the archives and --as-needed then drops the shared copies sijill_core names after them.
  target_link_libraries(sijill PRIVATE ${static_front_libraries})
  target_link_options(sijill PRIVATE -static-libstdc++ -static-libgcc)
  message(STATUS "sijill front: libgit2, yaml-cpp and libstdc++ linked statically")
endif()
