// import: the customer import pipeline, run as the command runs it (crm::run_import).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "config/config.hpp"
#include "crm/imports.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "store/store.hpp"

using namespace kunde;
using kunde::crm::ImportCounts;
using kunde::crm::ImportOptions;
using kunde::test::StoreFixture;
using kunde::test::TempDir;

namespace {

ImportOptions norway() {
  ImportOptions o;
  o.region = "NO";
  return o;
}

// One import in one write, committed like the command does.
ImportCounts run(StoreFixture& fx, const std::string& path, const ImportOptions& o) {
  crm::ImportRequest request(crm::ImportKind::customers);
  request.path = path;
  request.options = o;
  auto session = fx.session("customer import " + path);
  return crm::run_import(*session, request);
}

model::Customer by_number(StoreFixture& fx, const std::string& number) {
  auto& repo = fx.store().customers();
  auto id = repo.id_by_number(number);
  REQUIRE(id);
  return *repo.by_id(*id);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("import: canonical columns, aliases and custom attributes") {
  StoreFixture fx;
  TempDir dir;
  auto path = dir.write("kunder.csv",
                        "Kundenr,Navn,E-post,Telefon,Poststed,Land,Kredittgrense,Tags,Segment,id\n"
                        "1001,Bjørn Åberg,Bjorn@Example.com,912 34 567,Tromsø,Norge,\"10,000.50\",vip;b2b,gold,77\n"
                        "0042,Åse Nilsen,,0047-41234567,Bergen,,,,,\n");
  auto counts = run(fx, path, norway());
  CHECK(counts.summary() == "2 inserted, 0 updated, 0 unchanged, 0 rejected");
  CHECK(counts.source == path);
  auto b = by_number(fx, "1001");
  CHECK(b.name == "Bjørn Åberg");
  CHECK(b.email == std::optional<std::string>("Bjorn@Example.com"));
  CHECK(b.email_key == std::optional<std::string>("bjorn@example.com"));
  CHECK(b.phone == std::optional<std::string>("912 34 567"));
  CHECK(b.phone_e164 == std::optional<std::string>("+4791234567"));
  CHECK(b.city == std::optional<std::string>("Tromsø"));
  CHECK(b.country == std::optional<std::string>("NO"));  // "Norge", stored as its code
  CHECK(b.credit_limit == std::optional<std::int64_t>(1000050));
  CHECK(b.tags == std::vector<std::string>{"b2b", "vip"});
  CHECK(b.attributes == std::map<std::string, std::string>{{"segment", "gold"}});
  auto a = by_number(fx, "0042");  // leading zeros survive
  CHECK(a.phone_e164 == std::optional<std::string>("+4741234567"));
  CHECK(a.attributes.empty());
  CHECK_FALSE(a.email);
}

TEST_CASE("import: --map names columns that no alias knows") {
  StoreFixture fx;
  TempDir dir;
  auto path = dir.write("x.csv", "Kunde ID,Fullt navn,name\nK1,Bjørn Åberg,ignored\n");
  auto o = norway();
  o.field_map = {{"number", "Kunde ID"}, {"name", "fullt_navn"}};
  auto counts = run(fx, path, o);
  CHECK(counts.inserted == 1);
  auto c = by_number(fx, "K1");
  CHECK(c.name == "Bjørn Åberg");
  CHECK(c.attributes == std::map<std::string, std::string>{{"name", "ignored"}});

  auto bad_field = norway();
  bad_field.field_map = {{"shoe_size", "Size"}};
  CHECK_THROWS_AS(run(fx, path, bad_field), UsageError);
  auto bad_column = norway();
  bad_column.field_map = {{"number", "Nummer"}};
  CHECK_THROWS_WITH_AS(run(fx, path, bad_column),
                       (path + ":1: there is no column 'Nummer' (mapped to number)").c_str(), UsageError);
}

TEST_CASE("import: bad rows are rejected with their line and the rest lands") {
  StoreFixture fx;
  TempDir dir;
  auto path = dir.write("x.csv",
                        "number,name,created_at,org_number,email\n"
                        "1,Good One,2026-01-02,,\n"
                        "2,Bad Date,2026-02-30,,\n"
                        ",No Key,,,\n"
                        "4,Ragged\n"
                        "5,Bad Org,,923609017,\n"
                        "6,\"Bad \"quote,,,\n"
                        "7,Bad Mail,,,nobody\n"
                        "8,,,,\n"
                        "9,Good Two,,923609016,two@example.com\n");
  auto o = norway();
  o.reject_file = dir.file("rejects.csv");
  auto counts = run(fx, path, o);
  CHECK(counts.inserted == 2);
  CHECK(counts.rejected == 7);
  REQUIRE(counts.rejections.size() == 7);
  CHECK(counts.rejections[0].line == 3);
  CHECK(counts.rejections[0].reason == "'2026-02-30' is not a date");
  CHECK(counts.rejections[1].line == 4);
  CHECK(counts.rejections[1].reason == "neither a customer number nor an email");
  CHECK(counts.rejections[2].line == 5);
  CHECK(counts.rejections[2].reason == "expected 5 fields as in the header, found 2");
  CHECK(counts.rejections[3].line == 6);
  CHECK(counts.rejections[3].reason.find("Norwegian organisation number") != std::string::npos);
  CHECK(counts.rejections[4].line == 7);
  CHECK(counts.rejections[4].reason.rfind("malformed quoting", 0) == 0);
  CHECK(counts.rejections[5].line == 8);
  CHECK(counts.rejections[5].reason == "'nobody' is not an email address");
  CHECK(counts.rejections[6].line == 9);
  CHECK(counts.rejections[6].reason == "the name is empty");
  CHECK(counts.summary() == "2 inserted, 0 updated, 0 unchanged, 7 rejected");
  CHECK(fx.store().customers().count() == 2);
  CHECK(by_number(fx, "9").org_number == std::optional<std::string>("923609016"));
  std::string rejects = slurp(dir.file("rejects.csv"));
  CHECK(rejects.rfind("number,name,created_at,org_number,email,reject_line,reject_reason\n"
                      "2,Bad Date,2026-02-30,,,3,'2026-02-30' is not a date\n"
                      ",No Key,,,,4,neither a customer number nor an email\n"
                      "4,Ragged,,,,5,\"expected 5 fields as in the header, found 2\"\n",
                      0) == 0);

  SUBCASE("a fixed reject file imports with its extra columns ignored") {
    auto fixed = dir.write("fixed.csv",
                           "number,name,created_at,org_number,email,reject_line,reject_reason\n"
                           "2,Bad Date,2026-02-28,,,3,'2026-02-30' is not a date\n");
    auto again = run(fx, fixed, norway());
    CHECK(again.inserted == 1);
    CHECK(by_number(fx, "2").attributes.empty());
  }
}

TEST_CASE("import: --strict rejects the whole file") {
  StoreFixture fx;
  TempDir dir;
  auto path = dir.write("x.csv", "number,name,credit_limit\n1,A,10\n2,B,lots\n3,C,x\n");
  auto o = norway();
  o.strict = true;
  CHECK_THROWS_WITH_AS(run(fx, path, o),
                       (path + ":3: credit_limit: 'lots' is not a number (2 rows rejected; nothing was imported "
                               "because of --strict)").c_str(),
                       Error);
  CHECK(fx.store().customers().count() == 0);
  CHECK(fx.store().history().list(10).empty());
}

TEST_CASE("import: --dry-run counts what would happen and changes nothing") {
  StoreFixture fx;
  TempDir dir;
  run(fx, dir.write("a.csv", "number,name\n1,Bjørn\n"), norway());
  auto o = norway();
  o.dry_run = true;
  auto counts = run(fx, dir.write("b.csv", "number,name\n1,Bjørn Åberg\n2,Åse\n"), o);
  CHECK(counts.summary() == "1 inserted, 1 updated, 0 unchanged, 0 rejected");
  CHECK(fx.store().customers().count() == 1);
  CHECK(by_number(fx, "1").name == "Bjørn");
  CHECK(fx.store().history().list(10).size() == 1);
  CHECK(fx.consistent());
}

TEST_CASE("import: re-importing the same file changes nothing") {
  StoreFixture fx;
  TempDir dir;
  auto path = dir.write("x.csv",
                        "number,name,email,phone,credit_limit,created_at,tags,segment\n"
                        "1,Bjørn Åberg,b@example.com,+47 912 34 567,100.5,2026-01-02T10:00,vip,gold\n"
                        "2,Åse,,,,,,\n"
                        ",Mail Only,m@example.com,,,,,\n");
  CHECK(run(fx, path, norway()).summary() == "3 inserted, 0 updated, 0 unchanged, 0 rejected");
  CHECK(run(fx, path, norway()).summary() == "0 inserted, 0 updated, 3 unchanged, 0 rejected");
  CHECK(fx.store().history().list(10).size() == 1);  // the second import changed nothing
  auto upd = dir.write("y.csv", "email,name\nM@Example.com,Mail Changed\n");
  CHECK(run(fx, upd, norway()).summary() == "0 inserted, 1 updated, 0 unchanged, 0 rejected");
  CHECK(fx.store().customers().count() == 3);
}

TEST_CASE("import: an empty cell clears a field, a missing column keeps it") {
  StoreFixture fx;
  TempDir dir;
  run(fx, dir.write("a.csv", "number,name,city,phone,segment\n1,Bjørn,Oslo,91234567,gold\n"), norway());
  auto keep = run(fx, dir.write("b.csv", "number,name\n1,Bjørn Åberg\n"), norway());
  CHECK(keep.updated == 1);
  auto c = by_number(fx, "1");
  CHECK(c.name == "Bjørn Åberg");
  CHECK(c.city == std::optional<std::string>("Oslo"));
  CHECK(c.attributes.at("segment") == "gold");
  run(fx, dir.write("c.csv", "number,city,phone,segment\n1,,,\n"), norway());
  c = by_number(fx, "1");
  CHECK_FALSE(c.city);
  CHECK_FALSE(c.phone);
  CHECK_FALSE(c.phone_e164);
  CHECK(c.attributes.empty());
  CHECK(c.name == "Bjørn Åberg");
}

TEST_CASE("import: a legacy cp1252 file with one mapping file") {
  StoreFixture fx;
  TempDir dir;
  auto mapping = load_mapping_file(dir.write("visma.toml",
                                             "encoding = \"cp1252\"\n"
                                             "sep = \";\"\n"
                                             "decimal_comma = true\n"
                                             "date_format = \"%d.%m.%Y\"\n"
                                             "[fields]\n"
                                             "number = \"Kundenr\"\n"
                                             "name = \"Navn\"\n"
                                             "created_at = \"Opprettet dato\"\n"));
  auto path = dir.write("visma.csv",
                        "Kundenr;Navn;Opprettet dato;Kredittgrense;Poststed\r\n"
                        "00017;Bj\xF8rn \xC5" "berg;24.12.2025;1.234,50;Troms\xF8\r\n"
                        "00018;\xC6rlig AS;31.02.2025;0;Bod\xF8\r\n");
  auto o = norway();
  crm::import::apply_mapping(o, mapping, false, false, false, false);
  CHECK(o.read.separator == ';');
  CHECK(o.read.encoding == "cp1252");
  CHECK(o.number.decimal_comma);
  auto counts = run(fx, path, o);
  CHECK(counts.inserted == 1);
  REQUIRE(counts.rejections.size() == 1);
  CHECK(counts.rejections[0].line == 3);
  CHECK(counts.rejections[0].reason == "'31.02.2025' is not a date in the format %d.%m.%Y");
  auto c = by_number(fx, "00017");
  CHECK(c.name == "Bjørn Åberg");
  CHECK(c.created_at == std::optional<std::string>("2025-12-24"));
  CHECK(c.credit_limit == std::optional<std::int64_t>(123450));
  CHECK(c.city == std::optional<std::string>("Tromsø"));

  SUBCASE("flags win over the mapping") {
    ImportOptions flags = norway();
    flags.read.separator = ',';
    crm::import::apply_mapping(flags, mapping, true, false, false, false);
    CHECK(flags.read.separator == ',');
    CHECK(flags.read.encoding == "cp1252");
  }
}

TEST_CASE("normalise_header") {
  CHECK(crm::import::normalise_header(" Customer Number ") == "customer_number");
  CHECK(crm::import::normalise_header("E-post") == "e_post");
  CHECK(crm::import::normalise_header("Post.nr") == "post_nr");
  CHECK(crm::import::normalise_header("a - b") == "a_b");
}

TEST_CASE("import: summary notes count in the singular for one") {
  ImportCounts c;
  c.inserted = 1;
  c.notes["products created"] = 1;
  c.notes["return lines"] = 2;
  c.notes["of the skipped lines had no customer"] = 1;
  c.notes["customers created"] = 1;
  CHECK(c.summary() ==
        "1 inserted, 0 updated, 0 unchanged, 0 rejected; 1 customer created; 1 of the skipped lines had no customer; "
        "1 product created; 2 return lines");
}
