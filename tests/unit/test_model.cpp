// model/: money, dates, organisation numbers and customer fields (phones: test_phone.cpp,
// countries: test_country.cpp).
#include <doctest/doctest.h>

#include <string>

#include "error.hpp"
#include "model/customer.hpp"
#include "model/dates.hpp"
#include "model/money.hpp"
#include "model/org_number.hpp"

using namespace kunde;
using namespace kunde::model;

namespace {
const NumberFormat kComma{true};
}

TEST_CASE("parse_money reads the usual ways of writing amounts") {
  CHECK(parse_money("1234.50", 2) == 123450);
  CHECK(parse_money("  12.5 ", 2) == 1250);
  CHECK(parse_money("12", 2) == 1200);
  CHECK(parse_money("0", 2) == 0);
  CHECK(parse_money(".5", 2) == 50);
  CHECK(parse_money("+3", 2) == 300);
  CHECK(parse_money("-12.50", 2) == -1250);
  CHECK(parse_money("- 12.50", 2) == -1250);
  CHECK(parse_money("(12.50)", 2) == -1250);
  CHECK(parse_money("12.5", 0) == 13);
  CHECK(parse_money("12.5", 3) == 12500);
}

TEST_CASE("parse_money thousands separators") {
  CHECK(parse_money("1,234.50", 2) == 123450);
  CHECK(parse_money("1,234,567.89", 2) == 123456789);
  CHECK(parse_money("1 234.50", 2) == 123450);
  CHECK(parse_money("1'234.50", 2) == 123450);
  CHECK(parse_money("1\xC2\xA0" "234.50", 2) == 123450);  // no-break space
  CHECK(parse_money("1 234,50", 2, kComma) == 123450);
  CHECK(parse_money("1.234,50", 2, kComma) == 123450);
  CHECK(parse_money("1\xC2\xA0" "234\xC2\xA0" "567,5", 2, kComma) == 123456750);
  CHECK(parse_money("12,5", 2, kComma) == 1250);
  CHECK(parse_money("(1.234,50)", 2, kComma) == -123450);
}

TEST_CASE("parse_money rounds half away from zero") {
  CHECK(parse_money("0.005", 2) == 1);
  CHECK(parse_money("0.004", 2) == 0);
  CHECK(parse_money("-0.005", 2) == -1);
  CHECK(parse_money("-0.0049", 2) == 0);
  CHECK(parse_money("2.675", 2) == 268);
  CHECK(parse_money("-2.675", 2) == -268);
  CHECK(parse_money("(2.675)", 2) == -268);
  CHECK(parse_money("1,995", 2, kComma) == 200);
  CHECK(parse_money("9.999", 2) == 1000);
}

TEST_CASE("parse_money rejects what is not an amount") {
  CHECK_THROWS_AS(parse_money("", 2), Error);
  CHECK_THROWS_AS(parse_money("   ", 2), Error);
  CHECK_THROWS_AS(parse_money("abc", 2), Error);
  CHECK_THROWS_AS(parse_money("12abc", 2), Error);
  CHECK_THROWS_AS(parse_money("NOK 12", 2), Error);
  CHECK_THROWS_AS(parse_money("1.2.3", 2), Error);
  CHECK_THROWS_AS(parse_money("12-", 2), Error);
  CHECK_THROWS_AS(parse_money("--5", 2), Error);
  CHECK_THROWS_AS(parse_money("(-5)", 2), Error);
  CHECK_THROWS_AS(parse_money("(12.50", 2), Error);
  CHECK_THROWS_AS(parse_money("-", 2), Error);
  CHECK_THROWS_AS(parse_money(".", 2), Error);
  CHECK_THROWS_AS(parse_money("1,234,50", 2, kComma), Error);
  // A comma meant as a decimal mark is not taken for a thousands separator.
  CHECK_THROWS_WITH_AS(parse_money("12,5", 2), doctest::Contains("three digits"), Error);
  CHECK_THROWS_AS(parse_money("1,23", 2), Error);
  CHECK_THROWS_AS(parse_money("1.2345,00", 2, kComma), Error);
  CHECK(parse_money("1 234 567", 2) == 123456700);
  CHECK_THROWS_AS(parse_money("99999999999999999999", 2), Error);
  CHECK_THROWS_WITH_AS(parse_money("12x", 2), "'12x' is not a number", Error);
}

