// Reads an input file (or standard input for "-") as UTF-8 in chunks: converts legacy
// encodings with iconv, strips a byte-order mark, and detects UTF-16 by its BOM.
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace kunde::io {

class ByteSource {
 public:
  // `encoding` empty means UTF-8 (or UTF-16 when the file starts with its BOM).
  ByteSource(const std::string& path, const std::string& encoding);
  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Fills `buf` with up to `n` bytes of UTF-8; returns 0 at the end of the input.
  std::size_t read(char* buf, std::size_t n);
  // The first byte that is not white space, without consuming anything (0 for empty input).
  char peek_significant();
  // The name for messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }
  // Newlines handed out so far: lets a reader say on which line a conversion failed.
  std::size_t newlines() const { return newlines_; }

 private:
  std::size_t read_raw(char* buf, std::size_t n);
  std::size_t read_converted(char* buf, std::size_t n);
  std::size_t convert(char* buf, std::size_t n);

  std::string name_;
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  void* iconv_ = nullptr;
  std::string encoding_;
  std::string lookahead_;  // UTF-8 read by peek_significant, handed out first
  std::string pending_;  // raw bytes not yet converted
  std::string start_;    // bytes read ahead while sniffing the BOM
  bool sniffed_ = false;
  bool eof_ = false;
  bool converted_any_ = false;
  std::size_t newlines_ = 0;
};

// Hands `each` every line of the source with its number (from 1), including its '\n'; a
// last line without one gets one. Lines are views into a buffer that lives only for the call.
void for_each_line(ByteSource& source, const std::function<void(std::string_view line, std::size_t number)>& each);

// The iconv name for an encoding as users write it ("latin1" is read as cp1252, which is
// what files called Latin-1 nearly always are). Throws kunde::UsageError for unknown ones.
std::string iconv_name(const std::string& encoding);

}  // namespace kunde::io
