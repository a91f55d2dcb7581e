// report: the screen pop of `customer show` as one document. Its JSON must be exactly what
// the command has always printed (tests/cli/customer.t), while people see their own lines.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "report/render.hpp"

using namespace kunde;
using namespace kunde::report;
using io::OutputFormat;

namespace {

Datum money(std::int64_t minor) { return Decimal{minor, 2}; }

// Built the way the command would: machine members in their JSON order, the agent's lines
// for people, sections for the parts that nest.
Document customer_show(bool with_activity) {
  Document doc("Bjørn Åberg", "#1  K-001  person");
  std::optional<std::string> none;
  doc.fields(Audience::machines)
      .data("id", 1)
      .data("number", "K-001")
      .data("name", "Bjørn Åberg")
      .data("kind", "person")
      .data("email", "Bjorn.Aberg@Example.no")
      .data("phone", "+47 912 34 567")
      .data("street", "Storgata 1")
      .data("postal_code", "0155")
      .data("city", "Oslo")
      .data("country", "NO")
      .data("org_number", none)
      .data("created_at", "2024-03-01")
      .data("preferred_channel", "phone")
      .data("credit_limit", money(500000))
      .data("payment_terms_days", 30)
      .data("wallet", money(1200000))
      .data("tags", std::vector<std::string>{"b2c", "vip"})
      .data("notes", "Prefers calls after 16")
      .data("phone_e164", "+4791234567")
      .data("attributes", Datum::record())
      .data("merged_numbers", Datum::list());
  doc.fields(Audience::people)
      .show("tags", "b2c;vip")
      .show("phone", "+47 912 34 567  (+4791234567)")
      .show("email", "Bjorn.Aberg@Example.no")
      .show("address", "Storgata 1, 0155 Oslo, NO")
      .show("since", "2024-03-01")
      .show("balance", with_activity ? "1250.50  (limit 5000.00, 30 days)" : "0.00  (limit 5000.00, 30 days)");
  if (with_activity) doc.alert("OVERDUE 1250.50 (oldest unpaid 2026-10-01, terms 30 days)");
  doc.fields(Audience::people).show("channel", "phone").show("notes", "Prefers calls after 16");

  auto& stats = doc.section("statistics", "", Audience::machines);
  stats.fields()
      .data("orders", with_activity ? 1 : 0)
      .data("first_order_at", with_activity ? Datum("2026-10-01") : Datum())
      .data("last_order_at", with_activity ? Datum("2026-10-01") : Datum())
      .data("revenue", money(with_activity ? 125050 : 0))
      .data("margin", money(with_activity ? 50000 : 0))
      .data("paid", money(0))
      .data("balance", money(with_activity ? 125050 : 0))
      .data("avg_order_value", money(with_activity ? 125050 : 0))
      .data("oldest_unpaid_at", none)
      .data("top_categories", with_activity ? Datum("kitchen") : Datum())
      .data("favourite_categories", with_activity ? Datum(std::vector<std::string>{"kitchen"}) : Datum::list())
      .data("contacts", with_activity ? 3 : 0)
      .data("last_contact_at", none)
      .data("preferred_channel", none)
      .data("open_promises", 0);

  doc.section("account", "", Audience::machines)
      .fields()
      .data("invoiced", money(with_activity ? 125050 : 0))
      .data("paid", money(0))
      .data("balance", money(with_activity ? 125050 : 0))
      .data("overdue", money(with_activity ? 125050 : 0))
      .data("oldest_unpaid_at", none)
      .data("payment_terms_days", 30)
      .data("credit_limit", money(500000))
      .data("over_limit", false);

  auto& orders = doc.table("recent_orders", "last orders", {"order", "ordered_at", "channel", "status", "amount"});
  if (with_activity) {
    auto& o = orders.add_row({Value(std::string("A-1")), Value(std::string("2026-10-01")), Value(std::string("web")),
                              Value(std::string("completed")), Value(Decimal{125050, 2})});
    o.detail("lines", {"line", "sku", "name", "category", "quantity", "unit_price", "amount"})
        .add_row({Value(std::int64_t{1}), Value(std::string("POT")), Value(std::string("Pot")),
                  Value(std::string("kitchen")), Value(2.0), Value(Decimal{62525, 2}), Value(Decimal{125050, 2})});
  }

  auto& contacts = doc.section("contacts", "", Audience::machines);
  Datum by_channel = Datum::record();
  if (with_activity) by_channel.add("phone", Datum::record({{"in", 1}, {"out", 2}}));
  contacts.fields()
      .data("contacts", with_activity ? 3 : 0)
      .data("inbound", with_activity ? 1 : 0)
      .data("outbound", with_activity ? 2 : 0)
      .data("last_contact_at", none)
      .data("preferred_channel", none)
      .data("complaints", 0)
      .data("open_promises", 0)
      .data("open_follow_ups", 0)
      .data("next_follow_up_at", none)
      .data("by_channel", by_channel)
      .data("cost_to_serve", none)
      .data("cost_to_serve_configured", false);
  std::vector<std::string> contact_columns = {"id",      "at",           "channel", "direction", "subject",
                                              "outcome", "follow_up_at", "promise", "owner",     "done_at"};
  auto open_columns = contact_columns;
  open_columns.insert(open_columns.end(), {"due", "overdue_days"});
  contacts.table("open", "", open_columns);
  contacts.table("recent", "", contact_columns);
  return doc;
}

}  // namespace

