// io/records: CSV, TSV, JSON and NDJSON reading through read_records.
#include <doctest/doctest.h>

#include <string>

#include "error.hpp"
#include "helpers.hpp"
#include "io/records.hpp"

using namespace kunde;
using kunde::test::CollectSink;
using kunde::test::row;
using kunde::test::TempDir;

namespace {

CollectSink read(const std::string& path, io::ReadOptions options = {}) {
  CollectSink sink;
  io::read_records(path, options, sink);
  return sink;
}

std::string error_of(const std::string& path, io::ReadOptions options = {}) {
  CollectSink sink;
  try {
    io::read_records(path, options, sink);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

// UTF-16LE bytes of ASCII/Latin-1 text given as UTF-8 (enough for these tests).
std::string utf16le(const std::string& utf8, bool big_endian = false) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    unsigned cp = static_cast<unsigned char>(utf8[i]);
    if (cp >= 0xC0) {
      cp = ((cp & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
    }
    char lo = static_cast<char>(cp & 0xFF), hi = static_cast<char>(cp >> 8);
    if (big_endian) {
      out += hi, out += lo;
    } else {
      out += lo, out += hi;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("CSV: quoted separators and doubled quotes") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "name,city\nBjørn,\"Oslo, Norway\"\n\"Say \"\"hi\"\"\",Bergen\n"));
  REQUIRE(s.headers.size() == 1);
  CHECK(s.header() == row({"name", "city"}));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].line == 2);
  CHECK(s.records[0].fields == row({"Bjørn", "Oslo, Norway"}));
  CHECK(s.records[0].error.empty());
  CHECK(s.records[1].line == 3);
  CHECK(s.records[1].fields == row({"Say \"hi\"", "Bergen"}));
}

TEST_CASE("CSV: CRLF and LF line ends, last line without a newline") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "a,b\r\n1,2\r\n3,4\n5,6"));
  CHECK(s.header() == row({"a", "b"}));
  REQUIRE(s.records.size() == 3);
  CHECK(s.records[0].fields == row({"1", "2"}));
  CHECK(s.records[1].fields == row({"3", "4"}));
  CHECK(s.records[2].fields == row({"5", "6"}));
  CHECK(s.records[2].line == 4);
}

TEST_CASE("CSV: empty fields and a header with spaces") {
  TempDir dir;
  auto s = read(dir.write("a.csv", " name , city \n,\n\"\",x\n"));
  CHECK(s.header() == row({"name", "city"}));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].fields == row({"", ""}));
  CHECK(s.records[1].fields == row({"", "x"}));
}

TEST_CASE("CSV: embedded newlines keep the start line of each record") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "id,notes\n1,\"first\nsecond\n\nfourth\"\n2,plain\r\n3,\"a\r\nb\"\r\n4,end\n"));
  REQUIRE(s.records.size() == 4);
  CHECK(s.records[0].line == 2);
  CHECK(s.records[0].fields == row({"1", "first\nsecond\n\nfourth"}));
  CHECK(s.records[1].line == 6);
  CHECK(s.records[1].fields == row({"2", "plain"}));
  CHECK(s.records[2].line == 7);
  CHECK(s.records[2].fields == row({"3", "a\r\nb"}));
  CHECK(s.records[3].line == 9);
}

TEST_CASE("CSV: blank lines are skipped but counted") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "\na,b\n\n1,2\n   \n\r\n3,4\n\n"));
  CHECK(s.header() == row({"a", "b"}));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].line == 4);
  CHECK(s.records[1].line == 7);
}

TEST_CASE("CSV: ragged rows are passed through as they are") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "a,b,c\n1,2\n1,2,3,4\n1,2,3\n"));
  REQUIRE(s.records.size() == 3);
  CHECK(s.records[0].fields == row({"1", "2"}));
  CHECK(s.records[1].fields == row({"1", "2", "3", "4"}));
  CHECK(s.records[2].fields == row({"1", "2", "3"}));
  for (const auto& r : s.records) CHECK(r.error.empty());
}

TEST_CASE("CSV: malformed quoting is reported at its line and reading goes on") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "a,b\n1,x\"y\"\n2,ok\n\"bad\"junk,3\n4,\"multi\nline\"z\n5,last\n"));
  REQUIRE(s.records.size() == 5);
  CHECK(s.records[0].line == 2);
  CHECK(s.records[0].error.find("malformed quoting") == 0);
  CHECK(s.records[1].line == 3);
  CHECK(s.records[1].fields == row({"2", "ok"}));
  CHECK(s.records[1].error.empty());
  CHECK(s.records[2].line == 4);
  CHECK_FALSE(s.records[2].error.empty());
  CHECK(s.records[3].line == 5);  // the record started on line 5, the junk is on line 6
  CHECK_FALSE(s.records[3].error.empty());
  CHECK(s.records[4].line == 7);
  CHECK(s.records[4].fields == row({"5", "last"}));
  CHECK(s.records[4].error.empty());
}

