// What a command may hold in memory, in one place: an import of any size stays within these
// (the README's Performance section promises a peak under 64 MB), whatever module holds it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kunde::budget {

// SQLite's page cache of a connection: imports and statistics refreshes touch many pages.
constexpr int kPageCacheKiB = 16 * 1024;
// The page cache while a large sort runs (deferred index builds, the statistics of many
// customers at once): SQLite sorts in memory up to the cache's size, then spills to disk.
constexpr int kSortingCacheKiB = 4 * 1024;
// A history record's changeset held before it is stored as a segment of its entry.
constexpr std::int64_t kChangesetSegmentBytes = 4 << 20;
// The chunks a stored changeset is written and read in.
constexpr std::size_t kChangesetChunkBytes = 1 << 20;
// Rows read and prepared ahead of the writing thread: batches of rows.
constexpr std::size_t kReadAheadBatches = 4;
constexpr std::size_t kReadAheadBatchRows = 1024;
// Stored contacts a contact import keeps to match rows against, in units of 16 bytes (a
// stored contact is one unit): about 24 MB.
constexpr std::size_t kContactMatchUnits = 1'500'000;
// What SQLite may allocate while `kunde sql` runs one ad hoc query (sorts beyond the page
// cache spill to temporary files; a value as large as this is refused).
constexpr std::int64_t kQueryHeapBytes = 256 << 20;
// Customer references a contact import remembers the answer to.
constexpr std::size_t kRememberedReferences = 20'000;

}  // namespace kunde::budget
