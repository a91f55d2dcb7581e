// io/writer: CSV quoting, JSON types, NDJSON, tables aligned by display width, markdown.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "error.hpp"
#include "io/writer.hpp"

using namespace kunde;
using namespace kunde::io;

namespace {

std::string render(OutputFormat f, const std::vector<std::string>& columns,
                   const std::vector<std::vector<Value>>& rows, WriterOptions o = {}) {
  std::ostringstream out;
  auto w = make_row_writer(f, out, o);
  w->begin(columns);
  for (const auto& r : rows) w->row(r);
  w->end();
  return out.str();
}

const std::vector<std::string> kColumns = {"id", "name", "amount", "none", "ok", "ratio"};
const std::vector<std::vector<Value>> kRows = {
    {Value(std::int64_t{1}), Value(std::string("Bjørn, \"B\"")), Value(Decimal{1250, 2}), Value(), Value(true),
     Value(0.5)},
    {Value(std::int64_t{2}), Value(std::string("=cmd")), Value(Decimal{-5, 2}), Value(), Value(false),
     Value(2.0)},
};

}  // namespace

TEST_CASE("csv_field quotes only when needed") {
  CHECK(csv_field("plain", ',', false) == "plain");
  CHECK(csv_field("", ',', false) == "");
  CHECK(csv_field("a,b", ',', false) == "\"a,b\"");
  CHECK(csv_field("a;b", ',', false) == "a;b");
  CHECK(csv_field("a;b", ';', false) == "\"a;b\"");
  CHECK(csv_field("a\tb", '\t', false) == "\"a\tb\"");
  CHECK(csv_field("say \"hi\"", ',', false) == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("line\nbreak", ',', false) == "\"line\nbreak\"");
  CHECK(csv_field("cr\r", ',', false) == "\"cr\r\"");
  CHECK(csv_field(" lead", ',', false) == "\" lead\"");
  CHECK(csv_field("trail ", ',', false) == "\"trail \"");
  CHECK(csv_field("Bjørn Åberg", ',', false) == "Bjørn Åberg");
}

TEST_CASE("csv_field with --safe-csv neutralises formulas") {
  CHECK(csv_field("=SUM(A1)", ',', true) == "'=SUM(A1)");
  CHECK(csv_field("+47 912 34 567", ',', true) == "'+47 912 34 567");
  CHECK(csv_field("-5", ',', true) == "'-5");
  CHECK(csv_field("@cmd", ',', true) == "'@cmd");
  CHECK(csv_field("\tx", ',', true) == "'\tx");
  CHECK(csv_field("\rx", ',', true) == "\"'\rx\"");
  CHECK(csv_field("=a,b", ',', true) == "\"'=a,b\"");
  CHECK(csv_field("safe", ',', true) == "safe");
  CHECK(csv_field("a=b", ',', true) == "a=b");
  CHECK(csv_field("=SUM(A1)", ',', false) == "=SUM(A1)");
}

TEST_CASE("CSV and TSV writers") {
  CHECK(render(OutputFormat::csv, kColumns, kRows) ==
        "id,name,amount,none,ok,ratio\n"
        "1,\"Bjørn, \"\"B\"\"\",12.50,,true,0.5\n"
        "2,=cmd,-0.05,,false,2\n");
  WriterOptions safe;
  safe.safe_csv = true;
  safe.header = false;
  CHECK(render(OutputFormat::csv, kColumns, kRows, safe) ==
        "1,\"Bjørn, \"\"B\"\"\",12.50,,true,0.5\n"
        "2,'=cmd,-0.05,,false,2\n");
  CHECK(render(OutputFormat::tsv, {"a", "b"}, {{Value(std::string("x y")), Value(std::string("t\tab"))}}) ==
        "a\tb\nx y\t\"t\tab\"\n");
}

TEST_CASE("JSON writer keeps types: decimals with their digits, null, bool") {
  CHECK(render(OutputFormat::json, kColumns, kRows) ==
        "[\n"
        "  {\"id\":1,\"name\":\"Bjørn, \\\"B\\\"\",\"amount\":12.50,\"none\":null,\"ok\":true,\"ratio\":0.5},\n"
        "  {\"id\":2,\"name\":\"=cmd\",\"amount\":-0.05,\"none\":null,\"ok\":false,\"ratio\":2.0}\n"
        "]\n");
  CHECK(render(OutputFormat::json, {"a"}, {}) == "[]\n");
  CHECK(render(OutputFormat::json, {"n"}, {{Value(Decimal{100, 2})}, {Value(Decimal{7, 0})}}) ==
        "[\n  {\"n\":1.00},\n  {\"n\":7}\n]\n");
}

TEST_CASE("NDJSON writer") {
  CHECK(render(OutputFormat::ndjson, kColumns, kRows) ==
        "{\"id\":1,\"name\":\"Bjørn, \\\"B\\\"\",\"amount\":12.50,\"none\":null,\"ok\":true,\"ratio\":0.5}\n"
        "{\"id\":2,\"name\":\"=cmd\",\"amount\":-0.05,\"none\":null,\"ok\":false,\"ratio\":2.0}\n");
  CHECK(render(OutputFormat::ndjson, {"a"}, {}) == "");
}