TEST_CASE("CSV: an unterminated quote at the end of the file") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "a,b\n1,2\n3,\"open\nmore\n"));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].fields == row({"1", "2"}));
  CHECK(s.records[1].line == 3);
  CHECK(s.records[1].error == "a quoted field is not closed: its opening quote runs to the end of the file");
}

TEST_CASE("CSV: a broken header makes the file unreadable") {
  TempDir dir;
  auto p = dir.write("a.csv", "a,\"b\nc\n");
  CHECK(error_of(p) == p + ":1: a quoted field is not closed: its opening quote runs to the end of the file");
}

TEST_CASE("CSV: a UTF-8 byte-order mark is stripped") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "\xEF\xBB\xBFname,city\nÅse,Tromsø\n"));
  CHECK(s.header() == row({"name", "city"}));
  REQUIRE(s.records.size() == 1);
  CHECK(s.records[0].fields == row({"Åse", "Tromsø"}));
}

TEST_CASE("CSV: invalid UTF-8 is an error naming the line") {
  TempDir dir;
  auto p = dir.write("a.csv", "name,city\nAse,Oslo\n\"multi\nline\",x\nBj\xF8rn,Oslo\n");
  CHECK(error_of(p) == p + ":5: field 'name' is not valid UTF-8 (byte 3)");
  CollectSink sink;
  try {
    io::read_records(p, {}, sink);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.hint()).find("--encoding cp1252") != std::string::npos);
  }
}

TEST_CASE("CSV: cp1252 with --encoding latin1 and ';'") {
  TempDir dir;
  io::ReadOptions o;
  o.encoding = "latin1";
  o.separator = ';';
  auto s = read(dir.write("a.csv", "navn;by;bel\xF8p\r\nBj\xF8rn \xC5" "berg;G\xF6teborg;\x80 12,50\r\n\xC6rlig;\xD8ye;1\r\n"), o);
  CHECK(s.header() == row({"navn", "by", "beløp"}));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].fields == row({"Bjørn Åberg", "Göteborg", "€ 12,50"}));
  CHECK(s.records[1].fields == row({"Ærlig", "Øye", "1"}));
  CHECK(s.records[1].line == 3);
}

TEST_CASE("CSV: cp1252 file ending right after a full output buffer") {
  // 64 KiB of input with a few two-byte characters: the conversion fills the output buffer
  // and leaves a handful of input bytes for the next read, which then meets the end of the file.
  TempDir dir;
  std::string body = "name\n";
  for (int i = 0; i < 8; ++i) body += "Bj\xF8rn\n";
  while (body.size() + 13 <= 65536) body += "Ola Nordmann\n";
  body += std::string(65536 - body.size() - 1, 'x') + "\n";
  REQUIRE(body.size() == 65536);
  io::ReadOptions o;
  o.encoding = "cp1252";
  auto s = read(dir.write("big.csv", body), o);
  REQUIRE(s.records.size() > 8);
  CHECK(s.records[0].fields == row({"Bjørn"}));
  CHECK(s.records[7].fields == row({"Bjørn"}));
  CHECK(s.records[8].fields == row({"Ola Nordmann"}));
  CHECK(s.records.back().line == 1 + s.records.size());
}

TEST_CASE("CSV: UTF-16 with a BOM is detected") {
  TempDir dir;
  std::string text = "name,city\nÅse,Tromsø\n";
  SUBCASE("little endian") {
    auto s = read(dir.write("a.csv", "\xFF\xFE" + utf16le(text)));
    CHECK(s.header() == row({"name", "city"}));
    REQUIRE(s.records.size() == 1);
    CHECK(s.records[0].fields == row({"Åse", "Tromsø"}));
  }
  SUBCASE("big endian") {
    auto s = read(dir.write("a.csv", "\xFE\xFF" + utf16le(text, true)));
    CHECK(s.header() == row({"name", "city"}));
    REQUIRE(s.records.size() == 1);
    CHECK(s.records[0].fields == row({"Åse", "Tromsø"}));
  }
}

