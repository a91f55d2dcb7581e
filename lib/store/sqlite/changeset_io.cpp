// Chunked changeset storage.
#include "store/sqlite/changeset_io.hpp"

#include "memory_budget.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace kunde::store::sqlite {
namespace {
constexpr std::size_t kChunkBytes = budget::kChangesetChunkBytes;
}

int ChunkWriter::output(void* self, const void* data, int n) {
  auto* w = static_cast<ChunkWriter*>(self);
  try {
    w->buffer_.append(static_cast<const char*>(data), static_cast<std::size_t>(n));
    w->bytes_ += n;
    if (w->buffer_.size() >= kChunkBytes) w->flush();
  } catch (...) {
    return SQLITE_IOERR;
  }
  return SQLITE_OK;
}

void ChunkWriter::flush() {
  if (buffer_.empty()) return;
  db_.prepare("INSERT INTO history_changes(history_id, segment, seq, data) VALUES (?, ?, ?, ?)")
      .bind(1, id_)
      .bind(2, segment_)
      .bind(3, seq_++)
      .bind_blob(4, buffer_.data(), buffer_.size())
      .run();
  buffer_.clear();
}

ChunkReader::ChunkReader(Database& db, std::int64_t history_id, int segment)
    : chunks_(std::make_unique<Statement>(
          db, "SELECT data FROM history_changes WHERE history_id = ? AND segment = ? ORDER BY seq")) {
  chunks_->bind(1, history_id).bind(2, segment);
}

std::vector<int> history_segments(Database& db, std::int64_t history_id) {
  std::vector<int> out;
  Statement st(db, "SELECT DISTINCT segment FROM history_changes WHERE history_id = ? ORDER BY segment");
  st.bind(1, history_id);
  while (st.step()) out.push_back(static_cast<int>(st.get_int(0)));
  return out;
}

int ChunkReader::input(void* self, void* data, int* n) {
  auto* r = static_cast<ChunkReader*>(self);
  try {
    while (r->offset_ >= r->current_.size() && !r->done_) {
      if (r->chunks_->step()) {
        r->current_ = r->chunks_->get_text(0);
        r->offset_ = 0;
      } else {
        r->done_ = true;
      }
    }
    std::size_t take = std::min<std::size_t>(static_cast<std::size_t>(*n),
                                             r->current_.size() - std::min(r->offset_, r->current_.size()));
    if (take) std::memcpy(data, r->current_.data() + r->offset_, take);
    r->offset_ += take;
    *n = static_cast<int>(take);
  } catch (...) {
    return SQLITE_IOERR;
  }
  return SQLITE_OK;
}

}  // namespace kunde::store::sqlite
