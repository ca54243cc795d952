// The text of networks/universal/rogozhin-4-6.tm, built into the library
// (src/universal/rogozhin_machine_text.cpp.in, filled in by CMake), so that
// the universal network needs no file at run time.
#pragma once

namespace nnsim {

extern const char* const rogozhin_machine_text;

}  // namespace nnsim