TEST_CASE("CSV: bytes the encoding cannot hold are errors with the line") {
  TempDir dir;
  auto odd = dir.write("odd.csv", "\xFF\xFE" + utf16le("a\n1\n") + "x");
  CHECK(error_of(odd) == odd + ":3: the file ends inside a UTF-16 character");
  io::ReadOptions o;
  o.encoding = "cp1252";
  auto bad = dir.write("bad.csv", "a\nok\nx\x81y\n");
  CHECK(error_of(bad, o) == bad + ":3: byte 0x81 is not valid CP1252");
}

TEST_CASE("CSV: an unknown encoding is a usage error") {
  TempDir dir;
  io::ReadOptions o;
  o.encoding = "klingon-8";
  CollectSink sink;
  CHECK_THROWS_AS(io::read_records(dir.write("a.csv", "a\n1\n"), o, sink), UsageError);
}

TEST_CASE("TSV by extension, and a separator option") {
  TempDir dir;
  auto s = read(dir.write("a.TSV", "a\tb\n1\t\n\t2\nx, y\tz\n"));
  CHECK(s.header() == row({"a", "b"}));
  REQUIRE(s.records.size() == 3);
  CHECK(s.records[0].fields == row({"1", ""}));
  CHECK(s.records[1].fields == row({"", "2"}));
  CHECK(s.records[2].fields == row({"x, y", "z"}));

  io::ReadOptions o;
  o.separator = ';';
  auto t = read(dir.write("b.csv", "a;b\n\"1;5\";2,5\n"), o);
  REQUIRE(t.records.size() == 1);
  CHECK(t.records[0].fields == row({"1;5", "2,5"}));

  io::ReadOptions forced;
  forced.format = io::InputFormat::tsv;
  auto u = read(dir.write("c.txt", "a\tb\n1\t2\n"), forced);
  CHECK(u.records[0].fields == row({"1", "2"}));
}

TEST_CASE("input_format_for") {
  using io::InputFormat;
  CHECK(io::input_format_for("x.csv", InputFormat::automatic) == InputFormat::csv);
  CHECK(io::input_format_for("x.TSV", InputFormat::automatic) == InputFormat::tsv);
  CHECK(io::input_format_for("x.tab", InputFormat::automatic) == InputFormat::tsv);
  CHECK(io::input_format_for("x.json", InputFormat::automatic) == InputFormat::json);
  CHECK(io::input_format_for("x.ndjson", InputFormat::automatic) == InputFormat::ndjson);
  CHECK(io::input_format_for("x.jsonl", InputFormat::automatic) == InputFormat::ndjson);
  CHECK(io::input_format_for("x.txt", InputFormat::automatic) == InputFormat::csv);
  CHECK(io::input_format_for("x.json", InputFormat::csv) == InputFormat::csv);
}

TEST_CASE("unreadable files") {
  TempDir dir;
  CHECK(error_of(dir.write("empty.csv", "")) == dir.file("empty.csv") + ": the file is empty");
  CHECK(error_of(dir.write("blank.csv", "\n\n")) == dir.file("blank.csv") + ": the file is empty");
  CHECK(error_of(dir.file("missing.csv")) == "cannot read " + dir.file("missing.csv") + ": No such file or directory");
}

TEST_CASE("JSON: an array of objects, lists joined with ';', growing header") {
  TempDir dir;
  auto s = read(dir.write("a.json",
                          "[\n"
                          "  {\"name\": \"Bjørn\", \"n\": 1},\n"
                          "  {\"name\": \"Åse\", \"tags\": [\"a\", \"b\"], \"n\": 2.50,\n"
                          "   \"ok\": true, \"none\": null}\n"
                          "]\n"));
  REQUIRE(s.headers.size() == 2);
  CHECK(s.headers[0] == row({"name", "n"}));
  CHECK(s.headers[1] == row({"name", "n", "tags", "ok", "none"}));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].line == 2);
  CHECK(s.records[0].fields == row({"Bjørn", "1"}));
  CHECK(s.records[1].line == 3);
  CHECK(s.records[1].fields == row({"Åse", "2.50", "a;b", "true", ""}));
}

TEST_CASE("JSON: a missing key in a later object is an empty field") {
  TempDir dir;
  auto s = read(dir.write("a.json", "[{\"a\":\"1\",\"b\":\"2\"},{\"b\":\"3\"}]"));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[1].fields == row({"", "3"}));
}

