#include "nnsim/run/run_limits.hpp"

namespace nnsim {

std::string_view name_of(run_status s) {
  switch (s) {
    case run_status::halted: return "halted";
    case run_status::diverges: return "diverges";
    case run_status::undecided: return "undecided";
  }
  return "?";
}

}  // namespace nnsim
