// FTS5 leaf pages (see fts5_index.c, "Segment leaf format"): a 4-byte header (the offset of
// the first row id when the page starts inside a doclist, and the offset of the page footer),
// then terms and their doclists, then a footer of delta-coded term offsets. The first term
// on a page is written in full, later ones as the length shared with the previous term and
// the new bytes. A doclist is a row id (the first in full, then deltas), each followed by a
// position list whose size varint carries the delete flag in its lowest bit.
#include "store/sqlite/fts_segments.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <vector>

namespace kunde::store::sqlite {
namespace {

// FTS5's %_data row ids: segment id, doclist-index flag, height and page number.
constexpr int kPageBits = 31, kHeightBits = 5, kDlidxBits = 1;

// SQLite's varint: big-endian groups of 7 bits, the ninth byte whole. False past `end`.
bool read_varint(const unsigned char*& p, const unsigned char* end, std::uint64_t& v) {
  v = 0;
  for (int i = 0; i < 9; ++i) {
    if (p >= end) return false;
    unsigned char b = *p++;
    if (i == 8) {
      v = (v << 8) | b;
      return true;
    }
    v = (v << 7) | (b & 0x7F);
    if (!(b & 0x80)) return true;
  }
  return true;
}

class LeafReader {
 public:
  LeafReader(const unsigned char* page, std::size_t size,
             const std::function<void(std::int64_t, std::string_view)>& each)
      : page_(page), size_(size), each_(each) {}

  void read() {
    if (size_ < 4) return;
    std::size_t first_rowid = std::size_t{page_[0]} << 8 | page_[1];
    std::size_t footer = std::size_t{page_[2]} << 8 | page_[3];
    if (footer > size_ || footer < 4) return;
    std::vector<std::size_t> terms;
    const unsigned char* p = page_ + footer;
    std::size_t at = 0;
    std::uint64_t delta = 0;
    while (p < page_ + size_ && read_varint(p, page_ + size_, delta)) {
      at += delta;
      if (at >= footer) break;
      terms.push_back(at);
    }
    std::size_t first_term_end = terms.empty() ? footer : terms.front();
    if (first_rowid >= 4 && first_rowid < first_term_end) doclist(first_rowid, first_term_end, "");
    std::string term;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const unsigned char* q = page_ + terms[i];
      const unsigned char* end = page_ + (i + 1 < terms.size() ? terms[i + 1] : footer);
      std::uint64_t keep = 0, add = 0;
      if (i > 0 && !read_varint(q, end, keep)) return;
      if (!read_varint(q, end, add) || keep > term.size() || add > static_cast<std::uint64_t>(end - q)) return;
      term.resize(keep);
      term.append(reinterpret_cast<const char*>(q), add);
      q += add;
      doclist(static_cast<std::size_t>(q - page_), static_cast<std::size_t>(end - page_), term);
    }
  }

 private:
  // Entries of one doclist from `from` to `to`; one that goes on past the page stops here
  // (the next page starts with a row id of its own).
  void doclist(std::size_t from, std::size_t to, const std::string& term) {
    const unsigned char* p = page_ + from;
    const unsigned char* end = page_ + to;
    std::uint64_t rowid = 0, v = 0;
    // Terms start with a byte that names the index ('0' the main one, others prefix indexes).
    std::string_view word = term.empty() ? std::string_view() : std::string_view(term).substr(1);
    bool first = true;
    while (p < end) {
      if (!read_varint(p, end, v)) return;
      rowid = first ? v : rowid + v;
      first = false;
      std::uint64_t header = 0;
      if (!read_varint(p, end, header)) return;
      if (!(header & 1)) each_(static_cast<std::int64_t>(rowid), word);
      std::uint64_t size = header >> 1;
      if (size > static_cast<std::uint64_t>(end - p)) return;
      p += size;
    }
  }

  const unsigned char* page_;
  std::size_t size_;
  const std::function<void(std::int64_t, std::string_view)>& each_;
};

}  // namespace

void for_each_index_entry(Database& db, std::string_view fts,
                          const std::function<void(std::int64_t rowid, std::string_view term)>& each) {
  // Leaf pages: segment id above zero, no doclist-index flag, height zero.
  Statement st(db, fmt::format("SELECT block FROM \"{}_data\" WHERE id >> {} > 0 AND (id >> {}) & {} = 0", fts,
                               kPageBits + kHeightBits + kDlidxBits, kPageBits,
                               (1 << (kHeightBits + kDlidxBits)) - 1));
  while (st.step()) {
    const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(st.handle(), 0));
    auto size = static_cast<std::size_t>(sqlite3_column_bytes(st.handle(), 0));
    if (blob) LeafReader(blob, size, each).read();
  }
}

}  // namespace kunde::store::sqlite