TEST_CASE("table aligns by display width") {
  std::string t = render(OutputFormat::table, {"id", "name", "city"},
                         {{Value(std::int64_t{1}), Value(std::string("Bjørn Åberg")), Value(std::string("Oslo"))},
                          {Value(std::int64_t{22}), Value(std::string("Al")), Value(std::string("Trondheim"))},
                          {Value(std::int64_t{3}), Value(std::string("日本")), Value()}});
  CHECK(t ==
        "id  name         city\n"
        " 1  Bjørn Åberg  Oslo\n"
        "22  Al           Trondheim\n"
        " 3  日本\n");
}

TEST_CASE("table: header off, newlines flattened, narrow terminal") {
  WriterOptions o;
  o.header = false;
  CHECK(render(OutputFormat::table, {"a", "b"}, {{Value(std::string("x\ny")), Value(std::string("z"))}}, o) ==
        "x y  z\n");
  WriterOptions narrow;
  narrow.width = 20;
  std::string t = render(OutputFormat::table, {"id", "notes"},
                         {{Value(std::int64_t{1}), Value(std::string("a rather long note that will not fit"))}},
                         narrow);
  CHECK(t == "id  notes\n 1  a rather long n…\n");
}

TEST_CASE("markdown and html are documents, not rows by themselves") {
  std::ostringstream out;
  CHECK_THROWS_AS(make_row_writer(OutputFormat::md, out, {}), Error);
  CHECK_THROWS_AS(make_row_writer(OutputFormat::html, out, {}), Error);
}

TEST_CASE("format names") {
  CHECK(parse_output_format("csv") == OutputFormat::csv);
  CHECK(parse_output_format("jsonl") == OutputFormat::ndjson);
  CHECK(parse_output_format("markdown") == OutputFormat::md);
  CHECK_THROWS_AS(parse_output_format("xml"), UsageError);
  CHECK(format_name(OutputFormat::ndjson) == "ndjson");
  CHECK(format_for_path("out.CSV") == OutputFormat::csv);
  CHECK(format_for_path("out.jsonl") == OutputFormat::ndjson);
  CHECK(format_for_path("out.json") == OutputFormat::json);
  CHECK(format_for_path("out.htm") == OutputFormat::html);
  CHECK(format_for_path("out.txt") == OutputFormat::table);
}

TEST_CASE("value text") {
  CHECK(format_decimal(Decimal{1250, 2}) == "12.50");
  CHECK(format_decimal(Decimal{-5, 2}) == "-0.05");
  CHECK(format_decimal(Decimal{-100, 2}) == "-1.00");
  CHECK(format_decimal(Decimal{42, 0}) == "42");
  CHECK(format_decimal(Decimal{5, 3}) == "0.005");
  CHECK(format_decimal(Decimal{0, 2}) == "0.00");
  CHECK(format_decimal(Decimal{-123456789, 4}) == "-12345.6789");
  CHECK(format_decimal(Decimal{INT64_MIN, 2}) == "-92233720368547758.08");
  CHECK(format_decimal(Decimal{INT64_MAX, 18}) == "9.223372036854775807");
  CHECK(to_text(Value()) == "");
  CHECK(to_text(Value(true)) == "true");
  CHECK(to_text(Value(1.5)) == "1.5");
}

TEST_CASE("--safe-csv: look-alike formula starts, spaces before them, numbers left alone") {
  CHECK(csv_field("＝HYPERLINK(\"x\")", ',', true) == "\"'＝HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_field("＋47", ',', true) == "'＋47");
  CHECK(csv_field("－1", ',', true) == "'－1");
  CHECK(csv_field("＠SUM(A1)", ',', true) == "'＠SUM(A1)");
  CHECK(csv_field("﹦1+1", ',', true) == "'﹦1+1");
  CHECK(csv_field("  =1+1", ',', true) == "\"'  =1+1\"");
  CHECK(csv_field("\xc2\xa0=1", ',', true) == "'\xc2\xa0=1");
  CHECK(csv_field("\n=1", ',', true) == "\"'\n=1\"");
  CHECK(csv_field("Åse ＝ Ola", ',', true) == "Åse ＝ Ola");
  CHECK(csv_field("　", ',', true) == "　");
  std::ostringstream out;
  WriterOptions o;
  o.safe_csv = true;
  auto w = make_row_writer(OutputFormat::csv, out, o);
  w->begin({"name", "amount", "note"});
  w->row({Value(std::string("-x")), Value(Decimal{-1250, 2}), Value(std::int64_t{-3})});
  w->end();
  CHECK(out.str() == "name,amount,note\n'-x,-12.50,-3\n");
}

TEST_CASE("unguard_csv takes off exactly the quote --safe-csv adds") {
  for (std::string s : {"=SUM(A1)", "+47 912 34 567", "-5", "@x", "\tx", "＝x", "  =x", "\xc2\xa0=1", "﹫a"}) {
    CAPTURE(s);
    std::string guarded = "'" + s;
    CHECK(unguard_csv(guarded) == s);
  }
  CHECK(unguard_csv("'quoted'") == "'quoted'");
  CHECK(unguard_csv("'") == "'");
  CHECK(unguard_csv("''=x") == "''=x");
  CHECK(unguard_csv("O'Brien") == "O'Brien");
  CHECK(unguard_csv("=x") == "=x");
}
