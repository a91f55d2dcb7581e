// Search words: the text of customers and contacts, folded as lib/text folds it (so `bjorn`
// finds Bjørn), split into words as SQLite's unicode61 tokenizer splits folded text, and
// kept as a tsvector of exact lexemes (no stemming, no stop words). A query word matches the
// start of a word, as an fts5 prefix query does. Imports leave the words of what they add in
// search_pending, by key range, for the next search (as on SQLite).
#include <fmt/format.h>

#include <clocale>
#include <cstdint>
#include <cwctype>
#include <locale.h>
#include <optional>
#include <string>

#include "store/pg/derived.hpp"
#include "text/utf8.hpp"

namespace kunde::store::pg {
namespace {

std::int32_t decode(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (!len || i + len > s.size()) {
    ++i;
    return -1;
  }
  std::int32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void encode(std::int32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Unicode classes and lower case for letters outside ASCII (Greek, Cyrillic, ...), from the C
// library's UTF-8 tables: unicode61 treats letters, digits and private use as word characters
// and lower-cases every script.
locale_t unicode_locale() {
  static locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return loc;
}

bool word_char(std::int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp >= 0xE000 && cp <= 0xF8FF) return true;  // private use
  locale_t loc = unicode_locale();
  return loc ? iswalnum_l(static_cast<wint_t>(cp), loc) != 0 : true;
}

std::int32_t lower(std::int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  locale_t loc = unicode_locale();
  return loc ? static_cast<std::int32_t>(towlower_l(static_cast<wint_t>(cp), loc)) : cp;
}

// The tokens of already folded text.
template <typename Each>
void tokens(std::string_view s, Each&& each) {
  std::string word;
  std::size_t i = 0;
  while (i < s.size()) {
    std::int32_t cp = decode(s, i);
    if (cp > 0 && word_char(cp)) {
      encode(lower(cp), word);
    } else if (!word.empty()) {
      each(word);
      word.clear();
    }
  }
  if (!word.empty()) each(word);
}

// A lexeme in tsvector/tsquery input syntax.
void quote(std::string& out, std::string_view word) {
  out += '\'';
  for (char ch : word) {
    if (ch == '\'' || ch == '\\') out += ch;
    out += ch;
  }
  out += '\'';
}

// tsvector keeps lexemes under 2 KB; a longer "word" is no word anyone searches for.
constexpr std::size_t kMaxLexeme = 2046;

}  // namespace

std::string search_words(const std::vector<std::string_view>& texts, std::uint32_t joined) {
  std::string out;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const bool join = i < 32 && (joined >> i & 1u);
    tokens(join ? text::fold_for_search(texts[i]) : text::fold(texts[i]), [&](const std::string& w) {
      if (w.size() > kMaxLexeme) return;
      if (!out.empty()) out += ' ';
      quote(out, w);
    });
  }
  return out;
}

std::vector<std::string> query_terms(std::string_view text) {
  // As fts_terms() on SQLite: ASCII letters and digits and any byte of a multibyte character.
  std::string folded = text::fold(text);
  std::vector<std::string> out;
  std::string word;
  for (char ch : folded) {
    bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || static_cast<unsigned char>(ch) >= 0x80;
    if (alnum) {
      word += ch;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string search_term(std::string_view word) {
  std::vector<std::string> parts;
  tokens(word, [&](const std::string& w) { parts.push_back(w.substr(0, kMaxLexeme)); });
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += " <-> ";
    quote(out, parts[i]);
    if (i + 1 == parts.size()) out += ":*";
  }
  return out;
}

namespace {

struct Index {
  const char* table;   // the search table
  const char* key;     // its key column
  const char* base;    // the base table, as search_pending names it
  const char* select;  // the base rows' texts, key first
  std::uint32_t joined;  // bit i: the i-th text's words written with apostrophes are kept joined too
};

// Custom attributes are searched by their values, not their names.
constexpr Index kCustomers{"customer_search", "customer_id", "customers",
                           "SELECT id, name, email, trim(coalesce(phone_e164, '') || ' ' || coalesce(phone, '')), city, "
                           "notes, contact_person, CASE WHEN attributes <> '{}'::jsonb THEN "
                           "(SELECT string_agg(value, ' ') FROM jsonb_each_text(attributes)) END FROM customers",
                           0b1111001};  // name, city, notes, contact person, attributes (as on SQLite)
constexpr Index kContacts{"contact_search", "contact_id", "contacts", "SELECT id, subject, notes FROM contacts", 0};

const Index& index_of(SearchTable t) { return t == SearchTable::customers ? kCustomers : kContacts; }

// Writes the words of the rows `where` selects (with `params`).
void write_words(Connection& db, const Index& ix, const std::string& where, const Params& params) {
  std::string data;
  std::int64_t rows = 0;
  auto send = [&] {
    if (rows) db.copy_in(fmt::format("COPY {}({}, words) FROM STDIN", ix.table, ix.key), data);
    data.clear();
    rows = 0;
  };
  std::vector<std::string_view> texts;
  db.stream(fmt::format("{} WHERE {}", ix.select, where), params, [&](const Row& r) {
    texts.clear();
    for (int c = 1; c < r.columns(); ++c) texts.push_back(r.is_null(c) ? std::string_view() : r.text_view(c));
    copy_field(data, r.int64(0));
    copy_field(data, std::string_view(search_words(texts, ix.joined)), true);
    if (++rows >= 20000) send();
  });
  send();
}

}  // namespace

void refresh_search(Connection& db, SearchTable table, const std::vector<std::int64_t>& keys) {
  if (keys.empty()) return;
  const Index& ix = index_of(table);
  std::string ids = int_array(keys);
  db.exec(fmt::format("DELETE FROM {} WHERE {} = ANY ($1::bigint[])", ix.table, ix.key), Params(ids));
  write_words(db, ix, "id = ANY ($1::bigint[])", Params(ids));
}

void defer_search(Connection& db, SearchTable table, std::int64_t lo, std::int64_t hi) {
  db.exec("INSERT INTO search_pending(tbl, lo, hi) VALUES ($1, $2, $3)", Params(index_of(table).base, lo, hi));
}

void defer_keys(Connection& db, SearchTable table, const std::vector<std::int64_t>& keys) {
  // Runs of consecutive keys become one range each.
  std::size_t i = 0;
  while (i < keys.size()) {
    std::size_t j = i;
    while (j + 1 < keys.size() && keys[j + 1] == keys[j] + 1) ++j;
    defer_search(db, table, keys[i], keys[j]);
    i = j + 1;
  }
}

void apply_pending_search(Connection& db) {
  Result pending = db.exec("SELECT tbl, lo, hi FROM search_pending");
  for (int i = 0; i < pending.rows(); ++i) {
    auto row = pending.row(i);
    const Index& ix = row.text_view(0) == "customers" ? kCustomers : kContacts;
    Params range(row.int64(1), row.int64(2));
    db.exec(fmt::format("DELETE FROM {} WHERE {} BETWEEN $1 AND $2", ix.table, ix.key), range);
    write_words(db, ix, "id BETWEEN $1 AND $2", range);
  }
  db.run("DELETE FROM search_pending");
}

void update_search_index(Connection& db) {
  if (db.scalar("SELECT count(*) FROM (SELECT 1 FROM search_pending LIMIT 1) p") == 0) return;
  Transaction tx(db, Transaction::Kind::write);
  apply_pending_search(db);
  tx.commit();
}

}  // namespace kunde::store::pg
