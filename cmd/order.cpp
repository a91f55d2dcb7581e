// kunde order: add, list, show, cancel, import, export (payments and balances are in
// order_payments.cpp).
#include <fmt/format.h>

#include "clock.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "crm/orders.hpp"
#include "crm/statistics.hpp"
#include "model/dates.hpp"
#include "model/money.hpp"
#include "model/order.hpp"
#include "options.hpp"
#include "order_verbs.hpp"
#include "render.hpp"
#include "values.hpp"

namespace kunde::cmd {
namespace {

Value text_value(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }
Value money_value(const std::optional<std::int64_t>& v, int d) { return v ? Value(Decimal{*v, d}) : Value(); }

std::string customer_ref(const crm::OrderSummary& s) {
  return s.customer_number ? *s.customer_number : fmt::format("#{}", s.order.customer_id);
}

std::int64_t parse_money_option(Context& ctx, const std::string& text, const std::string& what) {
  try {
    return model::parse_money(text, ctx.money_decimals());
  } catch (const Error& e) {
    throw UsageError(fmt::format("{} '{}': {}", what, text, e.what()), "e.g. 1250.00");
  }
}

struct AddOptions {
  std::string customer, number, at, channel, status, amount, cost, freight;
  std::vector<std::string> lines;  // SKU[:QTY[:PRICE[:DISCOUNT]]]
};

int run_add(Context& ctx, const AddOptions& o) {
  if (o.lines.empty() == o.amount.empty()) {
    throw UsageError("give either --line SKU[:QTY[:PRICE[:DISCOUNT]]] (repeatable) or --amount",
                     "e.g. kunde order add K-1001 --line MUG-1:2");
  }
  crm::NewOrder order;
  order.customer = o.customer;
  order.ordered_at = o.at.empty() ? now_local() : *date_option(o.at, "--at");
  order.channel = model::normalise_channel(o.channel);
  order.status = model::normalise_status(o.status);
  if (!o.number.empty()) order.number = o.number;
  if (!o.freight.empty()) order.freight = parse_money_option(ctx, o.freight, "--freight");
  for (const auto& spec : o.lines) {
    // SKU[:QTY[:PRICE[:DISCOUNT]]]: the sku may not hold a colon; an empty price is the list price.
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= spec.size(); ++i) {
      if (i == spec.size() || (spec[i] == ':' && parts.size() < 3)) {
        parts.push_back(spec.substr(start, i - start));
        start = i + 1;
      }
    }
    crm::NewOrder::Line l;
    l.sku = parts[0];
    if (parts.size() > 1 && !parts[1].empty()) {
      try {
        l.input.quantity = model::parse_number(parts[1]);
      } catch (const Error& e) {
        throw UsageError(fmt::format("--line '{}': quantity: {}", spec, e.what()), "e.g. --line MUG-1:2:99.50");
      }
    }
    if (parts.size() > 2 && !parts[2].empty()) l.input.unit_price = parse_money_option(ctx, parts[2], "--line " + spec);
    if (parts.size() > 3 && !parts[3].empty()) {
      try {
        l.input.discount = model::parse_discount(parts[3], model::DiscountUnit::fraction);
      } catch (const Error& e) {
        throw UsageError(fmt::format("--line '{}': discount: {}", spec, e.what()), "e.g. --line MUG-1:2::10% or MUG-1:2:99.50:0.1");
      }
    }
    order.lines.push_back(std::move(l));
  }
  if (!o.amount.empty()) {
    crm::LineInput amount;
    amount.amount = parse_money_option(ctx, o.amount, "--amount");
    if (!o.cost.empty()) amount.unit_cost = parse_money_option(ctx, o.cost, "--cost");
    order.amount = amount;
  }
  auto added = crm::add_order(ctx.session(), order);
  if (!ctx.quiet()) ctx.out() << added.number << '\n';
  ctx.note(fmt::format("added order {} ({}, {})", added.number, counted(added.lines, "line"),
                       format_decimal(Decimal{added.total, ctx.money_decimals()})));
  return kExitOk;
}

struct ListOptions {
  std::string customer, since, until, channel, status, sku, category;
  std::optional<std::int64_t> limit;
};

crm::OrderFilter make_filter(Context& ctx, const ListOptions& o) {
  crm::OrderFilter f;
  if (!o.customer.empty()) f.customer_id = resolve_customer(ctx, o.customer);
  f.since = date_option(o.since, "--since");
  f.until = date_option(o.until, "--until");
  if (!o.channel.empty()) f.channel = o.channel;
  if (!o.status.empty()) f.status = model::normalise_status(o.status);
  if (!o.sku.empty()) f.sku = o.sku;
  if (!o.category.empty()) f.category = o.category;
  f.limit = o.limit;
  return f;
}

void add_list_options(CLI::App* app, ListOptions& o, bool limit) {
  app->add_option("--customer", o.customer, "Only orders of this customer (number, #id, email or phone)");
  app->add_option("--since", o.since, "Only orders on or after DATE (also relative: -30d)");
  app->add_option("--until", o.until, "Only orders on or before DATE");
  app->add_option("--channel", o.channel, "Only orders from this channel (web, retail, phone, ...)");
  app->add_option("--status", o.status, "Only orders with this status (completed, cancelled, ...)");
  app->add_option("--sku", o.sku, "Only orders with a line of this product");
  app->add_option("--category", o.category, "Only orders with a line in this product category");
  if (limit) app->add_option("-n,--limit", o.limit, "At most N orders");
}

int run_list(Context& ctx, const ListOptions& o) {
  auto f = make_filter(ctx, o);
  int d = ctx.money_decimals();
  std::int64_t n = 0, total = 0;
  render_list(ctx, "orders", {"order", "ordered_at", "customer_id", "customer", "name", "channel", "status", "lines", "amount"},
              [&](const report::RowEmit& emit) {
                crm::list_orders(ctx.session(), f, [&](const crm::OrderSummary& s) {
                  emit({s.order.number, s.order.ordered_at, s.order.customer_id, customer_ref(s), s.customer_name,
                        text_value(s.order.channel), s.order.status, s.lines, Decimal{s.amount, d}});
                  ++n;
                  if (s.order.status != "cancelled") total += s.amount;
                });
              });
  ctx.note(fmt::format("{}, {} not counting cancelled ones", counted(n, "order"), format_decimal(Decimal{total, d})));
  return kExitOk;
}

const std::vector<std::string>& line_columns() {
  static const std::vector<std::string> cols = {"line",     "sku",      "name",   "category",  "quantity", "unit_price",
                                                "gross",    "discount", "amount", "unit_cost", "cost"};
  return cols;
}

Value discount_value(const std::optional<double>& d) { return d ? Value(*d) : Value(); }

report::Datum attributes_datum(const std::map<std::string, std::string>& attributes) {
  auto out = report::Datum::record();
  for (const auto& [k, v] : attributes) out.add(k, v);
  return out;
}

std::vector<Value> line_values(const crm::LineView& v, int d) {
  return {v.line.line, text_value(v.sku), text_value(v.name), text_value(v.category), quantity_value(v.line.quantity),
          money_value(v.line.unit_price, d), Decimal{v.line.gross_or_amount(), d}, discount_value(v.line.discount),
          Decimal{v.line.amount, d}, money_value(v.line.unit_cost, d), money_value(v.line.cost, d)};
}

// "270.00 (10% of 2,700.00)": what a discount took off.
std::string discount_text(std::int64_t gross, std::int64_t net, int d) {
  std::int64_t off = gross - net;
  std::string share = gross != 0 ? fmt::format(" ({:.4g}%)", 100.0 * static_cast<double>(off) / static_cast<double>(gross)) : "";
  return format_decimal(Decimal{off, d}) + share;
}

int run_show(Context& ctx, const std::string& number) {
  auto detail = crm::show_order(ctx.session(), number);
  const auto& s = detail.summary;
  const auto& lines = detail.lines;
  int d = ctx.money_decimals();
  // The margin covers the lines whose cost is known; the rest is said apart.
  std::int64_t margin = crm::margin_of(s.amount - s.uncosted, s.cost);
  report::Document doc;
  doc.fields(report::Audience::machines)
      .data("order", s.order.number)
      .data("ordered_at", s.order.ordered_at)
      .data("customer_id", s.order.customer_id)
      .data("customer", customer_ref(s))
      .data("name", s.customer_name)
      .data("channel", s.order.channel)
      .data("status", s.order.status)
      .data("gross", Decimal{s.gross, d})
      .data("discount", Decimal{s.gross - s.amount, d})
      .data("amount", Decimal{s.amount, d})
      .data("freight", money_value(s.order.freight, d))
      .data("cost", Decimal{s.cost, d})
      .data("margin", Decimal{margin, d})
      .data("uncosted_revenue", Decimal{s.uncosted, d})
      .data("attributes", attributes_datum(s.order.attributes));
  auto& people = doc.fields(report::Audience::people);
  people.show("order", s.order.number)
      .show("ordered_at", s.order.ordered_at)
      .show("customer", fmt::format("{} {}", customer_ref(s), s.customer_name))
      .show("channel", s.order.channel.value_or(""))
      .show("status", s.order.status);
  if (s.gross != s.amount) {
    people.show("gross", format_decimal(Decimal{s.gross, d})).show("discount", discount_text(s.gross, s.amount, d));
  }
  people.show("amount", format_decimal(Decimal{s.amount, d}));
  if (s.order.freight) people.show("freight", format_decimal(Decimal{*s.order.freight, d}));
  if (s.uncosted == s.amount && s.amount != 0) {
    people.show("margin", kMarginUnknown);
  } else if (s.uncosted != 0) {
    people.show("margin", fmt::format("{} on {}; {} has no cost", format_decimal(Decimal{margin, d}),
                                      format_decimal(Decimal{s.amount - s.uncosted, d}),
                                      format_decimal(Decimal{s.uncosted, d})));
  } else {
    people.show("margin", format_decimal(Decimal{margin, d}));
  }
  for (const auto& [k, v] : s.order.attributes) people.show(k, v);
  auto& table = doc.table("lines", "", line_columns());
  table.primary = true;
  for (const auto& l : lines) table.add_row(line_values(l, d));
  render(ctx, doc);
  return kExitOk;
}

int run_cancel(Context& ctx, const std::string& number) {
  std::string was;
  if (!crm::cancel_order(ctx.session(), number, was)) {
    ctx.note(fmt::format("order {} is cancelled already", number));
    return kExitOk;
  }
  ctx.note(fmt::format("cancelled order {} (was {}; 'kunde undo' restores it)", number, was));
  return kExitOk;
}

int run_export(Context& ctx, const ListOptions& o, bool safe_csv) {
  auto f = make_filter(ctx, o);
  int d = ctx.money_decimals();
  std::int64_t n = 0;
  // The canonical columns, then the orders' custom attributes alphabetically.
  auto columns = model::field_names(model::order_fields());
  auto keys = crm::order_attribute_keys(ctx.session());
  columns.insert(columns.end(), keys.begin(), keys.end());
  render_list(ctx, "lines", columns, [&](const report::RowEmit& emit) {
    crm::export_order_lines(ctx.session(), f, [&](const crm::OrderSummary& s, const crm::LineView& v) {
      std::vector<Value> row;
      if (v.line.line == 0) {
        // An order without lines: its own columns only.
        row = {s.order.number, customer_ref(s), s.order.ordered_at, Value(), Value(), Value(), Value(), Value(),
               Value(),        Value(),         text_value(s.order.channel), s.order.status,
               money_value(s.order.freight, d), Value(), Value()};
      } else {
        // Order-level lines (no sku) carry their cost of goods in the unit_cost column, as import reads it.
        Value cost = v.sku ? money_value(v.line.unit_cost, d) : money_value(v.line.cost, d);
        row = {s.order.number, customer_ref(s), s.order.ordered_at, text_value(v.sku), quantity_value(v.line.quantity),
               money_value(v.line.unit_price, d), money_value(v.line.gross, d), discount_value(v.line.discount), cost,
               Decimal{v.line.amount, d}, text_value(s.order.channel), s.order.status,
               money_value(s.order.freight, d), text_value(v.name), text_value(v.category)};
      }
      for (const auto& k : keys) {
        auto it = s.order.attributes.find(k);
        row.push_back(it == s.order.attributes.end() ? Value() : Value(it->second));
      }
      emit(row);
      ++n;
    });
  }, {io::OutputFormat::csv, safe_csv});
  ctx.note("exported " + counted(n, "order line"));
  return kExitOk;
}

struct ImportOptions {
  ImportFlags flags;
  crm::OrderImportOptions order;
  std::string lines;
};

struct ExportOptions {
  ListOptions list;
  bool safe_csv = false;
};

}  // namespace