TEST_CASE("parse_number and parse_integer") {
  CHECK(parse_number("1 234,5", kComma) == doctest::Approx(1234.5));
  CHECK(parse_number("-0.25") == doctest::Approx(-0.25));
  CHECK(parse_integer("30") == 30);
  CHECK(parse_integer(" 7 ") == 7);
  CHECK(parse_integer("-5") == -5);
  CHECK(parse_integer("+12") == 12);
  CHECK(parse_integer("007") == 7);
  CHECK_THROWS_AS(parse_integer(""), Error);
  CHECK_THROWS_AS(parse_integer("+"), Error);
  CHECK_THROWS_AS(parse_integer("3.0"), Error);
  CHECK_THROWS_AS(parse_integer("12a"), Error);
  CHECK_THROWS_AS(parse_integer("1 000"), Error);
  CHECK_THROWS_AS(parse_integer("99999999999999999999"), Error);
}

TEST_CASE("parse_date accepts the ISO shapes") {
  CHECK(parse_date("2026-11-30") == "2026-11-30");
  CHECK(parse_date(" 2026-11-30 ") == "2026-11-30");
  CHECK(parse_date("20261130") == "2026-11-30");
  CHECK(parse_date("2026-11-30 14:05") == "2026-11-30 14:05:00");
  CHECK(parse_date("2026-11-30 14:05:09") == "2026-11-30 14:05:09");
  CHECK(parse_date("2026-11-30T14:05:09") == "2026-11-30 14:05:09");
  CHECK(parse_date("2026-11-30T14:05:09.123") == "2026-11-30 14:05:09");
  CHECK(parse_date("2024-02-29") == "2024-02-29");
}

TEST_CASE("parse_date keeps offsets as written") {
  CHECK(parse_date("2026-11-30T14:05:09Z") == "2026-11-30 14:05:09Z");
  CHECK(parse_date("2026-11-30T14:05:09+01:00") == "2026-11-30 14:05:09+01:00");
  CHECK(parse_date("2026-11-30T23:30:00-05:00") == "2026-11-30 23:30:00-05:00");
  CHECK(parse_date("2026-11-30T14:05:09.5+02:00") == "2026-11-30 14:05:09+02:00");
}

TEST_CASE("parse_date rejects impossible and unknown dates") {
  CHECK_THROWS_AS(parse_date("2026-02-30"), Error);
  CHECK_THROWS_AS(parse_date("2026-02-29"), Error);
  CHECK_THROWS_AS(parse_date("2026-13-01"), Error);
  CHECK_THROWS_AS(parse_date("2026-00-10"), Error);
  CHECK_THROWS_AS(parse_date("20260230"), Error);
  CHECK_THROWS_AS(parse_date("30.11.2026"), Error);
  CHECK_THROWS_AS(parse_date(""), Error);
  CHECK_THROWS_AS(parse_date("2026-11-30x"), Error);
  CHECK_THROWS_AS(parse_date("2026-11-30 25:00"), Error);
  CHECK_THROWS_AS(parse_date("2026-11-30 12:60"), Error);
  CHECK_THROWS_AS(parse_date("2026-11-30T14:05:09+0100"), Error);
  CHECK_THROWS_AS(parse_date("2026-1-30"), Error);
  CHECK_THROWS_WITH_AS(parse_date("2026-02-30"), "'2026-02-30' is not a date", Error);
}

TEST_CASE("parse_date with a format") {
  CHECK(parse_date("30.11.2026", "%d.%m.%Y") == "2026-11-30");
  CHECK(parse_date("01.02.2026", "%d.%m.%Y") == "2026-02-01");
  CHECK(parse_date("11/30/2026", "%m/%d/%Y") == "2026-11-30");
  CHECK(parse_date("30.11.2026 14:05", "%d.%m.%Y %H:%M") == "2026-11-30 14:05:00");
  CHECK_THROWS_AS(parse_date("30.02.2026", "%d.%m.%Y"), Error);
  CHECK_THROWS_AS(parse_date("2026-11-30", "%d.%m.%Y"), Error);
  CHECK_THROWS_AS(parse_date("30.11.2026 trailing", "%d.%m.%Y"), Error);
  CHECK_THROWS_WITH_AS(parse_date("31.04.2026", "%d.%m.%Y"),
                       "'31.04.2026' is not a date in the format %d.%m.%Y", Error);
}

