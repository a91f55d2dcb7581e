// Streams changesets into and out of the history_changes table in chunks, so neither
// recording nor undoing a large import needs the whole changeset in memory.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

class ChunkWriter {
 public:
  ChunkWriter(Database& db, std::int64_t history_id, int segment)
      : db_(db), id_(history_id), segment_(segment) {}
  // Matches the xOutput signature of sqlite3session_changeset_strm.
  static int output(void* self, const void* data, int n);
  void flush();
  std::int64_t bytes() const { return bytes_; }

 private:
  Database& db_;
  std::int64_t id_;
  int segment_;
  std::int64_t seq_ = 0;
  std::int64_t bytes_ = 0;
  std::string buffer_;
};

class ChunkReader {
 public:
  ChunkReader(Database& db, std::int64_t history_id, int segment);
  // Matches the xInput signature of the *_strm changeset functions.
  static int input(void* self, void* data, int* n);

 private:
  std::unique_ptr<Statement> chunks_;
  std::string current_;
  std::size_t offset_ = 0;
  bool done_ = false;
};

// The segments an entry was recorded in, oldest first.
std::vector<int> history_segments(Database& db, std::int64_t history_id);

}  // namespace kunde::store::sqlite
