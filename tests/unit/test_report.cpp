// report: one document rendered as terminal text, CSV/TSV, JSON/NDJSON, Markdown and HTML;
// the JSON of `customer show` built as a document; escaping, decimals, nulls, empty tables,
// UTF-8 alignment, detail tables, streamed rows.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "error.hpp"
#include "report/render.hpp"

using namespace kunde;
using namespace kunde::report;
using io::OutputFormat;

namespace {

Value text(const char* s) { return Value(std::string(s)); }
Value integer(std::int64_t i) { return Value(i); }
Value money(std::int64_t minor) { return Value(Decimal{minor, 2}); }

std::string out(const Document& doc, OutputFormat f, io::WriterOptions o = {}) { return render_to_string(doc, f, o); }

// A small report: fields, an alert, a section with a table and a note.
Document sample() {
  Document doc("Summary", "as of 2026-12-06");
  doc.fields()
      .add("customers", "customers", 4)
      .add("revenue", "revenue", Decimal{125050, 2})
      .add("unknown", "unknown", Datum());
  doc.alert("2 customers OVER LIMIT");
  auto& s = doc.section("top", "Top customers");
  auto& t = s.table("customers", "", {"id", "name", "revenue"});
  t.primary = true;
  t.add_row({integer(1), text("Bjørn Åberg"), money(100000)});
  t.add_row({integer(22), text("Næss & Sønn | AS"), money(25050)});
  s.note("revenue net of discounts");
  return doc;
}

}  // namespace

TEST_CASE("report: terminal layout of a small document") {
  CHECK(out(sample(), OutputFormat::table) ==
        "Summary  as of 2026-12-06\n"
        "customers  4\n"
        "revenue    1250.50\n"
        "!          2 customers OVER LIMIT\n"
        "\n"
        "Top customers\n"
        "─────────────\n"
        "id  name              revenue\n"
        " 1  Bjørn Åberg       1000.00\n"
        "22  Næss & Sønn | AS   250.50\n"
        "\n"
        "revenue net of discounts\n");
}

TEST_CASE("report: terminal colour only when asked") {
  io::WriterOptions colour;
  colour.color = true;
  std::string c = out(sample(), OutputFormat::table, colour);
  CHECK(c.find("\x1b[1;36mSummary\x1b[0m") != std::string::npos);
  CHECK(c.find("\x1b[1;31m!          2 customers OVER LIMIT\x1b[0m") != std::string::npos);
  CHECK(out(sample(), OutputFormat::table).find('\x1b') == std::string::npos);
}

TEST_CASE("report: label column fits the longest label, by display width") {
  Document doc;
  doc.fields().add("Kundeansvarlig selger", "owner", "Åse").add("by", "city", "Tromsø").show("日本", "wide");
  CHECK(out(doc, OutputFormat::table) ==
        "Kundeansvarlig selger  Åse\n"
        "by                     Tromsø\n"
        "日本                   wide\n");
  Document narrow;
  narrow.fields().add("ø", "o", "x").show("notes", "line one\nline two");
  CHECK(out(narrow, OutputFormat::table) ==
        "ø         x\n"
        "notes     line one\n"
        "          line two\n");
}

TEST_CASE("report: people and machines see their own fields") {
  Document doc("Kari");
  doc.fields(Audience::machines).add("", "phone", "+47 912 34 567").data("phone_e164", "+4791234567");
  doc.fields(Audience::people).show("phone", "+47 912 34 567  (+4791234567)");
  doc.fields().add("balance", "balance", Decimal{0, 2}, "0.00  (limit 5000.00)");
  CHECK(out(doc, OutputFormat::table) ==
        "Kari\n"
        "phone     +47 912 34 567  (+4791234567)\n"
        "balance   0.00  (limit 5000.00)\n");
  CHECK(out(doc, OutputFormat::ndjson) ==
        "{\"phone\":\"+47 912 34 567\",\"phone_e164\":\"+4791234567\",\"balance\":0.00}\n");
}

