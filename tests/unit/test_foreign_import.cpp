// Imports of other systems' exports: discounts, split order files, --set and --null,
// camelCase headers and other systems' column names, unknown costs, the columns not read.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "crm/imports.hpp"
#include "crm/orders.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "model/customer.hpp"
#include "model/field_spec.hpp"
#include "model/order.hpp"
#include "store/store.hpp"

using namespace kunde;

namespace {

std::int64_t customer_id(test::StoreFixture& fx, const char* number) {
  auto id = fx.store().customers().id_by_number(number);
  REQUIRE(id);
  return *id;
}

}  // namespace

TEST_CASE("discounts: fractions, percentages, rounding once") {
  using model::DiscountUnit;
  CHECK(model::parse_discount("0.05", DiscountUnit::fraction) == doctest::Approx(0.05));
  CHECK(model::parse_discount("5%", DiscountUnit::fraction) == doctest::Approx(0.05));
  CHECK(model::parse_discount(" 15 % ", DiscountUnit::fraction) == doctest::Approx(0.15));
  CHECK(model::parse_discount("5", DiscountUnit::percent) == doctest::Approx(0.05));
  CHECK(model::parse_discount("0", DiscountUnit::fraction) == 0);
  CHECK(model::parse_discount("1", DiscountUnit::fraction) == 1);
  CHECK_THROWS_AS(model::parse_discount("5", DiscountUnit::fraction), Error);
  CHECK_THROWS_AS(model::parse_discount("-5%", DiscountUnit::fraction), Error);
  CHECK_THROWS_AS(model::parse_discount("101%", DiscountUnit::fraction), Error);
  CHECK_THROWS_AS(model::parse_discount("x", DiscountUnit::fraction), Error);
  CHECK(model::discount_unit("Percent") == DiscountUnit::percent);
  CHECK_THROWS_AS(model::discount_unit("basis points"), UsageError);

  CHECK(model::discounted(169600, 0.05) == 161120);  // 40 x 42.40 less 5%
  CHECK(model::discounted(148400, 0.15) == 126140);
  CHECK(model::discounted(25200, 0.15) == 21420);
  CHECK(model::discounted(333, 0.5) == 167);    // 166.5 rounds half away from zero
  CHECK(model::discounted(-333, 0.5) == -167);  // a return line alike
  CHECK(model::discounted(1000, 1) == 0);
  CHECK(*model::undiscounted(161120, 0.05) == 169600);
  CHECK_FALSE(model::undiscounted(0, 1));
}

TEST_CASE("header names match ignoring case, separators and camelCase") {
  CHECK(model::field_key("customerID") == model::field_key("customer_id"));
  CHECK(model::field_key("Customer ID") == model::field_key("CUSTOMER-ID"));
  CHECK(model::field_key("postalCode") == model::field_key("postal_code"));
  CHECK(model::attribute_name("ShipCountry") == "ship_country");
  CHECK(model::attribute_name("customerID") == "customer_id");
  CHECK(model::attribute_name("Postal Code") == "postal_code");
  const auto& fields = model::customer_fields();
  CHECK(fields[model::find_field(fields, "customerID")].name == "number");
  CHECK(fields[model::find_field(fields, "companyName")].name == "name");
  CHECK(fields[model::find_field(fields, "contactName")].name == "contact_person");
  CHECK(fields[model::find_field(fields, "postalCode")].name == "postal_code");
  CHECK(model::find_field(fields, "contactTitle") == std::string::npos);
}

TEST_CASE("customer import: --set, --null, camelCase headers, country names, contact persons") {
  test::StoreFixture fx;
  crm::ImportRequest r(crm::ImportKind::customers);
  r.options.set["kind"] = "company";
  r.options.nulls = {"NULL"};
  auto counts = fx.import("customer",
                          "customerID,companyName,contactName,postalCode,country,phone,region\n"
                          "ALFKI,Alfreds Futterkiste,Maria Anders,12209,Germany,030-0074321,NULL\n"
                          "ERNSH,Ernst Handel,Roland Mendel,8010,Österreich,7675-3425,Steiermark\n"
                          "BOLID,Bólido,NULL,NULL,España,(91) 555 22 82,NULL\n"
                          "XANAD,Xanadu,,,Atlantis,,\n",
                          r);
  CHECK(counts.inserted == 4);
  CHECK(counts.rejected == 0);
  auto& customers = fx.store().customers();
  auto alfki = customers.by_id(customer_id(fx, "ALFKI"));
  REQUIRE(alfki);
  CHECK(alfki->kind == "company");
  CHECK(*alfki->contact_person == "Maria Anders");
  CHECK(*alfki->country == "DE");
  CHECK(*alfki->postal_code == "12209");
  CHECK(alfki->attributes.count("region") == 0);  // NULL is no value
  auto bolid = customers.by_id(customer_id(fx, "BOLID"));
  CHECK(*bolid->country == "ES");
  CHECK_FALSE(bolid->contact_person);
  CHECK_FALSE(bolid->postal_code);
  CHECK(*customers.by_id(customer_id(fx, "ERNSH"))->country == "AT");
  CHECK(customers.by_id(customer_id(fx, "ERNSH"))->attributes.at("region") == "Steiermark");
  CHECK(*customers.by_id(customer_id(fx, "XANAD"))->country == "Atlantis");
  // The same file again changes nothing.
  crm::ImportRequest again(crm::ImportKind::customers);
  again.options = r.options;
  CHECK(fx.import("customer",
                  "customerID,companyName,contactName,postalCode,country,phone,region\n"
                  "ALFKI,Alfreds Futterkiste,Maria Anders,12209,Germany,030-0074321,NULL\n",
                  again)
            .unchanged == 1);
}

