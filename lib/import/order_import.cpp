// Order import.
#include "import/order_import.hpp"

#include <fmt/format.h>

#include <absl/container/flat_hash_map.h>

#include <unordered_map>

#include "error.hpp"
#include "import/customer_lookup.hpp"
#include "model/dates.hpp"
#include "model/order.hpp"
#include "store/order_repo.hpp"
#include "store/product_repo.hpp"

namespace kunde::import {
namespace {

namespace F = model::order_field;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// What the import remembers of an order that existed before it, so that a re-import
// numbers its lines as the file does and removes the lines the file no longer has. Kept
// small: a file may re-import hundreds of thousands of orders.
struct SeenOrder {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::uint32_t check = 0;  // a second, independent hash of the number
  std::uint32_t lines = 0;
  std::uint32_t first_line = 0;
  bool header_changed = false;
};

// The order of the line before: the lines of one order usually come together.
struct CurrentOrder {
  std::string number;
  std::int64_t id = 0;  // 0: none yet
  std::int64_t customer_id = 0;
  std::uint32_t lines = 0;       // lines so far, of an order this import inserted
  std::uint32_t first_line = 0;  // where this run of its lines began
  bool cancelled = false;
  SeenOrder* existing = nullptr;  // set when the order existed before the import
};

std::uint64_t number_hash(std::string_view s) { return std::hash<std::string_view>{}(s); }
std::uint32_t number_check(std::string_view s) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

struct ProductInfo {
  std::int64_t id = 0;
  std::optional<std::int64_t> list_price, unit_cost;
};

// The parts of a line that need no database, read ahead (Importer::prepare).
struct LineValues : Prepared {
  std::string ordered_at;
  double quantity = 1;
  std::optional<std::int64_t> price, cost, amount;
};

class OrderImporter : public Importer {
 public:
  OrderImporter(store::Database& db, const ImportOptions& o, const OrderImportOptions& oo)
      : Importer(model::order_fields(), o), orders_(db), products_(db),
        customers_(db, o.create_missing,
                   [this](store::CustomerRepo& r, const model::Customer& c) { return insert_customer(r, c); }),
        oo_(oo) {
    defer_indexes(store::NewRow::orders);
  }

 protected:
  Outcome process(const Row& row) override {
    std::string_view ref = row.get(F::customer);
    if (oo_.strip_zero_fraction) ref = model::strip_zero_fraction(ref);
    if (ref.empty() && oo_.skip_anonymous) {
      ++counts().notes["of the skipped lines had no customer"];
      return Outcome::skipped;
    }
    // Without values read ahead, the problems are found in the same order: date, customer, values.
    LineValues parsed;
    const auto* values = dynamic_cast<const LineValues*>(prepared());
    if (!values) parsed.ordered_at = model::parse_date(row.get(F::ordered_at), options().date_format);
    std::int64_t customer_id = customers_.find(ref, counts());
    if (!values) {
      read_values(row, parsed);
      values = &parsed;
    }
    return process_line(row, customer_id, *values);
  }

  std::unique_ptr<Prepared> prepare(const Row& row) const override {
    auto out = std::make_unique<LineValues>();
    out->ordered_at = model::parse_date(row.get(F::ordered_at), options().date_format);
    read_values(row, *out);
    return out;
  }

  Outcome process_line(const Row& row, std::int64_t customer_id, const LineValues& values) {
    const std::string& ordered_at = values.ordered_at;
    model::OrderLine line = read_line(row, values);

    // The order this line belongs to.
    std::string_view number_text;
    std::string content;
    if (row.has(F::order)) {
      number_text = row.get(F::order);
      if (number_text.empty()) throw Error("the order number is empty", "every line needs its order's number");
    } else {
      model::ContentHash h;
      for (std::size_t f = 0; f < F::count; ++f) h.add(row.get(f));
      for (const auto& [name, value] : row.extras()) h.add(value);
      content = model::content_key(h.value(), ++occurrences_[h.value()]);
      number_text = content;
    }
    bool first = false;
    if (current_.id == 0 || number_text != current_.number) {
      first = switch_order(row, number_text, !content.empty(), customer_id, ordered_at);
    } else if (current_.customer_id != customer_id) {
      throw Error(fmt::format("order {} is for another customer on line {}", number_text, current_.first_line),
                  "lines of one order must name the same customer");
    }
    if (!current_.existing) {
      line.line = ++current_.lines;
      insert_into_new([&] { orders_.insert_line(current_.id, line); });
      order_line_added({customer_id, current_.id, ordered_at, !current_.cancelled, line.amount, line.cost.value_or(0),
                        line.product_id});
      return Outcome::inserted;
    }
    SeenOrder& s = *current_.existing;
    line.line = ++s.lines;
    bool changed = first && s.header_changed;
    if (auto old = orders_.line(s.id, line.line)) {
      if (!(*old == line)) {
        orders_.update_line(s.id, line);
        changed = true;
      }
    } else {
      orders_.insert_line(s.id, line);
      changed = true;
    }
    if (!changed) return Outcome::unchanged;
    touch(customer_id, store::Change::kTouchOrders);
    return Outcome::updated;
  }

