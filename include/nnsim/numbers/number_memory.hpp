// The memory that GMP and MPFR hold for numbers: every exact value (mpq),
// every real:P value (MPFR takes its memory from GMP's allocation
// functions), and the temporaries of the arithmetic.  Once tracking is on
// (mp_set_memory_functions), the bytes in use are counted, so that a
// memory_budget can include them, and an allocation that fails or would pass
// the ceiling ends in `on_failure` instead of GMP's abort().
//
// GMP gives no way back from a failed allocation ("the functions must not
// return NULL ... a longjmp or throwing a C++ exception will have undefined
// results", GMP manual, "Custom Allocation"), so `on_failure` must end the
// process; the command line prints its error and exits with code 3.
#pragma once

#include <cstddef>
#include <string_view>

namespace nnsim {

// Receives the reason ("the numbers need more than the memory limit of ...")
// and must not return.
using number_memory_failure = void (*)(std::string_view reason);

// Installs the counting allocation functions.  Best called first thing in
// main; blocks GMP allocated before are still freed correctly (the same
// malloc is underneath), they are only not counted.  Calling it again
// replaces the handler.
void track_number_memory(number_memory_failure on_failure);

// Bytes GMP and MPFR hold now, as counted since tracking started (0 without
// tracking).
std::size_t number_memory_in_use();

// From now on the numbers may take at most `bytes` more than they hold now
// (a ceiling; the default is none): an allocation past it ends in
// on_failure, naming `bytes` as the memory limit.  The last resort behind a
// memory_budget, for one step that grows the numbers faster than the
// budget's checks between steps can see.
void limit_number_memory_growth(std::size_t bytes);

}  // namespace nnsim