void register_order(CLI::App& app, Context& ctx) {
  auto* order = app.add_subcommand("order", "Orders, payments and balances");
  order->require_subcommand(1);

  auto add_opts = std::make_shared<AddOptions>();
  auto* add = order->add_subcommand("add", "Add an order with product lines, or an order-level amount");
  add->add_option("CUSTOMER", add_opts->customer, "Customer number, #id, email or phone")->required();
  add->add_option("--line", add_opts->lines,
                  "A line SKU[:QTY[:PRICE[:DISCOUNT]]] (repeatable; price defaults to the list price; discount 10% or 0.1)");
  add->add_option("--amount", add_opts->amount, "The order's total, for an order without product lines");
  add->add_option("--cost", add_opts->cost, "Cost of goods of an --amount order");
  add->add_option("--freight", add_opts->freight, "What delivering the order cost: an order cost, not revenue");
  add->add_option("--number", add_opts->number, "Order number (default O-N)");
  add->add_option("--at", add_opts->at, "Order date (default now)");
  add->add_option("--channel", add_opts->channel, "Sales channel: web, retail, phone, wholesale, ... (lower-cased)");
  add->add_option("--status", add_opts->status, "Status (default completed; cancelled orders count for nothing)");
  add->callback([&ctx, add_opts] { ctx.action = [&ctx, add_opts] { return run_add(ctx, *add_opts); }; });

  auto list_opts = std::make_shared<ListOptions>();
  auto* list = order->add_subcommand("list", "List orders with their totals");
  add_list_options(list, *list_opts, true);
  list->callback([&ctx, list_opts] { ctx.action = [&ctx, list_opts] { return run_list(ctx, *list_opts); }; });

  auto show_number = std::make_shared<std::string>();
  auto* show = order->add_subcommand("show", "One order with its lines");
  show->add_option("ORDER", *show_number, "Order number")->required();
  show->callback([&ctx, show_number] { ctx.action = [&ctx, show_number] { return run_show(ctx, *show_number); }; });

  auto cancel_number = std::make_shared<std::string>();
  auto* cancel = order->add_subcommand("cancel", "Mark an order cancelled: it no longer counts for revenue or balance");
  cancel->add_option("ORDER", *cancel_number, "Order number")->required();
  cancel->callback([&ctx, cancel_number] { ctx.action = [&ctx, cancel_number] { return run_cancel(ctx, *cancel_number); }; });

  auto import_opts = std::make_shared<ImportOptions>();
  auto* imp = order->add_subcommand("import", "Import order lines (grouped by the order column), order-level rows, or orders and their lines from two files");
  add_import_options(imp, import_opts->flags, true);
  imp->add_option("--lines", import_opts->lines,
                  "The orders' lines are in this file; FILE holds one row per order (one import, one history entry)")
      ->type_name("LINES_FILE");
  imp->add_option("--discount-unit", import_opts->flags.discount_unit,
                  "How plain discount numbers are written: fraction (0.05, the default) or percent (5)")
      ->check(CLI::IsMember({"fraction", "percent"}));
  imp->add_flag("--skip-anonymous", import_opts->order.skip_anonymous,
                "Skip rows with an empty customer and count them, instead of rejecting them");
  imp->add_flag("--strip-zero-fraction", import_opts->order.strip_zero_fraction,
                "Read customer numbers written like 17850.0 as 17850");
  imp->callback([&ctx, import_opts] {
    ctx.action = [&ctx, import_opts] {
      crm::ImportRequest r(crm::ImportKind::orders);
      r.orders = import_opts->order;
      r.lines_path = import_opts->lines;
      return run_import(ctx, import_opts->flags, r);
    };
  });

  auto export_opts = std::make_shared<ExportOptions>();
  auto* exp = order->add_subcommand("export", "Export order lines with the canonical columns (CSV unless -f or -o says otherwise)");
  add_list_options(exp, export_opts->list, false);
  exp->add_flag("--safe-csv", export_opts->safe_csv, "Prefix cells starting with = + - @ tab or CR with ' so spreadsheets do not run them");
  exp->callback([&ctx, export_opts] {
    ctx.action = [&ctx, export_opts] { return run_export(ctx, export_opts->list, export_opts->safe_csv); };
  });

  register_order_payments(order, ctx);
}

}  // namespace kunde::cmd
