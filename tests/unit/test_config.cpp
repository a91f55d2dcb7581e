// config: precedence file < env < flag, origins, import mappings, errors.
#include <doctest/doctest.h>

#include <string>

#include "config/config.hpp"
#include "error.hpp"
#include "helpers.hpp"

using namespace kunde;
using kunde::test::ScopedEnv;
using kunde::test::TempDir;

namespace {

std::optional<Setting> find_setting(const std::vector<Setting>& all, const std::string& key) {
  for (const auto& s : all)
    if (s.key == key) return s;
  return std::nullopt;
}

const char* kConfig = R"toml(
db = "/data/file.db"
region = "no"
currency = "NOK"
[costs.contact]
phone = 45.0
visit = 600
[import.visma]
encoding = "cp1252"
sep = ";"
decimal_comma = true
date_format = "%d.%m.%Y"
[import.visma.fields]
number = "Kundenr"
name = "Navn"
)toml";

}  // namespace

TEST_CASE("config precedence: file < KUNDE_DB < flag") {
  TempDir dir;
  auto path = dir.write("config.toml", kConfig);
  ScopedEnv no_config("KUNDE_CONFIG", nullptr);
  {
    ScopedEnv db("KUNDE_DB", nullptr);
    Config c = Config::load(path, false);
    CHECK(c.file() == path);
    CHECK(c.db_path() == "/data/file.db");
    auto s = find_setting(c.settings(), "db");
    REQUIRE(s);
    CHECK(s->origin == "file " + path);
    CHECK(c.region() == "NO");
    CHECK(c.currency() == "NOK");
  }
  {
    ScopedEnv db("KUNDE_DB", "/data/env.db");
    Config c = Config::load(path, false);
    CHECK(c.db_path() == "/data/env.db");
    CHECK(find_setting(c.settings(), "db")->origin == "env KUNDE_DB");
    c.set_flag("db", "/data/flag.db", "--db");
    CHECK(c.db_path() == "/data/flag.db");
    auto s = find_setting(c.settings(), "db");
    CHECK(s->origin == "flag --db");
    CHECK(s->value == "/data/flag.db");
    // Other keys keep their own origins.
    CHECK(find_setting(c.settings(), "currency")->origin == "file " + path);
    CHECK(find_setting(c.settings(), "clv.period")->origin == "default");
    CHECK(find_setting(c.settings(), "clv.period")->value == "week");
  }
}

TEST_CASE("config defaults without a file") {
  TempDir dir;
  ScopedEnv no_config("KUNDE_CONFIG", nullptr);
  ScopedEnv db("KUNDE_DB", nullptr);
  ScopedEnv data("XDG_DATA_HOME", "/xdg/data");
  ScopedEnv conf("XDG_CONFIG_HOME", dir.file("nothing-here").c_str());
  Config c = Config::load(std::nullopt, false);
  CHECK(c.file() == "");
  CHECK(c.db_path() == "/xdg/data/kunde/kunde.db");
  CHECK(c.region() == "");
  CHECK(c.money_decimals() == 2);
  CHECK(c.get_number("churn.churn_days", 0) == 365);
  CHECK(c.get("no.such.key") == std::nullopt);
  CHECK(c.get_or("no.such.key", "x") == "x");
  CHECK(find_setting(c.settings(), "db")->origin == "default");
}

TEST_CASE("config: KUNDE_CONFIG, --no-config and ~ expansion") {
  TempDir dir;
  auto path = dir.write("c.toml", "db = \"~/crm/kunde.db\"\n");
  ScopedEnv db("KUNDE_DB", nullptr);
  ScopedEnv home("HOME", "/home/test");
  ScopedEnv conf("KUNDE_CONFIG", path.c_str());
  CHECK(Config::load(std::nullopt, false).db_path() == "/home/test/crm/kunde.db");
  CHECK(Config::load(std::nullopt, true).file() == "");
  CHECK(expand_home("~") == "/home/test");
  CHECK(expand_home("~user/x") == "~user/x");
  CHECK(expand_home("/abs") == "/abs");
  ScopedEnv missing("KUNDE_CONFIG", dir.file("missing.toml").c_str());
  CHECK_THROWS_WITH_AS(Config::load(std::nullopt, false), ("no config file at " + dir.file("missing.toml")).c_str(),
                       Error);
}