TEST_CASE("customer import: a file that cannot identify its customers fails before any row") {
  test::StoreFixture fx;
  try {
    fx.import("customer", "companyName,city\nAcme,Oslo\nBeta,Bergen\n");
    FAIL("no error");
  } catch (const Error& e) {
    std::string m = e.what();
    CHECK(m.find("companyName") != std::string::npos);
    CHECK(std::string(e.hint()).find("--map") != std::string::npos);
  }
  CHECK(fx.count("customers") == 0);
}

TEST_CASE("order import: an order file and a lines file with discounts, in one write") {
  test::StoreFixture fx;
  fx.import("customer", "number,name\nALFKI,Alfreds\nBONAP,Bon app\n");
  crm::ImportRequest r(crm::ImportKind::orders);
  r.options.nulls = {"NULL"};
  r.lines_path = fx.dir.write("lines.csv",
                              "orderID,productID,unitPrice,quantity,discount\n"
                              "10248,11,14.00,12,0\n"
                              "10249,51,42.40,40,5%\n"
                              "10249,14,18.60,9,0\n"
                              "10250,51,42.40,35,0.15\n");
  std::string orders =
      "orderID,customerID,orderDate,freight,shipCountry\n"
      "10248,ALFKI,2026-07-04,32.38,Germany\n"
      "10249,BONAP,2026-07-05,11.61,France\n"
      "10250,ALFKI,2026-07-08,NULL,Germany\n"
      "10251,BONAP,2026-07-09,1.00,France\n";
  auto counts = fx.import("order", orders, r);
  CHECK(counts.inserted == 4);
  REQUIRE(counts.next);
  CHECK(counts.next->inserted == 4);
  CHECK(fx.scalar("SELECT count(*) FROM history") == 2);  // the customers, then both files

  // By hand: ALFKI 168.00 + (1484.00 less 15% = 1261.40); BONAP 1611.20 + 167.40.
  auto alfki = fx.store().customers().stats(customer_id(fx, "ALFKI"));
  CHECK(alfki.revenue == 16800 + 126140);
  CHECK(alfki.orders == 2);
  auto bonap = fx.store().customers().stats(customer_id(fx, "BONAP"));
  CHECK(bonap.revenue == 161120 + 16740);
  CHECK(bonap.balance == 161120 + 16740);
  // No line has a cost: the revenue is all uncosted and no margin is claimed on it.
  CHECK(bonap.uncosted_revenue == bonap.revenue);

  auto detail = crm::show_order(fx.session(), "10249");
  CHECK(detail.summary.amount == 177860);
  CHECK(detail.summary.gross == 186340);
  CHECK(*detail.summary.order.freight == 1161);
  CHECK(detail.summary.order.attributes.at("ship_country") == "France");
  auto header_only = crm::show_order(fx.session(), "10251");
  CHECK(header_only.lines.empty());
  CHECK_FALSE(crm::show_order(fx.session(), "10250").summary.order.freight);
  CHECK(fx.consistent());

  // Both files again: nothing changes.
  auto again = fx.import("order", orders, r);
  CHECK(again.unchanged == 4);
  CHECK(again.next->unchanged == 4);
  CHECK(again.next->inserted + again.next->updated == 0);

  // A lines file alone for an order that exists: customer and date come from the order.
  auto late = fx.import("order", "order,sku,unit_price,quantity,discount\n10251,11,10.00,3,10%\n");
  CHECK(late.inserted == 1);
  CHECK(late.rejected == 0);
  CHECK(crm::show_order(fx.session(), "10251").summary.amount == 2700);
  CHECK(fx.store().customers().stats(customer_id(fx, "BONAP")).revenue == 161120 + 16740 + 2700);
  CHECK(fx.consistent());
}

