// Reading a text file one line at a time, for input that is worked on as it
// arrives (nnsim eval --inputs): a line is handed out as soon as its end
// has been read, so a program that writes rows into a pipe gets each row's
// result before it writes the next.  Lines end as in every loader (LF,
// CRLF or a lone CR, in any mix; split_lines in support/text.hpp), and a
// UTF-8 byte order mark at the start is skipped.  The whole text may be of
// any length; one line may not pass max_text_file_bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace nnsim {

class line_reader {
 public:
  // Opens `path`, "-" for standard input (which is not closed).  Throws
  // input_error when the file cannot be opened.
  explicit line_reader(const std::string& path);
  ~line_reader();
  line_reader(const line_reader&) = delete;
  line_reader& operator=(const line_reader&) = delete;

  // The next line, without its line end, into `line`; false at the end of
  // the text.  As with split_lines, a text that ends in a line end has no
  // empty line after it.  Throws input_error when reading fails (a folder,
  // a closed standard input) or a line is longer than max_text_file_bytes.
  bool next(std::string& line);

  // The 1-based number of the line next() returned last.
  std::uint32_t line_number() const { return line_number_; }
  // The bytes of the byte order mark that the first line started with
  // (0 or 3): columns on line 1 count them, as in every loader.
  std::size_t bom_length() const { return bom_length_; }
  // "<stdin>" or the path, for messages.
  const std::string& source_name() const { return source_name_; }

 private:
  // Reads more into buffer_; false at the end of the text.
  bool fill();

  int fd_ = -1;
  bool owns_fd_ = false;
  std::string source_name_;
  std::string what_;             // "standard input" or "'PATH'", for read errors
  std::string buffer_;
  std::size_t position_ = 0;     // next unread byte of buffer_
  bool at_end_ = false;
  bool after_cr_ = false;        // the last line ended at '\r': a '\n' next belongs to it
  std::uint32_t line_number_ = 0;
  std::size_t bom_length_ = 0;
};

}  // namespace nnsim
