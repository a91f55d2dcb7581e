// The text gate: invalid UTF-8 and NUL bytes are refused with the field named, whichever way
// text comes in; JSON that is not records, and duplicate keys, are errors.
#include <doctest/doctest.h>

#include <string>

#include "error.hpp"
#include "helpers.hpp"
#include "io/records.hpp"
#include "text/gate.hpp"

using namespace kunde;
using kunde::test::CollectSink;
using kunde::test::row;
using kunde::test::TempDir;

namespace {

CollectSink read(const std::string& path) {
  CollectSink sink;
  io::read_records(path, {}, sink);
  return sink;
}

std::string error_of(const std::string& path) {
  CollectSink sink;
  try {
    io::read_records(path, {}, sink);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string kNul(1, '\0');

}  // namespace

TEST_CASE("text_fault names the first bad byte") {
  CHECK_FALSE(text::text_fault("Bjørn Åberg"));
  CHECK_FALSE(text::text_fault(""));
  CHECK(text::text_fault("Bad\xff\xfe") == "is not valid UTF-8 (byte 4)");
  CHECK(text::text_fault("a" + kNul + "b") == "holds a NUL byte (byte 2)");
  CHECK(text::text_fault("a" + kNul + "\xff") == "holds a NUL byte (byte 2)");
  CHECK(text::text_fault("\xc3\x28") == "is not valid UTF-8 (byte 1)");
  CHECK(text::is_nul_fault(*text::text_fault(kNul)));
  CHECK_FALSE(text::is_nul_fault(*text::text_fault("\xff")));
}

TEST_CASE("CSV: a NUL byte inside a field rejects the row, naming the field") {
  TempDir dir;
  auto s = read(dir.write("a.csv", "number,name\nK-1,Ann" + kNul + "a\nK-2,Per\n"));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].error == "field 'name' holds a NUL byte (byte 4)");
  CHECK(s.records[1].error.empty());
  CHECK(s.records[1].fields == row({"K-2", "Per"}));
}

TEST_CASE("CSV: invalid UTF-8 names the field and the line") {
  TempDir dir;
  auto p = dir.write("a.csv", "number,name\nK-1,Bad\xff\xfe\n");
  CHECK(error_of(p) == p + ":2: field 'name' is not valid UTF-8 (byte 4)");
  auto h = dir.write("h.csv", "number,na\xffme\nK-1,x\n");
  CHECK(error_of(h) == h + ":1: column name 2 is not valid UTF-8 (byte 3)");
}

TEST_CASE("JSON: a NUL escaped in a string rejects the record") {
  TempDir dir;
  auto s = read(dir.write("a.json", R"([{"number":"K-1","name":"A\u0000B"},{"number":"K-2","name":"B"}])"));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].error == "field 'name' holds a NUL byte (byte 2)");
  CHECK(s.records[1].error.empty());
  auto n = read(dir.write("a.ndjson", "{\"number\":\"K-1\",\"name\":\"A\\u0000B\"}\n"));
  REQUIRE(n.records.size() == 1);
  CHECK(n.records[0].error == "field 'name' holds a NUL byte (byte 2)");
}

TEST_CASE("JSON: invalid UTF-8 inside a string is an error") {
  TempDir dir;
  auto p = dir.write("a.json", "[{\"name\":\"Bad\xff\"}]");
  CHECK(error_of(p).rfind(p + ":1: invalid JSON", 0) == 0);
}

TEST_CASE("JSON that is not records is an error") {
  TempDir dir;
  for (const char* text : {R"([[{"number":"X"}]])", R"([{"number":"X"},[{"number":"Y"}]])", "[[]]", "[1]",
                           R"("text")", "42", "null", "true", R"([{"a":1}, 2])"}) {
    CAPTURE(text);
    auto p = dir.write("a.json", text);
    std::string e = error_of(p);
    CHECK(e.rfind(p + ":1: expected an object for each record", 0) == 0);
  }
}

TEST_CASE("JSON: a list of lists in a field is a record error") {
  TempDir dir;
  auto s = read(dir.write("a.json", R"([{"number":"X","tags":[["a"],"b"]},{"number":"Y","tags":["c"]}])"));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].error == "field 'tags' holds a list of lists; only text, numbers and lists of them are read");
  CHECK(s.records[1].error.empty());
  auto n = read(dir.write("a.ndjson", "{\"number\":\"X\",\"tags\":[[\"a\"]]}\n"));
  REQUIRE(n.records.size() == 1);
  CHECK(n.records[0].error == "field 'tags' holds a list of lists; only text, numbers and lists of them are read");
}

TEST_CASE("JSON: a key twice in one record is a record error") {
  TempDir dir;
  auto s = read(dir.write("a.json", R"([{"number":"X","name":"A","name":"B"},{"number":"Y","name":"C"}])"));
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].error == "key 'name' appears twice");
  CHECK(s.records[1].error.empty());
  CHECK(s.records[1].fields == row({"Y", "C"}));
  auto single = read(dir.write("b.json", R"({"number":"X","number":"Y"})"));
  REQUIRE(single.records.size() == 1);
  CHECK(single.records[0].error == "key 'number' appears twice");
  auto n = read(dir.write("a.ndjson", "{\"number\":\"X\",\"number\":\"Y\"}\n{\"number\":\"Z\"}\n"));
  REQUIRE(n.records.size() == 2);
  CHECK(n.records[0].error == "key 'number' appears twice");
  CHECK(n.records[1].error.empty());
  // The same key in two records, or in a nested list, is no duplicate.
  auto ok = read(dir.write("c.json", R"([{"a":1,"b":[1,2]},{"a":2}])"));
  CHECK(ok.records[0].error.empty());
  CHECK(ok.records[1].error.empty());
}