TEST_CASE("report: detail tables indented under their row") {
  Document doc;
  auto& t = doc.table("orders", "last orders", {"order", "amount"});
  auto& a = t.add_row({text("A-3"), money(30000)});
  a.detail("lines", {"sku", "quantity", "amount"}).add_row({text("POT"), Value(1.0), money(30000)});
  t.add_row({text("A-2"), money(500)});
  auto& c = t.add_row({text("A-1"), money(15000)});
  auto& lines = c.detail("lines", {"sku", "quantity", "amount"});
  lines.add_row({text("KNIFE-LONG"), Value(2.0), money(10000)});
  lines.add_row({text("BOARD"), Value(1.0), money(5000)});
  CHECK(out(doc, OutputFormat::table) ==
        "last orders\n"
        "order  amount\n"
        "A-3    300.00\n"
        "    sku         quantity  amount\n"
        "    POT                1  300.00\n"
        "A-2      5.00\n"
        "A-1    150.00\n"
        "    KNIFE-LONG         2  100.00\n"
        "    BOARD              1   50.00\n");
  CHECK(out(doc, OutputFormat::json) ==
        "{\n"
        "  \"orders\": [\n"
        "    {\n"
        "      \"order\": \"A-3\",\n"
        "      \"amount\": 300.00,\n"
        "      \"lines\": [\n"
        "        {\n"
        "          \"sku\": \"POT\",\n"
        "          \"quantity\": 1.0,\n"
        "          \"amount\": 300.00\n"
        "        }\n"
        "      ]\n"
        "    },\n"
        "    {\n"
        "      \"order\": \"A-2\",\n"
        "      \"amount\": 5.00\n"
        "    },\n"
        "    {\n"
        "      \"order\": \"A-1\",\n"
        "      \"amount\": 150.00,\n"
        "      \"lines\": [\n"
        "        {\n"
        "          \"sku\": \"KNIFE-LONG\",\n"
        "          \"quantity\": 2.0,\n"
        "          \"amount\": 100.00\n"
        "        },\n"
        "        {\n"
        "          \"sku\": \"BOARD\",\n"
        "          \"quantity\": 1.0,\n"
        "          \"amount\": 50.00\n"
        "        }\n"
        "      ]\n"
        "    }\n"
        "  ]\n"
        "}\n");
  t.primary = true;
  CHECK(out(doc, OutputFormat::json) ==
        "[\n"
        "  {\"order\":\"A-3\",\"amount\":300.00,\"lines\":[{\"sku\":\"POT\",\"quantity\":1.0,\"amount\":300.00}]},\n"
        "  {\"order\":\"A-2\",\"amount\":5.00},\n"
        "  {\"order\":\"A-1\",\"amount\":150.00,\"lines\":[{\"sku\":\"KNIFE-LONG\",\"quantity\":2.0,\"amount\":100.00},"
        "{\"sku\":\"BOARD\",\"quantity\":1.0,\"amount\":50.00}]}\n"
        "]\n");
  CHECK(out(doc, OutputFormat::csv) == "order,amount\nA-3,300.00\nA-2,5.00\nA-1,150.00\n");
  std::string md = out(doc, OutputFormat::md);
  CHECK(
      md.find("*lines of A-1*\n\n| sku | quantity | amount |\n| --- | ---: | ---: |\n| KNIFE-LONG | 2 | 100.00 |\n") !=
      std::string::npos);
  std::string html = out(doc, OutputFormat::html);
  CHECK(html.find("<tr class=\"detail\"><td colspan=\"2\">\n<table class=\"detail\">") != std::string::npos);
}

TEST_CASE("report: a list document stays what io's writers made of it") {
  Document doc;
  auto& t = doc.table("customers", "Customers", {"id", "name", "credit_limit", "note"});
  t.primary = true;
  t.add_row({integer(1), text("Bjørn \"B\""), money(1250), Value()});
  t.add_row({integer(2), text("=cmd"), money(-5), Value(true)});
  CHECK(out(doc, OutputFormat::json) ==
        "[\n"
        "  {\"id\":1,\"name\":\"Bjørn \\\"B\\\"\",\"credit_limit\":12.50,\"note\":null},\n"
        "  {\"id\":2,\"name\":\"=cmd\",\"credit_limit\":-0.05,\"note\":true}\n"
        "]\n");
  CHECK(out(doc, OutputFormat::ndjson) ==
        "{\"id\":1,\"name\":\"Bjørn \\\"B\\\"\",\"credit_limit\":12.50,\"note\":null}\n"
        "{\"id\":2,\"name\":\"=cmd\",\"credit_limit\":-0.05,\"note\":true}\n");
  CHECK(out(doc, OutputFormat::csv) == "id,name,credit_limit,note\n1,\"Bjørn \"\"B\"\"\",12.50,\n2,=cmd,-0.05,true\n");
  io::WriterOptions safe;
  safe.safe_csv = true;
  CHECK(out(doc, OutputFormat::tsv, safe) ==
        "id\tname\tcredit_limit\tnote\n1\t\"Bjørn \"\"B\"\"\"\t12.50\t\n2\t'=cmd\t-0.05\ttrue\n");
  // A title for people and a field only they see leave the array alone.
  doc.fields().show("note", "for people");
  CHECK(out(doc, OutputFormat::json).substr(0, 2) == "[\n");
  // A keyed field makes it an object.
  doc.fields().add("count", "count", 2);
  auto j = nlohmann::json::parse(out(doc, OutputFormat::json));
  CHECK(j["count"] == 2);
  CHECK(j["customers"].size() == 2);
  CHECK(out(doc, OutputFormat::ndjson).substr(0, 7) == "{\"id\":1");
}

