// libFuzzer target: the JSON (SAX, streaming) and NDJSON readers.
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kunde::fuzz::read_as(data, size, kunde::io::InputFormat::json);
  kunde::fuzz::read_as(data, size, kunde::io::InputFormat::ndjson);
  return 0;
}
