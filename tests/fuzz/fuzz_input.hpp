// Helpers for fuzz targets: the readers take a path, so each input goes through a file.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "error.hpp"
#include "io/records.hpp"

namespace kunde::fuzz {

// A sink that only looks at what it is given, so the sanitizers see every byte read.
class CountingSink : public io::RecordSink {
 public:
  void on_header(const std::vector<std::string>& header) override { n_ += header.size(); }
  void on_record(const io::Record& r) override { n_ += r.fields.size() + r.error.size() + r.line; }

 private:
  std::size_t n_ = 0;
};

inline void read_as(const uint8_t* data, size_t size, io::InputFormat format, const std::string& encoding = {}) {
  static const std::string path = "/tmp/kunde-fuzz-" + std::to_string(getpid());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  io::ReadOptions options;
  options.format = format;
  options.encoding = encoding;
  CountingSink sink;
  try {
    io::read_records(path, options, sink);
  } catch (const Error&) {
    // Rejecting bad input with a message is the expected outcome; crashing is not.
  }
}

}  // namespace kunde::fuzz
