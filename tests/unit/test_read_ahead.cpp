// The import pipeline reads and prepares CSV rows on a second thread: each row meets its own
// prepared values, rows keep their order, and a failure on either side stops both cleanly.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>

#include "crm/import/importer.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "store/store.hpp"

using namespace kunde;
using kunde::crm::import::Importer;
using kunde::crm::import::Prepared;
using kunde::crm::import::Row;

namespace {

struct Number : Prepared {
  std::string value;
};

// The store an importer writes through (nothing is written: the write rolls back).
struct Target {
  test::StoreFixture fx;
  std::unique_ptr<store::ImportWrite> import_write = fx.store().begin_import("test");
};

// Checks that every row arrives with what prepare() made of that same row.
class EchoImporter : private Target, public Importer {
 public:
  explicit EchoImporter(std::size_t fail_at = 0)
      : Importer({{"n", {}, true, false, "a number"}}, crm::import::ImportOptions{}, fx.session(), *import_write), fail_at_(fail_at) {}
  std::size_t rows = 0, prepared_rows = 0, mismatches = 0, out_of_order = 0;

 protected:
  std::unique_ptr<Prepared> prepare(const Row& row) const override {
    if (row.get(0) == "bad") throw Error("bad row", "");  // left to process()
    auto out = std::make_unique<Number>();
    out->value = std::string(row.get(0));
    return out;
  }
  Outcome process(const Row& row) override {
    ++rows;
    if (fail_at_ && row.line() == fail_at_) throw UsageError("stop here", "");
    if (row.get(0) == "bad") {
      if (prepared()) ++mismatches;
      throw Error("bad row", "");
    }
    if (row.get(0) != std::to_string(row.line())) ++out_of_order;
    const auto* p = dynamic_cast<const Number*>(prepared());
    if (!p) return Outcome::skipped;
    ++prepared_rows;
    if (p->value != row.get(0)) ++mismatches;
    return Outcome::inserted;
  }

 private:
  std::size_t fail_at_;
};

// A file whose line N (from 2) holds N, with "bad" on every 1000th line.
std::string numbers(std::size_t rows) {
  std::string out = "n\n";
  for (std::size_t line = 2; line < rows + 2; ++line) out += line % 1000 == 0 ? "bad\n" : fmt::format("{}\n", line);
  return out;
}

}  // namespace

TEST_CASE("read ahead: rows meet their own prepared values, in order") {
  test::TempDir dir;
  auto path = dir.write("n.csv", numbers(20000));
  EchoImporter importer;
  auto counts = importer.run(path);
  CHECK(importer.rows == 20000);
  CHECK(importer.prepared_rows == 20000 - 20);
  CHECK(importer.mismatches == 0);
  CHECK(importer.out_of_order == 0);
  CHECK(counts.inserted == 19980);
  CHECK(counts.rejected == 20);
  REQUIRE_FALSE(counts.rejections.empty());
  CHECK(counts.rejections[0].line == 1000);
}

TEST_CASE("read ahead: a failure while writing stops the reading thread") {
  test::TempDir dir;
  auto path = dir.write("n.csv", numbers(50000));  // far more than the queue holds
  EchoImporter importer(3000);
  CHECK_THROWS_WITH_AS(importer.run(path), "stop here", UsageError);
  CHECK(importer.rows == 2999);
}

TEST_CASE("read ahead: a file that turns bad half-way fails after the rows before it") {
  test::TempDir dir;
  auto path = dir.write("n.csv", numbers(5000) + "\xff\xfe\n" + numbers(10));
  EchoImporter importer;
  CHECK_THROWS_AS(importer.run(path), Error);
  CHECK(importer.rows == 5000);
}

TEST_CASE("read ahead: a header problem is reported as before") {
  test::TempDir dir;
  auto path = dir.write("n.csv", "x\n1\n");
  EchoImporter importer;
  CHECK_THROWS_WITH_AS(importer.run(path), doctest::Contains("no column for 'n'"), Error);
}
