// Order import.
#include "crm/import/order_import.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "error.hpp"
#include "crm/content_keys.hpp"
#include "crm/pricing.hpp"
#include "model/dates.hpp"
#include "model/order.hpp"

namespace kunde::crm::import {
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
  model::Order added;   // as inserted, when this import inserted it
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


// The parts of a line that need no database, read ahead (Importer::prepare).
struct LineValues : Prepared {
  std::string ordered_at;
  double quantity = 1;
  std::optional<std::int64_t> price, cost, amount;
};

class OrderImporter : public Importer {
 public:
  OrderImporter(Session& session, store::ImportWrite& write, const ImportOptions& o, const OrderImportOptions& oo)
      : Importer(model::order_fields(), o, session, write), orders_(store().orders()), products_(store().products()),
        oo_(oo) {
    write.expect_many(store::Table::orders);
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
    if (ref.empty()) {
      throw Error("no customer", "every row needs a customer number; --skip-anonymous skips such rows");
    }
    std::int64_t customer_id = customer(ref);
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
      auto money = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
      content = keys_.next(customer_id, {ordered_at, row.get(F::sku), fmt::format("{}", values.quantity),
                                         money(values.price), money(values.cost), money(values.amount),
                                         model::normalise_channel(row.get(F::channel)).value_or(""),
                                         model::normalise_status(row.get(F::status))});
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
      write().add_line(current_.added, line);
      return Outcome::inserted;
    }
    SeenOrder& s = *current_.existing;
    line.line = ++s.lines;
    bool changed = first && s.header_changed;
    model::Order order;
    order.id = s.id;
    order.customer_id = customer_id;
    if (auto old = orders_.line(s.id, line.line)) {
      if (!(*old == line)) {
        write().put_line(order, line, true);
        changed = true;
      }
    } else {
      write().put_line(order, line, false);
      changed = true;
    }
    return changed ? Outcome::updated : Outcome::unchanged;
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
    if (std::int64_t id = write().add_order_if_new(o)) {
      if (!first_new_id_) first_new_id_ = id;
      current_.id = id;
      current_.cancelled = o.status == "cancelled";
      current_.added = std::move(o);
      current_.added.id = id;
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
      current_.lines = static_cast<std::uint32_t>(write().last_line(old->id));
      current_.added = *old;
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
      write().update_order(o, *old);
      seen.header_changed = true;
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
      model::Order order;
      order.id = s.id;
      order.customer_id = s.customer_id;
      removed += write().delete_lines_after(order, s.lines);
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
    LineInput in{values.quantity, values.price, values.cost, values.amount};
    std::string_view sku = row.get(F::sku);
    // A row without a sku is an order-level row: its amount is the order's total and its cost
    // the cost of goods.
    model::OrderLine l = sku.empty() ? order_level_line(in) : price_line(product(sku, row, values.price, values.cost), in);
    if (l.quantity < 0) ++counts().notes["return lines"];
    if (l.amount == 0) ++counts().notes["lines with zero amount"];
    return l;
  }

  const model::Product& product(std::string_view sku, const Row& row, std::optional<std::int64_t> price,
                                std::optional<std::int64_t> cost) {
    if (auto it = products_seen_.find(sku); it != products_seen_.end()) return it->second;
    model::Product info;
    if (auto found = products_.by_sku(sku)) {
      info = std::move(*found);
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
      p.id = write().add_product(p);
      info = std::move(p);
      ++counts().notes["products created"];
    }
    return products_seen_.emplace(std::string(sku), info).first->second;
  }

  store::Orders& orders_;
  store::Products& products_;
  OrderImportOptions oo_;
  CurrentOrder current_;
  std::int64_t first_new_id_ = 0;
  std::unordered_map<std::uint64_t, SeenOrder> existing_;  // node-based: current_ points into it
  SeenOrder content_order_;
  std::unordered_map<std::string, model::Product, StringHash, std::equal_to<>> products_seen_;
  ContentKeys keys_;
};

}  // namespace

ImportCounts import_orders(Session& session, store::ImportWrite& write, const std::string& path,
                           const ImportOptions& options, const OrderImportOptions& order_options) {
  OrderImporter importer(session, write, options, order_options);
  return importer.run(path);
}

}  // namespace kunde::crm::import
