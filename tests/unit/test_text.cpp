// text/utf8: folding, display width, truncation and validation.
#include <doctest/doctest.h>

#include <string>

#include "text/utf8.hpp"

using namespace kunde::text;
using std::string;

TEST_CASE("fold lower-cases and removes diacritics") {
  CHECK(fold("Bjørn Åberg") == "bjorn aberg");
  CHECK(fold("Göteborg") == "goteborg");
  CHECK(fold("ÉCOLE Ñandú") == "ecole nandu");
  CHECK(fold("Åse") == "ase");
  CHECK(fold("plain ascii 123") == "plain ascii 123");
}

TEST_CASE("fold spells out letters that do not decompose") {
  CHECK(fold("Ærlig") == "aerlig");
  CHECK(fold("æ") == "ae");
  CHECK(fold("Straße") == "strasse");
  CHECK(fold("Đorđe") == "dorde");
  CHECK(fold("Łódź") == "lodz");
  CHECK(fold("Þór") == "thor");
  CHECK(fold("Œuvre") == "oeuvre");
}

TEST_CASE("fold treats decomposed text like composed text") {
  CHECK(fold("Cafe\xCC\x81") == "cafe");          // e + U+0301
  CHECK(fold("A\xCC\x8A" "se") == "ase");        // A + U+030A ring above
  CHECK(fold("Caf\xC3\xA9") == fold("Cafe\xCC\x81"));
}

TEST_CASE("fold drops invalid bytes and keeps other scripts") {
  CHECK(fold("a\xFF" "b") == "ab");
  CHECK(fold("東京") == "東京");
}

TEST_CASE("fold_for_search adds words written with an apostrophe, joined") {
  CHECK(fold_for_search("O'Reilly Media") == "o'reilly media oreilly");
  CHECK(fold_for_search("D\u2019Angelo & l'Oréal") == "d\u2019angelo & l'oreal dangelo loreal");
  CHECK(fold_for_search("Rock 'n' roll, the '90s") == "rock 'n' roll, the '90s");
  CHECK(fold_for_search("it's") == "it's its");
  CHECK(fold_for_search("rock'n'roll") == "rock'n'roll rocknroll");
  CHECK(fold_for_search("Bjørn") == "bjorn");
  CHECK(fold_for_search("") == "");
  CHECK(fold_for_search("x'\xff'y") == "x''y");  // fold drops the invalid byte; two apostrophes part words
}

TEST_CASE("display_width counts terminal columns") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("Bjørn Åberg") == 11);
  CHECK(display_width("日本") == 4);
  CHECK(display_width("한국") == 4);
  CHECK(display_width("Ｆ") == 2);  // fullwidth form
  CHECK(display_width("e\xCC\x81") == 1);
  CHECK(display_width("a\xCC\x81\xCC\x88") == 1);  // two combining marks
  CHECK(display_width("a\xE2\x80\x8B" "b") == 2);   // zero-width space
}

TEST_CASE("truncate_to_width cuts at columns and marks the cut") {
  CHECK(truncate_to_width("abc", 3) == "abc");
  CHECK(truncate_to_width("abcd", 3) == "ab…");
  CHECK(truncate_to_width("Bjørn Åberg", 11) == "Bjørn Åberg");
  CHECK(truncate_to_width("Bjørn Åberg", 6) == "Bjørn…");
  CHECK(display_width(truncate_to_width("Bjørn Åberg", 6)) == 6);
  CHECK(truncate_to_width("日本語", 4) == "日…");
  CHECK(truncate_to_width("日本語", 5) == "日本…");
  CHECK(truncate_to_width("abc", 0) == "");
  CHECK(truncate_to_width("abc", 1) == "…");
  // A combining mark stays with its letter.
  CHECK(truncate_to_width("e\xCC\x81" "abc", 2) == "e\xCC\x81…");
}

TEST_CASE("find_invalid_utf8 finds the first bad byte") {
  const auto npos = std::string_view::npos;
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("Bjørn Åberg 日本 😀") == npos);
  CHECK(is_valid_utf8("Göteborg"));
  SUBCASE("overlong forms") {
    CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);
    CHECK(find_invalid_utf8("\xC1\xBF") == 0);
    CHECK(find_invalid_utf8("x\xE0\x80\xAF") == 1);
    CHECK(find_invalid_utf8("xy\xF0\x80\x80\xAF") == 2);
  }
  SUBCASE("surrogates") {
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);
    CHECK(find_invalid_utf8("ok\xED\xBF\xBF") == 2);
    CHECK(find_invalid_utf8("\xED\x9F\xBF") == npos);  // U+D7FF is fine
  }
  SUBCASE("truncated sequences") {
    CHECK(find_invalid_utf8("abc\xE2\x82") == 3);
    CHECK(find_invalid_utf8("abc\xC3") == 3);
    CHECK(find_invalid_utf8("\xE2\x82" "a") == 0);
  }
  SUBCASE("stray and out-of-range bytes") {
    CHECK(find_invalid_utf8("a\x80") == 1);
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // past U+10FFFF
    CHECK(find_invalid_utf8("\xF8\x88\x80\x80\x80") == 0);
    CHECK(find_invalid_utf8("Bj\xF8rn") == 2);  // cp1252 ø
    CHECK_FALSE(is_valid_utf8("Bj\xF8rn"));
  }
}

TEST_CASE("trim and to_lower_ascii") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim("   ") == "");
  CHECK(to_lower_ascii("ÅSE Abc") == "Åse abc");
}