TEST_CASE("order import: the order file of --lines may not hold lines; bad discounts are rejected") {
  test::StoreFixture fx;
  fx.import("customer", "number,name\nK-1,Kari\n");
  crm::ImportRequest r(crm::ImportKind::orders);
  r.lines_path = fx.dir.write("lines.csv", "order,sku,unit_price\nA-1,MUG,10\n");
  CHECK_THROWS_AS(fx.import("order", "order,customer,ordered_at,sku,unit_price\nA-1,K-1,2026-01-01,MUG,10\n", r),
                  Error);
  CHECK(fx.count("orders") == 0);

  auto counts = fx.import("order",
                          "order,customer,ordered_at,sku,unit_price,quantity,discount\n"
                          "A-1,K-1,2026-01-01,MUG,10,1,5\n"
                          "A-2,K-1,2026-01-01,MUG,10,1,-1%\n"
                          "A-3,K-1,2026-01-01,MUG,10,1,20%\n");
  CHECK(counts.rejected == 2);
  CHECK(counts.inserted == 1);
  CHECK(crm::show_order(fx.session(), "A-3").summary.amount == 800);

  crm::ImportRequest percent(crm::ImportKind::orders);
  percent.options.discount_unit = model::DiscountUnit::percent;
  CHECK(fx.import("order", "order,customer,ordered_at,sku,unit_price,quantity,discount\nA-1,K-1,2026-01-01,MUG,10,1,5\n",
                  percent)
            .inserted == 1);
  CHECK(crm::show_order(fx.session(), "A-1").summary.amount == 950);
}

TEST_CASE("order import: a net line total with a gross keeps the discount between them") {
  test::StoreFixture fx;
  fx.import("customer", "number,name\nK-1,Kari\n");
  fx.import("order", "order,customer,ordered_at,sku,quantity,unit_price,amount\nA-1,K-1,2026-01-01,MUG,2,50.00,90.00\n");
  auto d = crm::show_order(fx.session(), "A-1");
  CHECK(d.summary.amount == 9000);
  CHECK(d.summary.gross == 10000);
  CHECK(fx.store().customers().stats(customer_id(fx, "K-1")).revenue == 9000);
}

TEST_CASE("unknown cost: margin covers only the revenue whose cost is known") {
  test::StoreFixture fx;
  fx.import("customer", "number,name\nK-1,Kari\n");
  fx.import("order",
            "order,customer,ordered_at,sku,quantity,unit_price,unit_cost\n"
            "A-1,K-1,2026-01-01,MUG,1,100.00,40.00\n"
            "A-1,K-1,2026-01-01,TEA,1,50.00,\n");
  auto s = fx.store().customers().stats(customer_id(fx, "K-1"));
  CHECK(s.revenue == 15000);
  CHECK(s.uncosted_revenue == 5000);
  CHECK(s.cost == 4000);
  CHECK(s.margin == 6000);  // 100.00 - 40.00, not 150.00 - 40.00
}

TEST_CASE("import fields: a column name is read as one field at most") {
  for (auto kind : {crm::ImportKind::customers, crm::ImportKind::products, crm::ImportKind::orders,
                    crm::ImportKind::payments, crm::ImportKind::contacts}) {
    std::map<std::string, std::string> field_of;  // field_key -> the field it reads
    for (const auto& f : crm::import_fields(kind)) {
      std::vector<std::string> names = f.aliases;
      names.push_back(f.name);
      for (const auto& n : names) {
        // The same name twice for one field is harmless ("e_mail" and "email").
        auto it = field_of.emplace(model::field_key(n), f.name).first;
        INFO(crm::import_command(kind), ": ", n, " is read as ", it->second, " and as ", f.name);
        CHECK(it->second == f.name);
      }
    }
  }
}

TEST_CASE("import fields: the column names of ERP exports and sample databases") {
  auto field = [](const std::vector<model::FieldSpec>& fields, const char* column) -> std::string {
    std::size_t i = model::find_field(fields, column);
    return i == std::string::npos ? std::string("-") : fields[i].name;
  };
  const auto& order = model::order_fields();
  CHECK(field(order, "orderNumber") == "order");
  CHECK(field(order, "productCode") == "sku");
  CHECK(field(order, "quantityOrdered") == "quantity");
  CHECK(field(order, "Ordered Quantity") == "quantity");
  CHECK(field(order, "QTY") == "quantity");
  CHECK(field(order, "priceEach") == "unit_price");
  CHECK(field(order, "each_price") == "unit_price");
  CHECK(field(order, "SalePrice") == "unit_price");
  CHECK(field(order, "sales_price") == "unit_price");
  CHECK(field(order, "buyPrice") == "unit_cost");
  CHECK(field(order, "productLine") == "category");
  CHECK(field(order, "orderLineNumber") == "-");
  const auto& product = model::product_fields();
  CHECK(field(product, "productLine") == "category");
  CHECK(field(product, "product_category") == "category");
  CHECK(field(product, "buyPrice") == "unit_cost");
  CHECK(field(product, "Purchase Price") == "unit_cost");
  CHECK(field(product, "cost_price") == "unit_cost");
  CHECK(field(product, "MSRP") == "list_price");
  CHECK(field(product, "retailPrice") == "list_price");
  CHECK(field(product, "productScale") == "-");
  const auto& customer = model::customer_import_fields();
  CHECK(field(customer, "addressLine1") == "street");
  CHECK(field(customer, "Address Line 1") == "street");
  CHECK(field(customer, "address_line_1") == "street");
  CHECK(field(customer, "address1") == "street");
  CHECK(field(customer, "address") == "street");
  CHECK(field(customer, "addressLine2") == "-");  // no second street line: kept as an attribute
}

