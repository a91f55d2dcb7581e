// Where a command's data goes: standard output, or a file that appears only once it is
// complete. Every write is checked: a full disk, a file size limit or a closed pipe ends
// the command with OutputError instead of leaving it to believe all went well.
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include "error.hpp"

namespace kunde::io {

// Writing the output failed. `closed_pipe`: the reader went away (`kunde ... | head`), which
// is no failure of the command.
class OutputError : public Error {
 public:
  OutputError(std::string message, std::string hint, bool closed_pipe)
      : Error(std::move(message), std::move(hint)), closed_pipe_(closed_pipe) {}
  bool closed_pipe() const { return closed_pipe_; }

 private:
  bool closed_pipe_;
};

// An output stream over a file descriptor whose failures throw OutputError.
class Output {
 public:
  virtual ~Output() = default;
  virtual std::ostream& stream() = 0;
  // Writes out everything; for a file, makes it appear under its name. Throws OutputError.
  virtual void finish() = 0;
};

// Standard output (descriptor 1).
std::unique_ptr<Output> standard_output();
// A file written as a temporary file beside `path` and renamed to it by finish(); without
// finish() (an error, an interrupted command) the temporary file is removed and `path` is
// left as it was. A symbolic link is followed (the link stays). What exists and is not a
// regular file (/dev/null, /dev/stdout, a FIFO) is written in place.
std::unique_ptr<Output> file_output(const std::string& path);

}  // namespace kunde::io
