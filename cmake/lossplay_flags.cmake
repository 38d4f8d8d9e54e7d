# Flag sets applied target by target (never directory-wide), shared by the folders' CMakeLists.

set(LOSSPLAY_SANITIZERS -fsanitize=address,undefined)

# The warnings the core is held to.
function(lossplay_strict_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion)
endfunction()

# With LOSSPLAY_SANITIZE: compile `target` with ASan and UBSan (stop at the first report).
# The core also passes the link flag on to every target that links it.
function(lossplay_sanitize target)
  if(NOT LOSSPLAY_SANITIZE)
    return()
  endif()
  target_compile_options(${target} PRIVATE ${LOSSPLAY_SANITIZERS} -fno-sanitize-recover=all
                                           -fno-omit-frame-pointer)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_link_options(${target} PRIVATE ${LOSSPLAY_SANITIZERS})
  else()
    target_link_options(${target} INTERFACE ${LOSSPLAY_SANITIZERS})
  endif()
endfunction()
