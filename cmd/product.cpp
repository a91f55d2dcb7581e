// kunde product: add, list, show, import, export.
#include <fmt/format.h>

#include "commands.hpp"
#include "error.hpp"
#include "crm/orders.hpp"
#include "crm/statistics.hpp"
#include "model/money.hpp"
#include "model/order.hpp"
#include "options.hpp"
#include "render.hpp"
#include "values.hpp"

namespace kunde::cmd {
namespace {

struct AddOptions {
  std::string sku, name, category, list_price, unit_cost;
};

Value money_value(const std::optional<std::int64_t>& v, int d) { return v ? Value(Decimal{*v, d}) : Value(); }
Value text_value(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }

std::vector<Value> product_values(const model::Product& p, int d) {
  return {p.sku, p.name, text_value(p.category), money_value(p.list_price, d), money_value(p.unit_cost, d)};
}

std::optional<std::int64_t> parse_opt_money(Context& ctx, const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  try {
    return model::parse_money(text, ctx.money_decimals());
  } catch (const Error& e) {
    throw UsageError(fmt::format("{} '{}': {}", option, text, e.what()), "e.g. 249.00");
  }
}

int run_add(Context& ctx, const AddOptions& o) {
  model::Product p;
  p.sku = o.sku;
  p.name = o.name;
  if (!o.category.empty()) p.category = o.category;
  p.list_price = parse_opt_money(ctx, o.list_price, "--list-price");
  p.unit_cost = parse_opt_money(ctx, o.unit_cost, "--unit-cost");
  crm::add_product(ctx.session(), p);
  ctx.note(fmt::format("added product {}", p.sku));
  return kExitOk;
}

struct ListOptions {
  std::string category, search;
  std::optional<std::int64_t> limit;
};

int run_list(Context& ctx, const ListOptions& o, bool canonical) {
  crm::ProductFilter f;
  if (!o.category.empty()) f.category = o.category;
  if (!o.search.empty()) f.search = o.search;
  auto columns = model::field_names(model::product_fields());
  if (!canonical) columns.insert(columns.begin(), "id");
  int d = ctx.money_decimals();
  std::int64_t n = 0;
  render_list(
      ctx, "products", columns,
      [&](const report::RowEmit& emit) {
        crm::list_products(ctx.session(), f, [&](const model::Product& p) {
          if (o.limit && n >= *o.limit) return;
          auto values = product_values(p, d);
          if (!canonical) values.insert(values.begin(), p.id);
          emit(values);
          ++n;
        });
      },
      {canonical ? io::OutputFormat::csv : io::OutputFormat::table, false});
  ctx.note((canonical ? "exported " : "") + counted(n, "product"));
  return kExitOk;
}

int run_show(Context& ctx, const std::string& sku) {
  auto detail = crm::show_product(ctx.session(), sku);
  auto* p = &detail.product;
  const auto& s = detail.sales;
  int d = ctx.money_decimals();
  std::vector<std::string> fields{"id"};
  auto names = model::field_names(model::product_fields());
  fields.insert(fields.end(), names.begin(), names.end());
  // The margin covers the revenue whose cost is known; uncosted_revenue is the rest.
  for (const char* f : {"customers", "orders", "quantity", "revenue", "cost", "margin", "uncosted_revenue"})
    fields.push_back(f);
  std::vector<Value> values{p->id};
  auto pv = product_values(*p, d);
  values.insert(values.end(), pv.begin(), pv.end());
  // No line with a cost: the margin is unknown, said in words on a terminal and null in data.
  Value margin = Value(Decimal{crm::margin_of(s.revenue - s.uncosted, s.cost), d});
  if (crm::margin_unknown(s.revenue, s.revenue - s.uncosted)) {
    margin = ctx.format() == io::OutputFormat::table ? Value(std::string(kMarginUnknown)) : Value();
  }
  for (Value v : {Value(s.customers), Value(s.orders), quantity_value(s.quantity), Value(Decimal{s.revenue, d}),
                  Value(Decimal{s.cost, d}), margin, Value(Decimal{s.uncosted, d})})
    values.push_back(v);
  render_record(ctx, fields, values);
  return kExitOk;
}

}  // namespace

void register_product(CLI::App& app, Context& ctx) {
  auto* product = app.add_subcommand("product", "Products: the catalogue order lines refer to");
  product->require_subcommand(1);

  auto add_opts = std::make_shared<AddOptions>();
  auto* add = product->add_subcommand("add", "Add a product");
  add->add_option("SKU", add_opts->sku, "The product's stock-keeping unit (text)")->required();
  add->add_option("--name", add_opts->name, "Product name");
  add->add_option("--category", add_opts->category, "Category, for favourite categories and product reports");
  add->add_option("--list-price", add_opts->list_price, "List price; order lines without a price use it");
  add->add_option("--unit-cost", add_opts->unit_cost, "Unit cost; order lines without a cost use it for the margin");
  add->callback([&ctx, add_opts] { ctx.action = [&ctx, add_opts] { return run_add(ctx, *add_opts); }; });

  auto list_opts = std::make_shared<ListOptions>();
  auto* list = product->add_subcommand("list", "List products");
  list->add_option("--category", list_opts->category, "Only products in this category (case ignored)");
  list->add_option("--search", list_opts->search, "Only products whose sku or name contains TEXT (case and accents ignored)");
  list->add_option("-n,--limit", list_opts->limit, "At most N products");
  list->callback([&ctx, list_opts] { ctx.action = [&ctx, list_opts] { return run_list(ctx, *list_opts, false); }; });

  auto show_sku = std::make_shared<std::string>();
  auto* show = product->add_subcommand("show", "One product and what it sold (orders not cancelled)");
  show->add_option("SKU", *show_sku, "The product's sku")->required();
  show->callback([&ctx, show_sku] { ctx.action = [&ctx, show_sku] { return run_show(ctx, *show_sku); }; });

  auto import_flags = std::make_shared<ImportFlags>();
  auto* imp = product->add_subcommand("import", "Import products: insert new skus, update changed ones");
  add_import_options(imp, *import_flags, false);
  imp->callback([&ctx, import_flags] {
    ctx.action = [&ctx, import_flags] { return run_import(ctx, *import_flags, crm::ImportRequest(crm::ImportKind::products)); };
  });

  auto export_opts = std::make_shared<ListOptions>();
  auto* exp = product->add_subcommand("export", "Export products with the canonical columns (CSV unless -f or -o says otherwise)");
  exp->add_option("--category", export_opts->category, "Only products in this category (case ignored)");
  exp->add_option("--search", export_opts->search, "Only products whose sku or name contains TEXT");
  exp->callback([&ctx, export_opts] { ctx.action = [&ctx, export_opts] { return run_list(ctx, *export_opts, true); }; });
}

}  // namespace kunde::cmd