TEST_CASE("parse_days and relative dates") {
  CHECK(parse_days("90d") == 90);
  CHECK(parse_days("90") == 90);
  CHECK(parse_days("12w") == 84);
  CHECK(parse_days("6m") == 180);
  CHECK(parse_days("1y") == 365);
  CHECK(parse_days(" 2w ") == 14);
  CHECK_THROWS_AS(parse_days(""), UsageError);
  CHECK_THROWS_AS(parse_days("d"), UsageError);
  CHECK_THROWS_AS(parse_days("-5d"), UsageError);
  CHECK_THROWS_AS(parse_days("5x"), UsageError);
  CHECK_THROWS_AS(parse_days("5dd"), UsageError);
  CHECK_THROWS_AS(parse_days("100000d"), UsageError);

  CHECK(parse_date_relative("today", "2026-11-23") == "2026-11-23");
  CHECK(parse_date_relative("yesterday", "2026-11-01") == "2026-10-31");
  CHECK(parse_date_relative("tomorrow", "2026-12-31") == "2027-01-01");
  CHECK(parse_date_relative("+7d", "2026-11-23") == "2026-11-30");
  CHECK(parse_date_relative("-2w", "2026-11-23") == "2026-11-09");
  CHECK(parse_date_relative("2026-01-05", "2026-11-23") == "2026-01-05");
}

TEST_CASE("add_days across month and year ends") {
  CHECK(add_days("2026-11-30", 1) == "2026-12-01");
  CHECK(add_days("2026-12-31", 1) == "2027-01-01");
  CHECK(add_days("2027-01-01", -1) == "2026-12-31");
  CHECK(add_days("2026-03-01", -1) == "2026-02-28");
  CHECK(add_days("2024-03-01", -1) == "2024-02-29");
  CHECK(add_days("2026-01-31", 30) == "2026-03-02");
  CHECK(add_days("2026-01-01", 365) == "2027-01-01");
  CHECK(add_days("2026-05-17", 0) == "2026-05-17");
}

TEST_CASE("check_org_number: Norway (MOD11)") {
  CHECK(check_org_number("923609016", "NO") == "923609016");
  CHECK(check_org_number("923 609 016", "NO") == "923609016");
  CHECK(check_org_number("NO 923 609 016 MVA", "NO") == "923609016");
  CHECK(check_org_number("987654325", "NO") == "987654325");
  CHECK(check_org_number("900000030", "NO") == "900000030");  // remainder 0: check digit 0
  CHECK_THROWS_AS(check_org_number("923609017", "NO"), Error);
  CHECK_THROWS_AS(check_org_number("900000090", "NO"), Error);  // remainder 1: never valid
  CHECK_THROWS_AS(check_org_number("92360901", "NO"), Error);
  CHECK_THROWS_AS(check_org_number("9236090160", "NO"), Error);
  CHECK_THROWS_WITH_AS(check_org_number("923609017", "NO"),
                       "'923609017' is not a valid Norwegian organisation number: the check digit is wrong",
                       Error);
}

TEST_CASE("check_org_number: Sweden (Luhn)") {
  CHECK(check_org_number("556016-0680", "SE") == "556016-0680");
  CHECK(check_org_number("5560160680", "SE") == "556016-0680");
  CHECK(check_org_number("16556016-0680", "SE") == "556016-0680");
  CHECK(check_org_number("202100-5406", "SE") == "202100-5406");
  CHECK_THROWS_AS(check_org_number("556016-0681", "SE"), Error);
  CHECK_THROWS_AS(check_org_number("55601606", "SE"), Error);
}

TEST_CASE("check_org_number: Denmark (CVR)") {
  CHECK(check_org_number("10150817", "DK") == "10150817");
  CHECK(check_org_number("DK 21 29 64 81", "DK") == "21296481");
  CHECK(check_org_number("31255600", "DK") == "31255600");
  CHECK_THROWS_AS(check_org_number("10150818", "DK"), Error);
  CHECK_THROWS_AS(check_org_number("1015081", "DK"), Error);
}

