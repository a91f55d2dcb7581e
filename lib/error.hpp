// The one error type the library throws: a message for the user and a hint on what to do.
#pragma once

#include <stdexcept>
#include <string>

namespace kunde {

class Error : public std::runtime_error {
 public:
  explicit Error(std::string message, std::string hint = {})
      : std::runtime_error(std::move(message)), hint_(std::move(hint)) {}
  const std::string& hint() const noexcept { return hint_; }

 private:
  std::string hint_;
};

// The user asked for something that cannot make sense (bad option value, unknown name):
// the command line is at fault, not the data, so the exit code is 2.
class UsageError : public Error {
 public:
  using Error::Error;
};

// The database itself failed (disk full, locked, damaged): never a problem of one input row.
class StoreError : public Error {
 public:
  using Error::Error;
};

}  // namespace kunde