TEST_CASE("import: columns that are neither read nor kept are named") {
  test::StoreFixture fx;
  auto customers = fx.import("customer",
                             "id,customerNumber,customerName,addressLine1,addressLine2,city,state\n"
                             "7,363,Harbour Model Company,9 Quay Road,Suite 101,Nashua,NH\n"
                             "8,128,Blauer See Auto,Lyonerstr. 34,,Frankfurt,\n");
  CHECK(customers.inserted == 2);
  CHECK(customers.columns_not_read.empty());  // kept as attributes; `id` is kunde's own, ignored
  CHECK(customers.columns_note("kunde customer import").empty());
  auto c = fx.store().customers().by_id(customer_id(fx, "363"));
  REQUIRE(c);
  CHECK(*c->street == "9 Quay Road");
  CHECK(c->attributes.at("address_line2") == "Suite 101");
  CHECK(c->attributes.count("id") == 0);

  auto products = fx.import("product",
                            "productCode,productName,productLine,productScale,buyPrice,MSRP,quantityInStock\n"
                            "S18_1749,1917 Touring Sedan,Vintage Cars,1:18,86.70,170.00,2724\n");
  CHECK(products.inserted == 1);
  CHECK(products.columns_not_read == std::vector<std::string>{"productScale", "quantityInStock"});
  CHECK(products.columns_note("kunde product import") ==
        "columns not read: productScale, quantityInStock (name a field with --map FIELD=COLUMN; "
        "kunde product import --fields lists them)");
  auto p = fx.store().products().by_sku("S18_1749");
  REQUIRE(p);
  CHECK(*p->category == "Vintage Cars");
  CHECK(*p->unit_cost == 8670);
  CHECK(*p->list_price == 17000);

  crm::ImportRequest r(crm::ImportKind::orders);
  r.lines_path = fx.dir.write("orderdetails.csv",
                              "orderNumber,productCode,quantityOrdered,priceEach,orderLineNumber\n"
                              "10100,S18_1749,30,136.00,3\n"
                              "10100,S18_2248,50,55.09,2\n"
                              "10101,S18_2325,25,108.06,4\n");
  auto orders = fx.import("order",
                          "orderNumber,orderDate,status,comments,customerNumber\n"
                          "10100,2003-01-06,Shipped,,363\n"
                          "10101,2003-01-09,Shipped,Check on availability.,128\n",
                          r);
  CHECK(orders.columns_not_read.empty());  // comments: an attribute of the order
  REQUIRE(orders.next);
  CHECK(orders.next->inserted == 3);
  CHECK(orders.next->columns_not_read == std::vector<std::string>{"orderLineNumber"});
  // By hand: 30 x 136.00 + 50 x 55.09 = 4080.00 + 2754.50; 25 x 108.06 = 2701.50.
  CHECK(fx.store().customers().stats(customer_id(fx, "363")).revenue == 408000 + 275450);
  CHECK(fx.store().customers().stats(customer_id(fx, "128")).revenue == 270150);

  // A column --map names is read; one the field already has a column for is not.
  crm::ImportRequest mapped(crm::ImportKind::products);
  mapped.options.field_map = {{"name", "productDescription"}};
  auto again = fx.import("product", "productCode,productName,productDescription\nS18_1749,Sedan,A sedan\n", mapped);
  CHECK(again.columns_not_read == std::vector<std::string>{"productName"});

  auto payments = fx.import("payment",
                            "customerNumber,checkNumber,paymentDate,amount,bank\n363,CH100001,2004-10-19,6066.78,DNB\n");
  CHECK(payments.inserted == 1);
  CHECK(payments.columns_not_read == std::vector<std::string>{"bank"});  // checkNumber is the reference

  auto contacts = fx.import("contact",
                            "customer,at,channel,direction,subject,mood\n363,2026-01-05 10:00,phone,in,Order,calm\n");
  CHECK(contacts.inserted == 1);
  CHECK(contacts.columns_not_read == std::vector<std::string>{"mood"});
}