TEST_CASE("check_org_number: Finland (Y-tunnus)") {
  CHECK(check_org_number("0112038-9", "FI") == "0112038-9");
  CHECK(check_org_number("01120389", "FI") == "0112038-9");
  CHECK(check_org_number("2331972-7", "FI") == "2331972-7");
  CHECK(check_org_number("1572860-0", "FI") == "1572860-0");
  CHECK(check_org_number("737546-2", "FI") == "0737546-2");  // six digits, leading zero left out
  CHECK_THROWS_AS(check_org_number("0112038-8", "FI"), Error);
  CHECK_THROWS_AS(check_org_number("123", "FI"), Error);
}

TEST_CASE("check_org_number: other countries pass unchecked") {
  CHECK(check_org_number(" DE123456789 ", "DE") == "DE123456789");
  CHECK(check_org_number("anything", "") == "anything");
}

TEST_CASE("customer_field finds fields by name and alias") {
  CHECK(customer_field("number") == kNumber);
  CHECK(customer_field("Kundenr") == kNumber);
  CHECK(customer_field("customer_number") == kNumber);
  CHECK(customer_field("e_post") == kEmail);
  CHECK(customer_field(" EMAIL ") == kEmail);
  CHECK(customer_field("postnr") == kPostalCode);
  CHECK(customer_field("price") == std::nullopt);
  CHECK(customer_columns().size() == kCustomerFieldCount);
  CHECK(customer_columns().front() == "number");
  CHECK(customer_columns().back() == "notes");
}

TEST_CASE("split_tags and join_tags") {
  CHECK(split_tags("b; a , c;;a") == std::vector<std::string>{"a", "b", "c"});
  CHECK(split_tags("") == std::vector<std::string>{});
  CHECK(split_tags(" ; , ") == std::vector<std::string>{});
  CHECK(split_tags("vip") == std::vector<std::string>{"vip"});
  CHECK(join_tags({"a", "b"}) == "a;b");
  CHECK(join_tags({}) == "");
}

TEST_CASE("set_customer_field parses each field") {
  ParseContext ctx;
  ctx.region = "NO";
  Customer c;
  set_customer_field(c, kNumber, " 00123 ", ctx);
  CHECK(c.number == std::optional<std::string>("00123"));
  set_customer_field(c, kName, "  Bjørn Åberg ", ctx);
  CHECK(c.name == "Bjørn Åberg");
  set_customer_field(c, kKind, "Bedrift", ctx);
  CHECK(c.kind == "company");
  set_customer_field(c, kKind, "privat", ctx);
  CHECK(c.kind == "person");
  CHECK_THROWS_AS(set_customer_field(c, kKind, "alien", ctx), Error);
  set_customer_field(c, kCreditLimit, "10 000.50", ctx);
  CHECK(c.credit_limit == std::optional<std::int64_t>(1000050));
  set_customer_field(c, kWallet, "250", ctx);
  CHECK(c.wallet == std::optional<std::int64_t>(25000));
  set_customer_field(c, kPaymentTermsDays, "30", ctx);
  CHECK(c.payment_terms_days == std::optional<std::int64_t>(30));
  CHECK_THROWS_AS(set_customer_field(c, kPaymentTermsDays, "-1", ctx), Error);
  CHECK_THROWS_AS(set_customer_field(c, kPaymentTermsDays, "thirty", ctx), Error);
  CHECK_THROWS_WITH_AS(set_customer_field(c, kCreditLimit, "lots", ctx),
                       "credit_limit: 'lots' is not a number", Error);
  set_customer_field(c, kCreatedAt, "2026-03-04T10:00:00", ctx);
  CHECK(c.created_at == std::optional<std::string>("2026-03-04 10:00:00"));
  CHECK_THROWS_AS(set_customer_field(c, kCreatedAt, "2026-02-30", ctx), Error);
  set_customer_field(c, kPreferredChannel, "Email", ctx);
  CHECK(c.preferred_channel == std::optional<std::string>("email"));
  set_customer_field(c, kTags, "vip;b2b, vip", ctx);
  CHECK(c.tags == std::vector<std::string>{"b2b", "vip"});
  set_customer_field(c, kNotes, "  note  ", ctx);
  CHECK(c.notes == std::optional<std::string>("note"));

  SUBCASE("empty text clears a field") {
    set_customer_field(c, kNumber, "", ctx);
    CHECK_FALSE(c.number);
    set_customer_field(c, kCreditLimit, " ", ctx);
    CHECK_FALSE(c.credit_limit);
    set_customer_field(c, kCreatedAt, "", ctx);
    CHECK_FALSE(c.created_at);
    set_customer_field(c, kTags, "", ctx);
    CHECK(c.tags.empty());
    set_customer_field(c, kName, "", ctx);
    CHECK(c.name == "");
    set_customer_field(c, kNotes, "", ctx);
    CHECK_FALSE(c.notes);
  }
}