TEST_CASE("JSON: a single object") {
  TempDir dir;
  auto s = read(dir.write("a.json", "{\"number\": \"K1\", \"name\": \"Åse\"}"));
  CHECK(s.header() == row({"number", "name"}));
  REQUIRE(s.records.size() == 1);
  CHECK(s.records[0].fields == row({"K1", "Åse"}));
  CHECK(s.records[0].line == 1);
}

TEST_CASE("JSON: concatenated pretty objects read with InputFormat::json") {
  TempDir dir;
  io::ReadOptions o;
  o.format = io::InputFormat::json;
  auto s = read(dir.write("jq-output.txt", "{\n  \"a\": 1\n}\n{\n  \"a\": 2,\n  \"b\": \"x\"\n}\n"), o);
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].line == 1);
  CHECK(s.records[0].fields == row({"1"}));
  CHECK(s.records[1].line == 4);
  CHECK(s.records[1].fields == row({"2", "x"}));
  CHECK(s.header() == row({"a", "b"}));
}

TEST_CASE("JSON: an empty array gives an empty header and no records") {
  TempDir dir;
  auto s = read(dir.write("a.json", "[]"));
  REQUIRE(s.headers.size() == 1);
  CHECK(s.header().empty());
  CHECK(s.records.empty());
}

TEST_CASE("JSON: no value, or more after a list, is an error") {
  TempDir dir;
  CHECK(error_of(dir.write("e.json", "")) == dir.file("e.json") + ": the file is empty");
  CHECK(error_of(dir.write("s.json", " \n\t")) == dir.file("s.json") + ": the file is empty");
  CHECK(error_of(dir.write("b.json", "\xef\xbb\xbf")) == dir.file("b.json") + ": the file is empty");
  CHECK(error_of(dir.write("d.json", "[][]")) == dir.file("d.json") + ":1: more JSON after the list of records");
  CHECK(error_of(dir.write("o.json", "{\"a\": 1}\n[]")) == dir.file("o.json") + ":2: more JSON after the list of records");
  // jq's output, one object after another, is read.
  auto s = read(dir.write("jq.json", "{\"a\": 1}\n{\"a\": 2}\n"));
  CHECK(s.records.size() == 2);
}

TEST_CASE("JSON: nested objects are a record error") {
  TempDir dir;
  auto s = read(dir.write("a.json", "[{\"a\": {\"b\": 1}, \"c\": 2}, {\"a\": \"ok\", \"c\": 3}]"));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].error == "field 'a' holds an object; only text, numbers and lists are read");
  CHECK(s.records[1].error.empty());
  // Keys of a record with an error are not announced; the header grows when they come back.
  CHECK(s.header() == row({"c", "a"}));
  CHECK(s.records[1].fields == row({"3", "ok"}));
}

TEST_CASE("JSON: invalid JSON is an error with the line number") {
  TempDir dir;
  auto p = dir.write("a.json", "[\n{\"a\": 1},\n{\"a\": }\n]\n");
  std::string e = error_of(p);
  CHECK(e.rfind(p + ":3: invalid JSON: ", 0) == 0);
  auto q = dir.write("b.json", "[1, 2]");
  CHECK(error_of(q) == q + ":1: expected an object for each record");
}

TEST_CASE("NDJSON: one object per line") {
  TempDir dir;
  auto s = read(dir.write("a.ndjson", "{\"a\":1}\n\n{\"a\":2,\"b\":[\"x\",\"y\"]}\r\nnot json\n[1]\n{\"a\":5}"));
  REQUIRE(s.headers.size() == 2);
  CHECK(s.headers[1] == row({"a", "b"}));
  REQUIRE(s.records.size() == 5);
  CHECK(s.records[0].line == 1);
  CHECK(s.records[0].fields == row({"1"}));
  CHECK(s.records[1].line == 3);
  CHECK(s.records[1].fields == row({"2", "x;y"}));
  CHECK(s.records[2].line == 4);
  CHECK(s.records[2].error == "not a JSON object");
  CHECK(s.records[3].line == 5);
  CHECK(s.records[3].error == "not a JSON object");
  CHECK(s.records[4].line == 6);
  CHECK(s.records[4].fields == row({"5", ""}));
}

TEST_CASE("CSV: cells guarded by --safe-csv come back without the guard") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "name,phone,note\n\"'=HYPERLINK(\"\"x\"\")\",'+47 912 34 567,O'Brien\n'＝1,'plain',\"' =1\"\n"));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].fields == row({"=HYPERLINK(\"x\")", "+47 912 34 567", "O'Brien"}));
  CHECK(s.records[1].fields == row({"＝1", "'plain'", " =1"}));
}
