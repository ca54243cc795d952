// The trace viewer's own files, built into the library by CMake from
// src/viewing/trace_page.html, .css and the script's parts in
// src/viewing/page/ (trace_page_assets.cpp.in).
#pragma once

namespace nnsim {

extern const char* const trace_page_html;    // with {{TITLE}}, {{STYLE}}, {{SCRIPT}} and {{DATA}} to fill
extern const char* const trace_page_style;
extern const char* const trace_page_script;

}  // namespace nnsim
