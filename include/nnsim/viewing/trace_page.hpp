// The trace viewer (nnsim view): one self-contained HTML file that draws a
// network and lets a person step through a recorded computation in any
// browser, offline.  The page's script and styles are the project's own
// (src/viewing/page/*.js, trace_page.css, .html, built into the library); the
// network, its layout and the trace are written into the page as JSON, each
// step as only the values it changed (recorded_trace.hpp).
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/viewing/network_layout.hpp"
#include "nnsim/viewing/recorded_trace.hpp"

#include <string>
#include <vector>

namespace nnsim {

// What the page says about the computation, in the words of the command
// line: the library does not format verdicts.
struct trace_page_description {
  std::string title;                       // the window's title and the heading
  std::vector<std::string> lines;          // under the heading: input, rule, number mode
  std::vector<std::string> verdict_lines;  // the verdict as `nnsim run` prints it
};

// The whole HTML document.
std::string write_trace_page(const network& net, const network_layout& layout, const recorded_trace& trace,
                             const trace_page_description& description);

}  // namespace nnsim