TEST_CASE("report: streamed rows are written without being kept") {
  int calls = 0;
  auto make = [&] {
    Document doc;
    auto& t = doc.table("rows", "", {"n", "sq"});
    t.primary = true;
    t.add_row({integer(0), integer(0)});
    t.stream = [&](const RowEmit& emit) {
      ++calls;
      for (std::int64_t i = 1; i <= 3; ++i) emit({integer(i), integer(i * i)});
    };
    return doc;
  };
  CHECK(out(make(), OutputFormat::csv) == "n,sq\n0,0\n1,1\n2,4\n3,9\n");
  CHECK(out(make(), OutputFormat::ndjson) ==
        "{\"n\":0,\"sq\":0}\n{\"n\":1,\"sq\":1}\n{\"n\":2,\"sq\":4}\n{\"n\":3,\"sq\":9}\n");
  CHECK(out(make(), OutputFormat::table) == "n  sq\n0   0\n1   1\n2   4\n3   9\n");
  CHECK(out(make(), OutputFormat::md) == "| n | sq |\n| ---: | ---: |\n| 0 | 0 |\n| 1 | 1 |\n| 2 | 4 |\n| 3 | 9 |\n");
  CHECK(calls == 4);
}

TEST_CASE("report: streamed rows in a JSON document are laid out as kept rows are") {
  // The same document twice: its tables' rows kept, or made while rendering.
  auto make = [](bool streamed) {
    Document doc("Report");
    doc.fields().add("as of", "as_of", "2026-12-06");
    auto fill = [streamed](Table& t, std::int64_t n) {
      if (!streamed) {
        for (std::int64_t i = 1; i <= n; ++i) t.add_row({integer(i), text(i % 2 ? "odd" : "even")});
        return;
      }
      t.stream = [n](const RowEmit& emit) {
        for (std::int64_t i = 1; i <= n; ++i) emit({integer(i), text(i % 2 ? "odd" : "even")});
      };
    };
    fill(doc.table("first", "", {"n", "kind"}), 3);
    auto& nested = doc.section("deeper", "Deeper");
    nested.fields().add("largest", "largest", Value(Decimal{12345, 2}));
    fill(nested.table("", "By size", {"n", "kind"}), 2);
    fill(nested.table("none", "", {"n", "kind"}), 0);
    return doc;
  };
  const std::string kept = out(make(false), OutputFormat::json);
  CHECK(kept.find("\"by_size\": [\n      {\n        \"n\": 1,") != std::string::npos);
  CHECK(out(make(true), OutputFormat::json) == kept);
  CHECK(out(make(true), OutputFormat::ndjson) == out(make(false), OutputFormat::ndjson));
}

