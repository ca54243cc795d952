# The package test (CTest `package_consumer`): installs the current build
# into a temporary prefix, builds tests/consumer against it with
# find_package(nnsim), and runs it on the lecture's XOR network (it must
# print the exact result and succeed) and on the AND network (it must fail:
# the output is 0).  Also checks that docs/library.md shows the consumer's
# main.cpp and CMakeLists.txt verbatim, so the documented example cannot drift.
#
# cmake -DNNSIM_SOURCE_DIR=... -DNNSIM_BINARY_DIR=... -DWORK_DIR=...
#       -DGENERATOR=... -DCXX_COMPILER=... [-DCXX_FLAGS=...] -DLIBDIR=lib
#       -DINCLUDEDIR=include -DVERSION=X.Y.Z -P run_consumer_test.cmake
cmake_minimum_required(VERSION 3.25)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()

set(consumer_source ${NNSIM_SOURCE_DIR}/tests/consumer)
file(READ ${NNSIM_SOURCE_DIR}/docs/library.md doc)
foreach(file main.cpp CMakeLists.txt)
  file(READ ${consumer_source}/${file} text)
  string(FIND "${doc}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "docs/library.md does not show tests/consumer/${file} verbatim")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --install ${NNSIM_BINARY_DIR} --prefix ${prefix})
foreach(file ${INCLUDEDIR}/nnsim/nnsim.hpp ${INCLUDEDIR}/nnsim/version.hpp ${INCLUDEDIR}/nnsim/run/simulation.hpp
             ${LIBDIR}/cmake/nnsim/nnsimConfig.cmake ${LIBDIR}/cmake/nnsim/nnsimConfigVersion.cmake)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()
if(EXISTS ${prefix}/${INCLUDEDIR}/nnsim/run/simulator.hpp OR EXISTS ${prefix}/${INCLUDEDIR}/run)
  message(FATAL_ERROR "an internal header was installed")
endif()

run(${CMAKE_COMMAND} -S ${consumer_source} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix}
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${CXX_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)

set(consumer ${WORK_DIR}/build/xor_consumer)
execute_process(COMMAND ${consumer} ${NNSIM_SOURCE_DIR}/networks/lecture/xor.nn
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(expected "nnsim ${VERSION}: halted after 2 steps, output y = 1\n")
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "xor.nn: exit ${rc}, printed\n${out}${err}\nexpected exit 0 and\n${expected}")
endif()
execute_process(COMMAND ${consumer} ${NNSIM_SOURCE_DIR}/networks/lecture/and.nn
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "and.nn (output 0, not 1): expected exit 1, got ${rc}\n${out}${err}")
endif()
message(STATUS "consumer: ${expected}")
