// libFuzzer target: phone numbers. Whatever the text, reading it never crashes, the fast
// path gives exactly what libphonenumber's full parser gives, and an E.164 result reads
// back as itself.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "model/phone.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kunde;
  if (size > 64) return 0;  // no phone number is longer; the parser's cost grows with it
  std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* region : {"NO", "SE", "DE", "US", "GB", "FR", "BR", ""}) {
    auto fast = model::to_e164(text, region);
    auto full = model::to_e164_full(text, region);
    if (fast != full) std::abort();
    if (fast && model::to_e164(*fast, region) != fast) std::abort();
  }
  return 0;
}
