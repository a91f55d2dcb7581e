// JSON (an array of objects) and NDJSON (one object per line) record reading.
#pragma once

#include "io/byte_source.hpp"
#include "io/records.hpp"

namespace kunde::io {

void read_json(ByteSource& source, RecordSink& sink);
void read_ndjson(ByteSource& source, RecordSink& sink);

}  // namespace kunde::io