TEST_CASE("config: numbers and tables") {
  TempDir dir;
  ScopedEnv db("KUNDE_DB", nullptr);
  Config c = Config::load(dir.write("c.toml", std::string(kConfig) + "[clv]\nperiod = 3\nbad = \"x\"\n"), false);
  auto costs = c.numbers_under("costs.contact");
  CHECK(costs.size() == 2);
  CHECK(costs["phone"] == 45.0);
  CHECK(costs["visit"] == 600.0);
  CHECK(c.get_number("costs.contact.phone", 0) == 45.0);
  CHECK(c.get("clv.period") == std::optional<std::string>("3"));
  CHECK_THROWS_AS(c.get_number("clv.bad", 0), Error);
  CHECK(c.get_number("clv.missing", 7.5) == 7.5);
}

TEST_CASE("config: import_mapping") {
  TempDir dir;
  ScopedEnv db("KUNDE_DB", nullptr);
  auto path = dir.write("c.toml", kConfig);
  Config c = Config::load(path, false);
  auto m = c.import_mapping("visma");
  REQUIRE(m);
  CHECK(m->encoding == std::optional<std::string>("cp1252"));
  CHECK(m->sep == std::optional<std::string>(";"));
  CHECK(m->decimal_comma == std::optional<bool>(true));
  CHECK(m->date_format == std::optional<std::string>("%d.%m.%Y"));
  CHECK(m->fields == std::map<std::string, std::string>{{"name", "Navn"}, {"number", "Kundenr"}});
  CHECK(m->origin == path + " [import.visma]");
  CHECK_FALSE(c.import_mapping("nope"));
}

TEST_CASE("load_mapping_file") {
  TempDir dir;
  auto path = dir.write("m.toml", "sep = \"\\t\"\n[fields]\nemail = \"E-post\"\n");
  ImportMapping m = load_mapping_file(path);
  CHECK(m.sep == std::optional<std::string>("\t"));
  CHECK_FALSE(m.encoding);
  CHECK_FALSE(m.decimal_comma);
  CHECK(m.fields == std::map<std::string, std::string>{{"email", "E-post"}});
  CHECK(m.origin == path);
  CHECK_THROWS_WITH_AS(load_mapping_file(dir.file("none.toml")), ("no mapping file at " + dir.file("none.toml")).c_str(),
                       Error);
  // Constants, null tokens and the discount unit of a recurring export.
  auto nw = dir.write("nw.toml",
                      "null = [\"NULL\", \"\\\\N\"]\ndiscount_unit = \"percent\"\n"
                      "[set]\nkind = \"company\"\ncredit_limit = 500\n");
  ImportMapping n = load_mapping_file(nw);
  CHECK(n.nulls == std::vector<std::string>{"NULL", "\\N"});
  CHECK(n.set == std::map<std::string, std::string>{{"credit_limit", "500"}, {"kind", "company"}});
  CHECK(n.discount_unit == std::optional<std::string>("percent"));
  CHECK_THROWS_AS(load_mapping_file(dir.write("badnull.toml", "null = [1]\n")), Error);
  auto bad = dir.write("bad.toml", "[fields]\nname = 3\n");
  CHECK_THROWS_WITH_AS(load_mapping_file(bad), (bad + ": fields.name must be a column name in quotes").c_str(), Error);
}

TEST_CASE("config: a TOML syntax error names the line") {
  TempDir dir;
  ScopedEnv db("KUNDE_DB", nullptr);
  auto path = dir.write("c.toml", "region = \"NO\"\ncurrency = \"NOK\"\ndb = = 3\n");
  try {
    Config::load(path, false);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).rfind(path + ":3: ", 0) == 0);
    CHECK(std::string(e.hint()) == "fix the TOML syntax; see kunde-config(5)");
  }
  auto mapping = dir.write("m.toml", "[fields]\nname = \"Navn\"\nemail = \"E-post\n");
  try {
    load_mapping_file(mapping);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).rfind(mapping + ":3: ", 0) == 0);
  }
}
