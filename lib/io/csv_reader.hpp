// CSV/TSV record reading (see records.hpp).
#pragma once

#include "io/byte_source.hpp"
#include "io/records.hpp"

namespace kunde::io {

void read_csv(ByteSource& source, char separator, RecordSink& sink);

}  // namespace kunde::io