TEST_CASE("set_customer_field honours decimal comma and date format") {
  ParseContext ctx;
  ctx.number.decimal_comma = true;
  ctx.date_format = "%d.%m.%Y";
  Customer c;
  set_customer_field(c, kCreditLimit, "1.234,56", ctx);
  CHECK(c.credit_limit == std::optional<std::int64_t>(123456));
  set_customer_field(c, kCreatedAt, "24.12.2025", ctx);
  CHECK(c.created_at == std::optional<std::string>("2025-12-24"));
  ctx.money_decimals = 0;
  set_customer_field(c, kCreditLimit, "99,5", ctx);
  CHECK(c.credit_limit == std::optional<std::int64_t>(100));
}

TEST_CASE("normalise derives keys and checks the organisation number") {
  ParseContext ctx;
  ctx.region = "NO";
  Customer c;
  c.name = "Fjord AS";
  c.email = "  Post@Fjord.NO ";
  c.phone = "912 34 567";
  c.org_number = "923 609 016";
  KeptAsWritten kept = normalise(c, ctx);
  CHECK_FALSE(kept.country);
  CHECK_FALSE(kept.phone);
  CHECK(c.email_key == std::optional<std::string>("post@fjord.no"));
  CHECK(c.email == std::optional<std::string>("  Post@Fjord.NO "));  // stored as given
  CHECK(c.phone_e164 == std::optional<std::string>("+4791234567"));
  CHECK(c.org_number == std::optional<std::string>("923609016"));

  SUBCASE("the customer's country decides the phone and org number rules") {
    c.country = "Sverige";
    c.phone = "08-123 456 78";
    c.org_number = "5560160680";
    kept = normalise(c, ctx);
    CHECK(c.country == std::optional<std::string>("SE"));  // stored as its code
    CHECK_FALSE(kept.country);
    CHECK(c.phone_e164 == std::optional<std::string>("+46812345678"));
    CHECK(c.org_number == std::optional<std::string>("556016-0680"));
  }
  SUBCASE("a country kunde does not recognise is kept as written, and counted") {
    c.country = "Atlantis";
    kept = normalise(c, ctx);
    CHECK(c.country == std::optional<std::string>("Atlantis"));
    CHECK(kept.country);
    CHECK(c.phone_e164 == std::optional<std::string>("+4791234567"));  // the default region's
  }
  SUBCASE("a stored record spares reading the phone again, also when the file names the country") {
    Customer stored = c;
    stored.country = "DE";
    stored.phone_e164 = "+49301234567";  // as it was read when stored
    c.country = "Deutschland";
    c.phone = stored.phone;
    normalise(c, ctx, &stored);
    CHECK(c.country == std::optional<std::string>("DE"));
    CHECK(c.phone_e164 == std::optional<std::string>("+49301234567"));
  }
  SUBCASE("bad values are refused") {
    Customer bad = c;
    bad.org_number = "923609017";
    CHECK_THROWS_AS(normalise(bad, ctx), Error);
    bad = c;
    bad.email = "not-an-address";
    CHECK_THROWS_WITH_AS(normalise(bad, ctx), "'not-an-address' is not an email address", Error);
    bad.email = "@example.com";
    CHECK_THROWS_AS(normalise(bad, ctx), Error);
    bad.email = "a b@example.com";
    CHECK_THROWS_AS(normalise(bad, ctx), Error);
  }
  SUBCASE("clearing fields clears their keys") {
    c.email.reset();
    c.phone.reset();
    normalise(c, ctx);
    CHECK_FALSE(c.email_key);
    CHECK_FALSE(c.phone_e164);
  }
  SUBCASE("a phone that is no number keeps no E.164 form") {
    c.phone = "ask reception";
    kept = normalise(c, ctx);
    CHECK(c.phone == std::optional<std::string>("ask reception"));
    CHECK_FALSE(c.phone_e164);
    CHECK(kept.phone);
  }
}

