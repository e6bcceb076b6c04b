# sijill_link_archives(TARGET [STATIC_RUNTIME] ARCHIVES name... SHARED name...)
#
# Links the libraries named in ARCHIVES from Debian's static archives (lib<name>.a) into
# TARGET, and the SHARED ones as shared libraries, right after sijill_core: the linker then
# takes those symbols from the archives and --as-needed drops the shared copies sijill_core
# names after them. A process start spent most of its time loading and relocating shared
# libraries (each fault is a trap on this virtual machine): sijill-record lost ~4 ms of its
# ~23 ms `sijill status` this way, sijill-search ~13 ms of a one-record catch-up
# (bench/RESULTS.md). STATIC_RUNTIME also links libstdc++ and libgcc statically, for a binary
# that loads no C++ shared library (Xapian is one).
# The archives come with the -dev packages tools/setup installs; if one is missing, or in a
# sanitizer build (whose runtime must stay the one operator new), TARGET stays dynamic.
# mbedTLS stays shared so that git_handle.cpp's mbedtls_x509_crt_parse_file keeps replacing
# libmbedx509's; GSSAPI (libkrb5, which has no archive in Debian) is not linked at all:
# git_handle.cpp defines the few functions libgit2 calls, and says why.
function(sijill_link_archives target)
  cmake_parse_arguments(ARG "STATIC_RUNTIME" "" "ARCHIVES;SHARED" ${ARGN})
  if(SIJILL_SANITIZE OR SIJILL_FUZZ)
    return()
  endif()
  set(libraries "")
  foreach(name IN LISTS ARG_ARCHIVES)
    find_library(SIJILL_ARCHIVE_${name} NAMES lib${name}.a)
    if(NOT SIJILL_ARCHIVE_${name})
      message(STATUS "${target}: no lib${name}.a, linking it dynamically")
      return()
    endif()
    list(APPEND libraries ${SIJILL_ARCHIVE_${name}})
  endforeach()
  foreach(name IN LISTS ARG_SHARED)
    find_library(SIJILL_SHARED_${name} NAMES ${name})
    if(NOT SIJILL_SHARED_${name})
      message(STATUS "${target}: no ${name}, linking it dynamically")
      return()
    endif()
    list(APPEND libraries ${SIJILL_SHARED_${name}})
  endforeach()
  target_link_libraries(${target} PRIVATE ${libraries})
  if(ARG_STATIC_RUNTIME)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
  endif()
  message(STATUS "${target}: ${ARG_ARCHIVES} linked statically")
endfunction()
