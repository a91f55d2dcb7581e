// csv-spectrum (the npm package of that name, installed into node_modules/ by scripts/setup
// where npm is): each of its CSV files read by kunde gives the records of its JSON file.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "helpers.hpp"
#include "io/records.hpp"

using namespace kunde;

TEST_CASE("csv-spectrum: every file reads as its expected JSON") {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(KUNDE_NODE_MODULES) / "csv-spectrum";
  if (!fs::is_directory(root / "csvs")) {
    MESSAGE("skipped: csv-spectrum is not installed (scripts/setup installs it with npm)");
    return;
  }
  int exact = 0, files = 0;
  for (const auto& entry : fs::directory_iterator(root / "csvs")) {
    const std::string name = entry.path().stem().string();
    CAPTURE(name);
    ++files;
    std::ifstream in(root / "json" / (name + ".json"));
    REQUIRE(in);
    auto expected = nlohmann::ordered_json::parse(in);
    test::CollectSink sink;
    io::read_records(entry.path().string(), {}, sink);
    REQUIRE_FALSE(sink.headers.empty());
    if (!expected.is_array()) {
      // location_coordinates: the package's JSON is one object whose values are not its
      // CSV's (another phone number); the columns are compared.
      std::vector<std::string> keys;
      for (auto& [k, v] : expected.items()) keys.push_back(k);
      CHECK(sink.header() == keys);
      CHECK(sink.records.size() == 1);
      continue;
    }
    REQUIRE(sink.records.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CHECK(sink.records[i].error.empty());
      std::vector<std::string> keys, values;
      for (auto& [k, v] : expected[i].items()) {
        keys.push_back(k);
        values.push_back(v.get<std::string>());
      }
      CHECK(sink.header() == keys);
      CHECK(sink.records[i].fields == values);
    }
    ++exact;
  }
  CHECK(files >= 12);
  MESSAGE("csv-spectrum: " << exact << " of " << files << " files read exactly as their JSON");
}
