// libFuzzer target: the CSV reader (libcsv), as UTF-8 and through iconv as cp1252.
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kunde::fuzz::read_as(data, size, kunde::io::InputFormat::csv);
  kunde::fuzz::read_as(data, size, kunde::io::InputFormat::csv, "cp1252");
  return 0;
}