TEST_CASE("report: csv of a document without tables is its top-level fields as one row") {
  Document doc("Kari Nordmann");
  doc.fields()
      .add("id", "id", 5)
      .add("balance", "balance", Decimal{30000, 2})
      .add("tags", "tags", std::vector<std::string>{"b2c", "vip"})
      .show("address", "Storgata 1, Oslo")
      .add("email", "email", std::optional<std::string>{});
  auto& inner = doc.section("", "");
  inner.fields().add("city", "city", "Oslo, NO");
  doc.section("stats", "Statistics").fields().add("orders", "orders", 2);
  doc.fields().add("by channel", "by_channel", Datum::record({{"phone", Datum::record({{"in", 1}, {"out", 2}})}}));
  CHECK(out(doc, OutputFormat::csv) ==
        "id,balance,tags,email,city,by_channel\n"
        "5,300.00,b2c;vip,,\"Oslo, NO\",\"{\"\"phone\"\":{\"\"in\"\":1,\"\"out\"\":2}}\"\n");
  CHECK(out(doc, OutputFormat::tsv) ==
        "id\tbalance\ttags\temail\tcity\tby_channel\n"
        "5\t300.00\tb2c;vip\t\tOslo, NO\t\"{\"\"phone\"\":{\"\"in\"\":1,\"\"out\"\":2}}\"\n");
  CHECK(out(doc, OutputFormat::table) ==
        "Kari Nordmann\n"
        "id          5\n"
        "balance     300.00\n"
        "tags        b2c, vip\n"
        "address     Storgata 1, Oslo\n"
        "city        Oslo, NO\n"
        "\n"
        "Statistics\n"
        "──────────\n"
        "orders    2\n"
        "\n"
        "by channel  phone (in 1, out 2)\n");
  Document empty;
  CHECK(out(empty, OutputFormat::csv).empty());
  CHECK(out(empty, OutputFormat::json) == "{}\n");
}

TEST_CASE("report: json members: keyed sections nest, unkeyed ones merge, text needs a key") {
  Document doc("Report");
  doc.fields().add("as of", "as_of", "2026-12-06");
  doc.paragraph("Only people read this.");
  doc.alert("3 customers at risk", "warning");
  auto& merged = doc.section("", "Counts");
  merged.fields().add("total", "total", 10).add("share", "share", 0.25);
  auto& nested = doc.section("segments", "Segments");
  nested.fields().add("largest", "largest", "Champions");
  nested.table("", "By size", {"segment", "customers"}).add_row({text("Champions"), integer(4)});
  nested.section("empty", "").fields().data("none", Datum::list());
  CHECK(out(doc, OutputFormat::json) ==
        "{\n"
        "  \"as_of\": \"2026-12-06\",\n"
        "  \"warning\": \"3 customers at risk\",\n"
        "  \"total\": 10,\n"
        "  \"share\": 0.25,\n"
        "  \"segments\": {\n"
        "    \"largest\": \"Champions\",\n"
        "    \"by_size\": [\n"
        "      {\n"
        "        \"segment\": \"Champions\",\n"
        "        \"customers\": 4\n"
        "      }\n"
        "    ],\n"
        "    \"empty\": {\n"
        "      \"none\": []\n"
        "    }\n"
        "  }\n"
        "}\n");
  CHECK(out(doc, OutputFormat::ndjson) ==
        "{\"as_of\":\"2026-12-06\",\"warning\":\"3 customers at risk\",\"total\":10,\"share\":0.25,\"segments\":"
        "{\"largest\":\"Champions\",\"by_size\":[{\"segment\":\"Champions\",\"customers\":4}],\"empty\":{\"none\":[]}}}"
        "\n");
}

TEST_CASE("report: two JSON members of one name are refused before anything is written") {
  Document doc;
  doc.fields().add("a", "total", 1);
  doc.section("", "").fields().add("b", "total", 2);
  std::ostringstream json;
  CHECK_THROWS_AS(render(doc, OutputFormat::json, json, {}), Error);
  CHECK(json.str().empty());
  CHECK_NOTHROW(out(doc, OutputFormat::table));
}

TEST_CASE("report: decimals keep their digits, nulls stay null") {
  Document doc;
  doc.fields()
      .add("price", "price", Decimal{1250, 2})
      .add("rate", "rate", Decimal{5, 3})
      .add("whole", "whole", Decimal{7, 0})
      .add("ratio", "ratio", 0.5)
      .add("none", "none", Datum())
      .add("list", "list", Datum::list({Decimal{100, 2}, Datum(), "x"}));
  CHECK(out(doc, OutputFormat::ndjson) ==
        "{\"price\":12.50,\"rate\":0.005,\"whole\":7,\"ratio\":0.5,\"none\":null,\"list\":[1.00,null,\"x\"]}\n");
  CHECK(out(doc, OutputFormat::csv) == "price,rate,whole,ratio,none,list\n12.50,0.005,7,0.5,,1.00;;x\n");
  CHECK(out(doc, OutputFormat::table) ==
        "price     12.50\n"
        "rate      0.005\n"
        "whole     7\n"
        "ratio     0.5\n"
        "list      1.00, , x\n");
}

