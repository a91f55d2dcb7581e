// crm/report_sets: the parts of the monthly pack and the named sets in [report_sets.NAME].
#include <doctest/doctest.h>

#include "crm/report_sets.hpp"
#include "error.hpp"
#include "helpers.hpp"

using namespace kunde;

TEST_CASE("report sets: the default pack has every part; a named set chooses, orders and titles them") {
  test::TempDir dir;
  auto path = dir.write("config.toml",
                        "[report_sets.monthly]\n"
                        "title = \"Monthly report\"\n"
                        "reports = [\"wallet\", \"value\", \"wallet\"]\n"
                        "top = 5\n"
                        "[report_sets.everything]\n"
                        "title = \"All of it\"\n"
                        "[report_sets.bad]\n"
                        "reports = [\"value\", \"valeu\"]\n"
                        "[report_sets.none]\n"
                        "reports = []\n"
                        "[report_sets.zero]\n"
                        "top = 0\n");
  Config c = Config::load(path, false);
  auto all = crm::default_report_set();
  CHECK(all.parts == crm::report_parts());
  CHECK(all.title == "Customer report");
  CHECK_FALSE(all.chosen);

  CHECK(crm::report_set_names(c) == std::vector<std::string>{"bad", "everything", "monthly", "none", "zero"});
  auto monthly = crm::report_set(c, "monthly");
  CHECK(monthly.name == "monthly");
  CHECK(monthly.title == "Monthly report");
  CHECK(monthly.parts == std::vector<std::string>{"wallet", "value"});
  CHECK(monthly.top == 5);
  CHECK(monthly.chosen);
  CHECK(crm::report_set(c, "everything").parts == crm::report_parts());

  CHECK_THROWS_WITH_AS(crm::report_set(c, "weekly"), doctest::Contains("no report set 'weekly'"), UsageError);
  CHECK_THROWS_WITH_AS(crm::report_set(c, "bad"), doctest::Contains("no report part 'valeu'"), Error);
  CHECK_THROWS_WITH_AS(crm::report_set(c, "none"), doctest::Contains("is empty"), Error);
  CHECK_THROWS_WITH_AS(crm::report_set(c, "zero"), doctest::Contains("top must be"), Error);

  Config empty = Config::load(dir.write("empty.toml", ""), false);
  CHECK(crm::report_set_names(empty).empty());
  CHECK_THROWS_AS(crm::report_set(empty, "monthly"), UsageError);
}