  // Makes the order of this line the current one. True when the file names it for the first
  // time. Lines of one order usually come together; when they come back later, an order
  // this import inserted is found in the database, one that existed before in existing_.
  bool switch_order(const Row& row, std::string_view number, bool content_keyed, std::int64_t customer_id,
                    const std::string& ordered_at) {
    current_.number.assign(number);
    current_.id = 0;
    current_.customer_id = customer_id;
    current_.lines = 0;
    current_.first_line = static_cast<std::uint32_t>(row.line());
    current_.cancelled = false;
    current_.existing = nullptr;
    std::uint64_t key = number_hash(number);
    if (auto it = existing_.find(key); it != existing_.end()) {
      SeenOrder& seen = it->second;
      if (seen.check != number_check(number)) {
        throw Error(fmt::format("order {} cannot be told apart from another order in this file", number),
                    "import the file in two parts");
      }
      if (seen.customer_id != customer_id) {
        throw Error(fmt::format("order {} is for another customer on line {}", number, seen.first_line),
                    "lines of one order must name the same customer");
      }
      current_.id = seen.id;
      current_.existing = &seen;
      return false;
    }
    model::Order o;
    o.number = std::string(number);
    o.customer_id = customer_id;
    o.ordered_at = ordered_at;
    o.channel = model::normalise_channel(row.get(F::channel));
    o.status = model::normalise_status(row.get(F::status));
    // Most orders of a file are new: try the insert, and look the order up only when it exists.
    if (std::int64_t id = insert_new(store::NewRow::orders, [&] { return orders_.insert_if_new(o); })) {
      if (!first_new_id_) first_new_id_ = id;
      current_.id = id;
      current_.cancelled = o.status == "cancelled";
      return true;
    }
    auto old = orders_.by_number(o.number);
    if (!old) throw Error(fmt::format("order {} could not be stored", o.number), "run 'kunde doctor'");
    // Ids only grow: an order with an id this import handed out was inserted earlier in the file.
    if (first_new_id_ && old->id >= first_new_id_) {
      if (old->customer_id != customer_id) {
        throw Error(fmt::format("order {} is for another customer earlier in this file", number),
                    "lines of one order must name the same customer");
      }
      current_.id = old->id;
      current_.cancelled = old->status == "cancelled";
      current_.lines = static_cast<std::uint32_t>(orders_.last_line(old->id));
      return false;
    }
    SeenOrder seen;
    seen.id = old->id;
    seen.customer_id = customer_id;
    seen.check = number_check(number);
    seen.first_line = current_.first_line;
    o.id = old->id;
    // Columns the file lacks, and an empty status, keep what is stored (a cancellation
    // survives a re-import).
    if (!row.has(F::channel)) o.channel = old->channel;
    if (row.get(F::status).empty()) o.status = old->status;
    if (!(o == *old)) {
      orders_.update(o);
      seen.header_changed = true;
      touch(old->customer_id, store::Change::kTouchOrders);
    }
    current_.id = old->id;
    // A content-keyed row is an order of its own: no later line can belong to it.
    if (content_keyed) {
      content_order_ = seen;
      current_.existing = &content_order_;
    } else {
      current_.existing = &existing_.emplace(key, seen).first->second;
    }
    return true;
  }

  void finish() override {
    std::int64_t removed = 0;
    for (const auto& [key, s] : existing_) {
      if (std::int64_t n = orders_.delete_lines_after(s.id, s.lines)) {
        removed += n;
        touch(s.customer_id, store::Change::kTouchOrders);
      }
    }
    if (removed) counts().notes["old lines removed"] += removed;
  }

