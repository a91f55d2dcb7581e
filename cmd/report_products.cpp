// kunde report products: category or product penetration, and one customer's bought and
// not bought.
#include <fmt/format.h>

#include "crm/reports_products.hpp"
#include "options.hpp"
#include "render.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct ProductsOptions {
  ReportOptions report;
  std::string level = "category";
  std::string customer;
  std::int64_t n = 0;
};

int run_products(Context& ctx, const ProductsOptions& o) {
  crm::ProductsRequest q;
  q.scope = report_scope(ctx, o.report);
  q.level = crm::item_level(o.level);
  if (o.n < 0) throw UsageError("-n must be 0 or more", "give how many rows to show, 0 for all");
  if (!o.customer.empty()) q.customer = resolve_customer(ctx, o.customer);
  crm::ProductsReport r = crm::products_report(ctx.session(), q);
  auto money = [&](std::int64_t v) { return money_cell(ctx, v); };
  const std::string plural = o.level == "category" ? "categories" : "products";

  report::Document doc = report_document(fmt::format("{} penetration", o.level == "category" ? "Category" : "Product"), q.scope);
  auto& f = doc.fields();
  f.add("customers", "customers", r.customers, fmt::format("{} customers with {} orders", r.customers, r.orders));
  f.data("orders", r.orders).data("level", o.level);

  std::vector<std::string> named;  // the items of the tables, for the products table
  if (q.customer) {
    crm::ReportScope one = q.scope;
    one.customers = std::vector<std::int64_t>{*q.customer};
    crm::CustomerNames names(ctx.session(), one);
    const crm::CustomerName& name = names.of(*q.customer);
    std::int64_t bought = 0;
    for (const auto& c : r.customer_rows) bought += c.bought ? 1 : 0;
    f.add("customer", "customer", name.number, fmt::format("{} {}: bought {} of {} {}", name.number, name.name, bought,
                                                            r.customer_rows.size(), plural));
    auto& t = doc.table("customer", fmt::format("What {} bought and did not", name.number),
                        {o.level, "bought", "orders", "revenue", "first", "last", "interval_days", "penetration_pct"});
    t.primary = true;
    for (const auto& c : r.customer_rows) {
      named.push_back(c.item);
      t.add_row({c.item, c.bought, c.orders, money(c.revenue), c.first.empty() ? Value() : Value(c.first),
                 c.last.empty() ? Value() : Value(c.last), c.interval_days ? rounded(*c.interval_days, 1) : Value(),
                 share_cell(c.penetration)});
    }
  }

  auto& t = doc.table("penetration", "Penetration", {o.level, "customers", "customers_pct", "orders", "orders_pct", "revenue"});
  if (!q.customer) t.primary = true;
  report::Chart chart(report::ChartKind::bar, "penetration", fmt::format("Share of customers buying each {}", o.level));
  chart.y_label = "share of customers";
  chart.y_format.scale = report::Scale::percent;
  std::vector<double> shares;
  std::int64_t shown = 0;
  for (const auto& p : r.rows) {
    if (o.n > 0 && shown++ >= o.n) break;
    named.push_back(p.item);
    t.add_row({p.item, p.customers, share_cell(p.customer_share), p.orders, share_cell(p.order_share), money(p.revenue)});
    if (shares.size() < 12) {
      chart.categories.push_back(p.item);
      shares.push_back(p.customer_share);
    }
  }
  chart.add_series("customers", shares);
  if (!shares.empty()) doc.chart(chart, report::Audience::people);
  if (o.level == "product") product_names_table(ctx, doc, named);
  render(ctx, doc);
  ctx.note(fmt::format("{} {} over {} customers", r.rows.size(), plural, r.customers));
  return kExitOk;
}

}  // namespace

void register_report_products(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<ProductsOptions>();
  auto* cmd = report->add_subcommand("products", "Category and product penetration; what one customer bought and did not");
  add_as_of_option(cmd, o->report);
  add_since_option(cmd, o->report, "Read orders from DATE on (default: all)");
  cmd->add_option("--level", o->level, "Categories or products (default category)")
      ->check(CLI::IsMember({"category", "product"}));
  cmd->add_option("--customer", o->customer, "Also list what this customer bought and did not, with intervals");
  cmd->add_option("-n", o->n, "Show the N most widely bought (default 0: all)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_products(ctx, *o); }; });
}

}  // namespace kunde::cmd