TEST_CASE("customer_values gives typed output values") {
  Customer c;
  c.number = "K1";
  c.name = "Åse";
  c.credit_limit = 1250;
  c.payment_terms_days = 14;
  c.tags = {"a", "b"};
  auto v = customer_values(c, 2);
  REQUIRE(v.size() == kCustomerFieldCount);
  CHECK(std::get<std::string>(v[kNumber]) == "K1");
  CHECK(std::get<std::string>(v[kName]) == "Åse");
  CHECK(std::get<std::string>(v[kKind]) == "person");
  CHECK(is_null(v[kEmail]));
  CHECK(std::get<Decimal>(v[kCreditLimit]) == Decimal{1250, 2});
  CHECK(std::get<std::int64_t>(v[kPaymentTermsDays]) == 14);
  CHECK(is_null(v[kWallet]));
  CHECK(std::get<std::string>(v[kTags]) == "a;b");
}

TEST_CASE("model: a customer number a spreadsheet wrote with a decimal zero is the whole number") {
  CHECK(model::customer_number_text("17850.0") == "17850");
  CHECK(model::customer_number_text("0042.00") == "0042");
  CHECK(model::customer_number_text("17850") == "17850");
  CHECK(model::customer_number_text("17850.5") == "17850.5");
  CHECK(model::customer_number_text("K-1.0") == "K-1.0");
  CHECK(model::customer_number_text(".0") == ".0");
  CHECK(model::customer_number_text("12.") == "12.");
  CHECK(model::customer_number_text("1.0.0") == "1.0.0");
  CHECK(model::customer_number_text("") == "");
}

TEST_CASE("compose_name: first and last name make the name, or a company's contact person") {
  model::Customer c;
  model::compose_name(c, " Leonie ", "Köhler", false, false, false);
  CHECK(c.name == "Leonie Köhler");
  CHECK(c.kind == "person");
  CHECK_FALSE(c.contact_person);

  model::Customer only_last;
  model::compose_name(only_last, "", "Tremblay", true, false, false);
  CHECK(only_last.name == "Tremblay");

  model::Customer company;
  company.name = "Embraer S.A.";
  model::compose_name(company, "Luís", "Gonçalves", true, false, false);
  CHECK(company.name == "Embraer S.A.");
  CHECK(company.kind == "company");
  CHECK(company.contact_person == std::optional<std::string>("Luís Gonçalves"));

  // What the row says itself stays: its kind and its contact person.
  model::Customer said;
  said.name = "Embraer S.A.";
  said.contact_person = "Reception";
  model::compose_name(said, "Luís", "Gonçalves", true, true, true);
  CHECK(said.kind == "person");
  CHECK(said.contact_person == std::optional<std::string>("Reception"));

  // A name column that is no company's keeps the name it has.
  model::Customer full;
  full.name = "Luís G.";
  model::compose_name(full, "Luís", "Gonçalves", false, false, false);
  CHECK(full.name == "Luís G.");
  CHECK(full.kind == "person");

  CHECK(model::is_company_column("companyName"));
  CHECK(model::is_company_column("Company"));
  CHECK_FALSE(model::is_company_column("Name"));
}

TEST_CASE("compose_contact: a contact person's first and last name make a company's contact person") {
  model::Customer c;
  c.name = "Koala Scale Models, Co.";
  model::compose_contact(c, "Paul ", " Fulton", false, false);
  CHECK(c.name == "Koala Scale Models, Co.");
  CHECK(c.kind == "company");
  CHECK(c.contact_person == std::optional<std::string>("Paul Fulton"));

  model::Customer none;
  model::compose_contact(none, " ", "", false, false);
  CHECK(none.kind == "person");
  CHECK_FALSE(none.contact_person);

  // What the row says itself stays.
  model::Customer said;
  said.contact_person = "Reception";
  model::compose_contact(said, "Paul", "", true, true);
  CHECK(said.kind == "person");
  CHECK(said.contact_person == std::optional<std::string>("Reception"));
}