 private:
  std::int64_t money(std::string_view text, const char* what) const {
    try {
      return model::parse_money(text, options().money_decimals, options().number);
    } catch (const Error& e) {
      throw Error(fmt::format("{}: {}", what, e.what()), e.hint());
    }
  }

  // Quantity and money, as written.
  void read_values(const Row& row, LineValues& out) const {
    if (auto q = row.get(F::quantity); !q.empty()) {
      try {
        out.quantity = model::parse_number(q, options().number);
      } catch (const Error& e) {
        throw Error(fmt::format("quantity: {}", e.what()), e.hint());
      }
    }
    if (auto v = row.get(F::unit_price); !v.empty()) out.price = money(v, "unit_price");
    if (auto v = row.get(F::unit_cost); !v.empty()) out.cost = money(v, "unit_cost");
    if (auto v = row.get(F::amount); !v.empty()) out.amount = money(v, "amount");
  }

  model::OrderLine read_line(const Row& row, const LineValues& values) {
    model::OrderLine l;
    l.quantity = values.quantity;
    const std::optional<std::int64_t>& price = values.price;
    const std::optional<std::int64_t>& cost_value = values.cost;
    const std::optional<std::int64_t>& amount = values.amount;
    std::string_view sku = row.get(F::sku);
    if (sku.empty()) {
      // An order-level row: the amount is the order's total and the cost its cost of goods.
      if (!amount && !price) throw Error("neither a sku nor an amount", "order-level rows need an amount column");
      l.unit_price = price;
      l.amount = amount ? *amount : model::line_total(l.quantity, *price);
      l.cost = cost_value;
    } else {
      const ProductInfo& p = product(sku, row, price, cost_value);
      l.product_id = p.id;
      l.unit_price = price ? price : p.list_price;
      if (!l.unit_price && !amount) {
        throw Error(fmt::format("no price for {}", sku), "give a unit_price column, or a list price for the product");
      }
      l.amount = amount ? *amount : model::line_total(l.quantity, *l.unit_price);
      l.unit_cost = cost_value ? cost_value : p.unit_cost;
      if (l.unit_cost) l.cost = model::line_total(l.quantity, *l.unit_cost);
    }
    if (l.quantity < 0) ++counts().notes["return lines"];
    if (l.amount == 0) ++counts().notes["lines with zero amount"];
    return l;
  }

  const ProductInfo& product(std::string_view sku, const Row& row, std::optional<std::int64_t> price,
                             std::optional<std::int64_t> cost) {
    if (auto it = products_seen_.find(sku); it != products_seen_.end()) return it->second;
    ProductInfo info;
    if (auto found = products_.by_sku(sku)) {
      info = {found->id, found->list_price, found->unit_cost};
    } else {
      if (options().strict) {
        throw Error(fmt::format("unknown sku '{}'", sku),
                    "add it with 'kunde product add' or 'kunde product import', or leave out --strict to create it");
      }
      model::Product p;
      p.sku = std::string(sku);
      p.name = std::string(row.get(F::name));
      if (auto c = row.get(F::category); !c.empty()) p.category = std::string(c);
      p.list_price = price;
      p.unit_cost = cost;
      info = {insert_new(store::NewRow::products, [&] { return products_.insert(p); }), p.list_price, p.unit_cost};
      ++counts().notes["products created"];
    }
    return products_seen_.emplace(std::string(sku), info).first->second;
  }

  store::OrderRepo orders_;
  store::ProductRepo products_;
  CustomerLookup customers_;
  OrderImportOptions oo_;
  CurrentOrder current_;
  std::int64_t first_new_id_ = 0;
  std::unordered_map<std::uint64_t, SeenOrder> existing_;  // node-based: current_ points into it
  SeenOrder content_order_;
  std::unordered_map<std::string, ProductInfo, StringHash, std::equal_to<>> products_seen_;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> occurrences_;
};

}  // namespace

ImportCounts import_orders(store::Database& db, const std::string& path, const ImportOptions& options,
                           const OrderImportOptions& order_options) {
  OrderImporter importer(db, options, order_options);
  return importer.run(path);
}

}  // namespace kunde::import