TEST_CASE("report: customer show's JSON, byte for byte") {
  CHECK(render_to_string(customer_show(false), OutputFormat::json) == R"({
  "id": 1,
  "number": "K-001",
  "name": "Bjørn Åberg",
  "kind": "person",
  "email": "Bjorn.Aberg@Example.no",
  "phone": "+47 912 34 567",
  "street": "Storgata 1",
  "postal_code": "0155",
  "city": "Oslo",
  "country": "NO",
  "org_number": null,
  "created_at": "2024-03-01",
  "preferred_channel": "phone",
  "credit_limit": 5000.00,
  "payment_terms_days": 30,
  "wallet": 12000.00,
  "tags": [
    "b2c",
    "vip"
  ],
  "notes": "Prefers calls after 16",
  "phone_e164": "+4791234567",
  "attributes": {},
  "merged_numbers": [],
  "statistics": {
    "orders": 0,
    "first_order_at": null,
    "last_order_at": null,
    "revenue": 0.00,
    "margin": 0.00,
    "paid": 0.00,
    "balance": 0.00,
    "avg_order_value": 0.00,
    "oldest_unpaid_at": null,
    "top_categories": null,
    "favourite_categories": [],
    "contacts": 0,
    "last_contact_at": null,
    "preferred_channel": null,
    "open_promises": 0
  },
  "account": {
    "invoiced": 0.00,
    "paid": 0.00,
    "balance": 0.00,
    "overdue": 0.00,
    "oldest_unpaid_at": null,
    "payment_terms_days": 30,
    "credit_limit": 5000.00,
    "over_limit": false
  },
  "recent_orders": [],
  "contacts": {
    "contacts": 0,
    "inbound": 0,
    "outbound": 0,
    "last_contact_at": null,
    "preferred_channel": null,
    "complaints": 0,
    "open_promises": 0,
    "open_follow_ups": 0,
    "next_follow_up_at": null,
    "by_channel": {},
    "cost_to_serve": null,
    "cost_to_serve_configured": false,
    "open": [],
    "recent": []
  }
}
)");
}

TEST_CASE("report: customer show with orders: lines nest in their order, channels in a record") {
  Document doc = customer_show(true);
  std::string json = render_to_string(doc, OutputFormat::json);
  CHECK(json.find(R"(  "recent_orders": [
    {
      "order": "A-1",
      "ordered_at": "2026-10-01",
      "channel": "web",
      "status": "completed",
      "amount": 1250.50,
      "lines": [
        {
          "line": 1,
          "sku": "POT",
          "name": "Pot",
          "category": "kitchen",
          "quantity": 2.0,
          "unit_price": 625.25,
          "amount": 1250.50
        }
      ]
    }
  ],)") != std::string::npos);
  CHECK(json.find(R"(    "by_channel": {
      "phone": {
        "in": 1,
        "out": 2
      }
    },)") != std::string::npos);
  auto j = nlohmann::json::parse(json);
  CHECK(j["statistics"]["favourite_categories"] == nlohmann::json::array({"kitchen"}));
  // NDJSON: the same object on one line.
  std::string line = render_to_string(doc, OutputFormat::ndjson);
  CHECK(line.find('\n') == line.size() - 1);
  CHECK(nlohmann::json::parse(line) == j);
}

TEST_CASE("report: customer show for people") {
  CHECK(render_to_string(customer_show(true), OutputFormat::table) ==
        "Bjørn Åberg  #1  K-001  person\n"
        "tags      b2c;vip\n"
        "phone     +47 912 34 567  (+4791234567)\n"
        "email     Bjorn.Aberg@Example.no\n"
        "address   Storgata 1, 0155 Oslo, NO\n"
        "since     2024-03-01\n"
        "balance   1250.50  (limit 5000.00, 30 days)\n"
        "!         OVERDUE 1250.50 (oldest unpaid 2026-10-01, terms 30 days)\n"
        "channel   phone\n"
        "notes     Prefers calls after 16\n"
        "\n"
        "last orders\n"
        "order  ordered_at  channel  status     amount\n"
        "A-1    2026-10-01  web      completed  1250.50\n"
        "    line  sku  name  category  quantity  unit_price  amount\n"
        "       1  POT  Pot   kitchen          2      625.25  1250.50\n");
  // Without a primary table, CSV is the keyed top-level fields as one row.
  std::string csv = render_to_string(customer_show(false), OutputFormat::csv);
  CHECK(csv.substr(0, csv.find('\n')) ==
        "id,number,name,kind,email,phone,street,postal_code,city,country,org_number,created_at,preferred_channel,"
        "credit_limit,payment_terms_days,wallet,tags,notes,phone_e164,attributes,merged_numbers");
  CHECK(csv.find("\n1,K-001,Bjørn Åberg,person,") != std::string::npos);
  CHECK(csv.find(",5000.00,30,12000.00,b2c;vip,Prefers calls after 16,+4791234567,{},\n") != std::string::npos);
}