TEST_CASE("report: empty tables") {
  Document doc;
  doc.table("open", "Open follow-ups", {"id", "due"});
  CHECK(out(doc, OutputFormat::table) == "Open follow-ups\nid  due\n");
  CHECK(out(doc, OutputFormat::json) == "{\n  \"open\": []\n}\n");
  CHECK(out(doc, OutputFormat::csv) == "id,due\n");
  CHECK(out(doc, OutputFormat::md) == "## Open follow-ups\n\n| id | due |\n| --- | --- |\n");
  CHECK(out(doc, OutputFormat::html).find("<td class=\"empty\" colspan=\"2\">none</td>") != std::string::npos);
  std::get<Table>(doc.blocks.front().content).primary = true;
  CHECK(out(doc, OutputFormat::json) == "[]\n");
  CHECK(out(doc, OutputFormat::ndjson) == "");
}

TEST_CASE("report: markdown") {
  CHECK(out(sample(), OutputFormat::md) ==
        "# Summary\n"
        "\n"
        "*as of 2026-12-06*\n"
        "\n"
        "- **customers:** 4\n"
        "- **revenue:** 1250.50\n"
        "\n"
        "> **2 customers OVER LIMIT**\n"
        "\n"
        "## Top customers\n"
        "\n"
        "| id | name | revenue |\n"
        "| ---: | --- | ---: |\n"
        "| 1 | Bjørn Åberg | 1000.00 |\n"
        "| 22 | Næss \\& Sønn \\| AS | 250.50 |\n"
        "\n"
        "*revenue net of discounts*\n");
  Document hostile("<script>alert(1)</script>");
  hostile.fields().add("name", "name", "a_b *c* [d](e)");
  std::string md = out(hostile, OutputFormat::md);
  CHECK(md == "# \\<script\\>alert(1)\\</script\\>\n\n- **name:** a\\_b \\*c\\* \\[d\\](e)\n");
}

TEST_CASE("report: html is one escaped, self-contained page") {
  Document doc("Næss & Sønn <script>alert(1)</script>", "as of 2026-12-06");
  doc.fields().add("name", "name", "Tom & Jerry <b>").show("notes", "one\ntwo");
  doc.alert("OVER LIMIT by 100.00");
  auto& t = doc.table("t", "Tab<le>", {"id", "name"});
  t.add_row({integer(1), text("<script>x</script> & co")});
  Chart c(ChartKind::bar, "c", "Chart <&>");
  c.categories = {"<a>"};
  c.add_series("s&p", {1});
  doc.chart(c);
  std::string html = out(doc, OutputFormat::html);
  CHECK(html.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<title>Næss &amp; Sønn &lt;script&gt;alert(1)&lt;/script&gt; — as of 2026-12-06</title>") !=
        std::string::npos);
  CHECK(html.find("<td>Tom &amp; Jerry &lt;b&gt;</td>") != std::string::npos);
  CHECK(html.find("<td>one<br>two</td>") != std::string::npos);
  CHECK(html.find("<p class=\"alert\">OVER LIMIT by 100.00</p>") != std::string::npos);
  CHECK(html.find("<h2>Tab&lt;le&gt;</h2>") != std::string::npos);
  CHECK(html.find("<td>&lt;script&gt;x&lt;/script&gt; &amp; co</td>") != std::string::npos);
  CHECK(html.find("<td class=\"n\">1</td>") != std::string::npos);
  CHECK(html.find("Chart &lt;&amp;&gt;") != std::string::npos);
  CHECK(html.find("s&amp;p") != std::string::npos);
  for (const char* external : {"src=", "href=", "url(", "@import", "<link", "<img"})
    CHECK_MESSAGE(html.find(external) == std::string::npos, external);
  CHECK(html.find("<style>") != std::string::npos);
  CHECK(html.find("max-width:880px") != std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.substr(html.size() - 16) == "</body>\n</html>\n");
}

TEST_CASE("report: sections without anything for people are not shown to them") {
  Document doc("Kari");
  doc.section("statistics", "Statistics").fields().data("orders", 2);
  auto& visible = doc.section("notes", "Notes");
  visible.fields().add("", "hidden", 1);
  visible.paragraph("Prefers calls after 16");
  CHECK(out(doc, OutputFormat::table) == "Kari\n\nNotes\n─────\nPrefers calls after 16\n");
  CHECK(out(doc, OutputFormat::md) == "# Kari\n\n## Notes\n\nPrefers calls after 16\n");
  CHECK(out(doc, OutputFormat::html).find("Statistics") == std::string::npos);
}
