// Order import.
#include "crm/import/order_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "error.hpp"
#include "crm/content_keys.hpp"
#include "crm/keyless_matching.hpp"
#include "crm/pricing.hpp"
#include "crm/session.hpp"
#include "model/dates.hpp"
#include "model/order.hpp"
#include "value.hpp"

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
  bool took_over = false;  // an order stored without a number, which this import numbered
};

// The order of the line before: the lines of one order usually come together.
struct CurrentOrder {
  std::string number;
  std::int64_t id = 0;  // 0: none yet
  std::int64_t customer_id = 0;
  std::string ordered_at;
  model::Order added;   // as inserted, when this import inserted it
  std::uint32_t lines = 0;       // lines so far, of an order this import inserted
  std::uint32_t first_line = 0;  // where this run of its lines began
  SeenOrder* existing = nullptr;  // set when the order existed before the import
  std::vector<std::pair<std::string, std::string>> extras;  // its first row's other columns (attributes)
};

std::uint64_t number_hash(std::string_view s) { return std::hash<std::string_view>{}(s); }
std::uint32_t number_check(std::string_view s) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

// The parts of a row that need no database, read ahead (Importer::prepare).
struct LineValues : Prepared {
  std::string ordered_at;  // empty when the row gives none (a line of an existing order)
  double quantity = 1;
  std::optional<std::int64_t> price, cost, amount, gross, freight;
  std::optional<double> discount;
  bool unread_total = false;  // the orders file's total is no amount

  // What pricing reads of them.
  LineInput line_input() const { return {quantity, price, cost, amount, gross, discount}; }
};

// The columns that make a row a line: a file with none of them lists orders only.
constexpr std::size_t kLineFields[] = {F::sku, F::quantity, F::unit_price, F::gross, F::discount,
                                       F::unit_cost, F::amount, F::name, F::category};

// Which file of an import this is.
enum class Shape {
  any,     // lines or orders, as its columns say
  orders,  // one row per order (the first file of `--lines`)
  lines,   // order lines (the lines file of `--lines`)
};

class OrderImporter : public Importer {
 public:
  OrderImporter(Session& session, store::ImportWrite& write, const ImportOptions& o, const OrderImportOptions& oo,
                Shape shape, std::int64_t first_new_id = 0)
      : Importer(model::order_fields(), o, session, write, true), orders_(store().orders()),
        products_(store().products()), oo_(oo), shape_(shape), first_new_id_(first_new_id) {
    write.expect_many(store::Table::orders);
  }

  // The id of the first order this importer inserted (0 when none): orders from it on are
  // this import's own.
  std::int64_t first_new_id() const { return first_new_id_; }

  // The orders file's rejected rows, by order number: the lines file's rows of those orders
  // are rejected for that, not for an order that was never imported.
  // The orders file's totals as stated, in the file's order, and the lines file's net sums
  // by order number (kept once sum_lines() asks for them).
  using StatedTotals = std::vector<std::pair<std::string, std::int64_t>>;
  using Totals = std::map<std::string, std::int64_t, std::less<>>;
  const StatedTotals& stated_totals() const { return stated_totals_; }
  const Totals& line_sums() const { return line_sums_; }
  void sum_lines() { sum_lines_ = true; }

  using RejectedOrders = std::unordered_map<std::string, std::size_t>;
  const RejectedOrders& rejected_orders() const { return rejected_orders_; }
  void rejected_in(const std::string& orders_source, const RejectedOrders& orders) {
    orders_source_ = orders_source;
    orders_rejected_ = &orders;
  }


 protected:
  // The lines file's other columns describe a line, which keeps none (set_attributes).
  bool keeps_other_columns() const override { return shape_ != Shape::lines; }

  void check_columns() override {
    bool lines = false;
    std::vector<std::string> line_columns;
    for (std::size_t f : kLineFields) {
      if (!has_column(f)) continue;
      // The orders file's amount (an invoice's Total) is each order's total as stated,
      // checked against its lines (import_orders_and_lines).
      if (shape_ == Shape::orders && f == F::amount) continue;
      lines = true;
      // As the file writes them, with the field each is read as when its name does not say.
      std::string field = model::order_fields()[f].name, column = column_name(f);
      line_columns.push_back(model::field_key(column) == model::field_key(field) ? column : fmt::format("{} as {}", column, field));
    }
    // Set with the header, before any row is handed to process().
    headers_only_ = !lines && shape_ != Shape::lines;
    if (shape_ == Shape::orders && lines) {
      throw Error(fmt::format("{}:1: the order file has line columns ({})", source(), fmt::join(line_columns, ", ")),
                  "with --lines the first file holds one row per order (order, customer, date, freight, ...), "
                  "and the lines file the lines");
    }
    Importer::check_columns();
    if (!has_column(F::order)) {
      if (headers_only_) {
        throw missing_columns("'order' (a file of orders without their lines needs their numbers)", {F::order});
      }
      if (!has_column(F::customer)) throw missing_columns("'customer'", {F::customer});
      if (!has_column(F::ordered_at)) throw missing_columns("'ordered_at'", {F::ordered_at});
    }
  }

  Outcome process(const Row& row) override {
    if (headers_only_) return process_order(row);
    std::string_view ref = row.get(F::customer);
    if (oo_.strip_zero_fraction) ref = model::strip_zero_fraction(ref);
    if (ref.empty() && oo_.skip_anonymous && row.has(F::customer)) {
      ++counts().notes["of the skipped lines had no customer"];
      return Outcome::skipped;
    }
    // Without values read ahead, the problems are found in the same order: date, customer, values.
    LineValues parsed;
    const auto* values = dynamic_cast<const LineValues*>(prepared());
    if (!values) parsed.ordered_at = read_date(row);
    std::int64_t customer_id = 0;
    std::optional<model::Order> known;  // the order, when the row leaves the customer to it
    if (ref.empty()) {
      std::string_view number = row.get(F::order);
      if (number.empty()) {
        throw Error("no customer", "every row needs a customer number; --skip-anonymous skips such rows");
      }
      known = order_of(number);
      if (!known && orders_rejected_) {
        if (auto it = orders_rejected_->find(std::string(number)); it != orders_rejected_->end()) {
          throw Error(fmt::format("its order {} was rejected ({}:{})", number, orders_source_, it->second),
                      "fix that row of the orders file, then import both files again");
        }
      }
      if (!known) {
        throw Error(fmt::format("no customer, and there is no order {}", number),
                    "give the customer and date, or import the orders first (kunde order import ORDERS --lines LINES)");
      }
      customer_id = known->customer_id;
    } else {
      customer_id = customer(ref);
    }
    if (!values) {
      read_values(row, parsed);
      values = &parsed;
    }
    return process_line(row, customer_id, *values, known);
  }

  std::unique_ptr<Prepared> prepare(const Row& row) const override {
    auto out = std::make_unique<LineValues>();
    out->ordered_at = read_date(row);
    read_values(row, *out);
    return out;
  }

  Outcome process_line(const Row& row, std::int64_t customer_id, const LineValues& values,
                       const std::optional<model::Order>& known) {
    // The order this line belongs to.
    std::string_view number_text;
    std::string content;
    if (row.has(F::order)) {
      number_text = row.get(F::order);
      if (number_text.empty()) throw Error("the order number is empty", "every line needs its order's number");
    } else {
      auto money = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
      content = keys_.next(customer_id, {values.ordered_at, row.get(F::sku), fmt::format("{}", values.quantity),
                                         money(values.price), money(values.cost), money(values.amount),
                                         model::normalise_channel(row.get(F::channel)).value_or(""),
                                         model::normalise_status(row.get(F::status))});
      number_text = content;
      if (matches_keyed_line(row, customer_id, values, content)) return Outcome::unchanged;
    }
    bool first = false;
    if (current_.id == 0 || number_text != current_.number) {
      first = switch_order(row, number_text, !content.empty(), customer_id, values, known);
    } else if (current_.customer_id != customer_id) {
      throw Error(fmt::format("order {} is for another customer on line {}", number_text, current_.first_line),
                  "lines of one order must name the same customer");
    } else if (!current_.extras.empty()) {
      note_varying_columns(row);
    }
    // A row with neither a sku nor anything that prices a line is the order alone.
    if (!has_line(row, values)) {
      if (!row.has(F::order)) throw Error("neither a sku nor an amount", "order-level rows need an amount column");
      if (current_.existing) return first && current_.existing->header_changed ? Outcome::updated : Outcome::unchanged;
      return first ? Outcome::inserted : Outcome::unchanged;
    }
    model::OrderLine line = read_line(row, values);
    if (sum_lines_) {
      auto sum = line_sums_.find(number_text);
      if (sum == line_sums_.end()) sum = line_sums_.emplace(std::string(number_text), 0).first;
      sum->second += line.amount;
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
    } else if (s.took_over) {
      // A further line of an order this import numbered: the order stored without a number
      // that holds it gives it up and goes.
      auto moved = keyless_order(row, customer_id, values, std::nullopt);
      write().put_line(order, line, false);
      if (!moved) return Outcome::inserted;
      write().delete_order(*moved);
      return Outcome::updated;
    } else {
      // A line the order did not have: new, whatever the order had before.
      write().put_line(order, line, false);
      return Outcome::inserted;
    }
    return changed ? Outcome::updated : Outcome::unchanged;
  }

  // A new order without a date. Without a date column no row can give one, so the file
  // fails once instead of every row.
  [[noreturn]] void no_date(std::string_view number) const {
    if (!has_column(F::ordered_at)) {
      throw missing_columns(fmt::format("'ordered_at' (order {} is new, and a new order needs its date)", number),
                            {F::ordered_at});
    }
    throw Error("empty date", "write YYYY-MM-DD");
  }

  // The match hash of a row's line (crm/keyless_matching.hpp); none without a day or a line.
  std::optional<std::uint64_t> match_hash(const Row& row, std::int64_t customer_id, const LineValues& values) const {
    if (values.ordered_at.empty() || !has_line(row, values)) return std::nullopt;
    std::string_view sku = row.get(F::sku);
    std::int64_t amount = 0;
    if (sku.empty()) {
      amount = order_level_line(values.line_input()).amount;
    }
    return line_match_hash(customer_id, values.ordered_at, sku, values.quantity, amount);
  }

  // The order stored without a number whose line this row of a new numbered order is
  // (crm/keyless_matching.hpp); `number` none when the row's order is stored already. The
  // orders are read at the first row that could take one over.
  std::optional<model::Order> keyless_order(const Row& row, std::int64_t customer_id, const LineValues& values,
                                            std::optional<std::string_view> number) {
    if (keyless_orders_ && keyless_orders_->empty()) return std::nullopt;
    auto hash = match_hash(row, customer_id, values);
    if (!hash) return std::nullopt;
    if (!keyless_orders_) keyless_orders_.emplace(orders_);
    if (!keyless_orders_->has(*hash)) return std::nullopt;
    if (number && orders_.by_number(*number)) return std::nullopt;
    auto taken = keyless_orders_->take(*hash);
    // One this import added itself is its own row, not one stored before.
    if (taken && first_new_id_ && taken->id >= first_new_id_) return std::nullopt;
    if (taken) ++counts().notes["with an order number took over a stored order without one (same customer, day, product and quantity)"];
    return taken;
  }

  // Whether a row without an order number, whose content key finds nothing, is a line
  // already stored in an order with a number of its own (crm/keyless_matching.hpp). The
  // stored lines are read at the first such miss (or after many hits, when a file of rows
  // without numbers is imported again); after that only rows that could match one are
  // looked up first.
  bool matches_keyed_line(const Row& row, std::int64_t customer_id, const LineValues& values,
                          const std::string& content) {
    if (keyed_lines_ && keyed_lines_->empty()) return false;
    auto matched = match_hash(row, customer_id, values);
    if (!matched) return false;
    const std::uint64_t hash = *matched;
    if (keyed_lines_ && !keyed_lines_->has(hash)) return false;
    if (orders_.by_number(content)) {
      if (!keyed_lines_ && ++content_hits_ >= kContentHitsBeforeReading) keyed_lines_ = KeyedRows::order_lines(orders_);
      return false;
    }
    if (!keyed_lines_) keyed_lines_ = KeyedRows::order_lines(orders_);
    if (!keyed_lines_->take(hash)) return false;
    ++counts().notes["without an order number matched a stored line (same customer, day, product and quantity)"];
    return true;
  }

  // Makes the order of this line the current one. True when the file names it for the first
  // time. Lines of one order usually come together; when they come back later, an order
  // this import inserted is found in the database, one that existed before in existing_.
  // `known`: the order as stored, when the caller looked it up already.
  // A file of lines keeps its other columns as the order's attributes, from the order's first
  // line: a column whose value changes from line to line (a track's name) is listed, so what
  // the other lines said is not lost without a word.
  void note_varying_columns(const Row& row) {
    for (const auto& [name, value] : row.extras()) {
      auto first = std::find_if(current_.extras.begin(), current_.extras.end(),
                                [&, &column = name](const auto& e) { return e.first == column; });
      if (first != current_.extras.end() && first->second != value) varying_columns_.insert(name);
    }
  }

  bool switch_order(const Row& row, std::string_view number, bool content_keyed, std::int64_t customer_id,
                    const LineValues& values, std::optional<model::Order> known) {
    current_.number.assign(number);
    current_.extras.clear();
    if (shape_ == Shape::any) {
      for (const auto& [name, value] : row.extras()) current_.extras.emplace_back(name, value);
    }
    current_.id = 0;
    current_.customer_id = customer_id;
    current_.lines = 0;
    current_.first_line = static_cast<std::uint32_t>(row.line());
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
      current_.ordered_at = known ? known->ordered_at : values.ordered_at;
      return false;
    }
    // A line without a date takes its order's.
    if (values.ordered_at.empty() && !known) known = orders_.by_number(number);
    model::Order o;
    o.number = std::string(number);
    o.customer_id = customer_id;
    o.ordered_at = !values.ordered_at.empty() ? values.ordered_at : known ? known->ordered_at : std::string();
    if (o.ordered_at.empty()) no_date(number);
    current_.ordered_at = o.ordered_at;
    o.channel = model::normalise_channel(row.get(F::channel));
    o.status = model::normalise_status(row.get(F::status));
    o.freight = values.freight;
    set_attributes(o, row);
    std::optional<model::Order> taken;
    if (!known && !content_keyed) taken = keyless_order(row, customer_id, values, number);
    // Most orders of a file are new: try the insert, and look the order up only when it exists.
    if (!known && !taken) {
      if (std::int64_t id = write().add_order_if_new(o)) {
        if (!first_new_id_) first_new_id_ = id;
        current_.id = id;
        current_.added = std::move(o);
        current_.added.id = id;
        return true;
      }
    }
    auto old = taken ? taken : known ? known : orders_.by_number(o.number);
    if (!old) throw Error(fmt::format("order {} could not be stored", o.number), "run 'kunde doctor'");
    // Ids only grow: an order with an id this import handed out was inserted earlier in it.
    if (first_new_id_ && old->id >= first_new_id_) {
      if (old->customer_id != customer_id) {
        throw Error(fmt::format("order {} is for another customer earlier in this import", number),
                    "lines of one order must name the same customer");
      }
      current_.id = old->id;
      current_.lines = static_cast<std::uint32_t>(write().last_line(old->id));
      current_.added = *old;
      return false;
    }
    SeenOrder seen;
    seen.id = old->id;
    seen.customer_id = customer_id;
    seen.check = number_check(number);
    seen.first_line = current_.first_line;
    seen.took_over = taken.has_value();
    o.id = old->id;
    keep_unwritten(o, *old, row);
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

  // A row of a file of orders: the order added or updated, its lines left alone.
  Outcome process_order(const Row& row) {
    std::string_view number = row.get(F::order);
    if (number.empty()) throw Error("the order number is empty", "every order needs its number");
    LineValues parsed;
    const auto* values = dynamic_cast<const LineValues*>(prepared());
    if (!values) parsed.ordered_at = read_date(row);
    std::string_view ref = row.get(F::customer);
    if (oo_.strip_zero_fraction) ref = model::strip_zero_fraction(ref);
    if (ref.empty() && oo_.skip_anonymous && row.has(F::customer)) {
      ++counts().notes["of the skipped orders had no customer"];
      return Outcome::skipped;
    }
    std::optional<model::Order> old;
    std::int64_t customer_id = 0;
    if (ref.empty()) {
      old = orders_.by_number(number);
      if (!old) throw Error("no customer", "every new order needs a customer number; --skip-anonymous skips such rows");
      customer_id = old->customer_id;
    } else {
      customer_id = customer(ref);
    }
    if (!values) {
      read_values(row, parsed);
      values = &parsed;
    }
    if (values->amount) stated_totals_.emplace_back(std::string(number), *values->amount);
    if (values->unread_total) ++counts().notes["orders whose total is no amount, not checked"];
    model::Order o;
    o.number = std::string(number);
    o.customer_id = customer_id;
    o.ordered_at = values->ordered_at;
    o.channel = model::normalise_channel(row.get(F::channel));
    o.status = model::normalise_status(row.get(F::status));
    o.freight = values->freight;
    set_attributes(o, row);
    if (!old) {
      if (!o.ordered_at.empty()) {
        if (std::int64_t id = write().add_order_if_new(o)) {
          if (!first_new_id_) first_new_id_ = id;
          return Outcome::inserted;
        }
      }
      old = orders_.by_number(number);
      if (!old) no_date(number);
    }
    o.id = old->id;
    if (o.ordered_at.empty()) o.ordered_at = old->ordered_at;
    keep_unwritten(o, *old, row);
    if (o == *old) return Outcome::unchanged;
    write().update_order(o, *old);
    return Outcome::updated;
  }

  void rejected(const Row& row) override {
    if (shape_ != Shape::orders) return;
    if (auto number = row.get(F::order); !number.empty()) rejected_orders_.try_emplace(std::string(number), row.line());
  }

  void finish() override {
    if (!varying_columns_.empty()) {
      counts().notes[fmt::format("columns kept from each order's first line, though its lines differ ({})",
                                 fmt::join(varying_columns_, ", "))] = static_cast<std::int64_t>(varying_columns_.size());
    }
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

  // The row's date; empty when the row gives none (the order's then counts).
  std::string read_date(const Row& row) const {
    std::string_view at = row.get(F::ordered_at);
    if (at.empty()) return {};
    return model::parse_file_date(at, options().date_format);
  }

  // Quantity, money and the discount, as written.
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
    if (auto v = row.get(F::amount); !v.empty()) {
      if (shape_ != Shape::orders) {
        out.amount = money(v, "amount");
      } else {
        // The orders file's total is only checked: one that does not read costs no order.
        try {
          out.amount = money(v, "amount");
        } catch (const Error&) {
          out.unread_total = true;
        }
      }
    }
    if (auto v = row.get(F::gross); !v.empty()) out.gross = money(v, "gross");
    if (auto v = row.get(F::freight); !v.empty()) out.freight = money(v, "freight");
    if (auto v = row.get(F::discount); !v.empty()) {
      try {
        out.discount = model::parse_discount(v, options().discount_unit, options().number);
      } catch (const Error& e) {
        throw Error(fmt::format("discount: {}", e.what()), e.hint());
      }
    }
  }

  static bool has_line(const Row& row, const LineValues& v) {
    return !row.get(F::sku).empty() || v.amount || v.price || v.gross;
  }

  model::OrderLine read_line(const Row& row, const LineValues& values) {
    const LineInput in = values.line_input();
    std::string_view sku = row.get(F::sku);
    // A row without a sku is an order-level row: its amount is the order's total and its cost
    // the cost of goods.
    model::OrderLine l = sku.empty() ? order_level_line(in) : price_line(product(sku, row, values.price, values.cost), in);
    // Unit prices without a product column: most likely the product column has a name kunde
    // does not know (TrackId), so the summary says what became of the lines. (An order-level
    // file has an amount and perhaps a quantity, but no unit price.)
    if (sku.empty() && !has_column(F::sku) && has_column(F::unit_price)) {
      ++counts().notes["lines without a product (no sku column; --map sku=COLUMN names it)"];
    }
    if (l.quantity < 0) ++counts().notes["return lines"];
    if (l.amount == 0) ++counts().notes["lines with zero amount"];
    return l;
  }

  // The order as stored, or none; the current one without a lookup.
  std::optional<model::Order> order_of(std::string_view number) {
    if (current_.id != 0 && number == current_.number) {
      model::Order o;
      o.id = current_.id;
      o.number = current_.number;
      o.customer_id = current_.customer_id;
      o.ordered_at = current_.ordered_at;
      return o;
    }
    return orders_.by_number(number);
  }

  // The file's other columns, as the order's attributes: set when written, removed when empty.
  // Those of the lines file of `--lines` describe a line, not its order: the orders file
  // holds the order's.
  void set_attributes(model::Order& o, const Row& row) const {
    if (shape_ == Shape::lines) return;
    for (const auto& [name, value] : row.extras()) {
      if (value.empty()) {
        o.attributes.erase(name);
      } else {
        o.attributes[name] = std::string(value);
      }
    }
  }

  // What the row does not say of an existing order stays as stored: columns the file lacks,
  // an empty status (a cancellation survives a re-import), attributes it has no column for.
  void keep_unwritten(model::Order& o, const model::Order& old, const Row& row) const {
    if (!row.has(F::channel)) o.channel = old.channel;
    if (row.get(F::status).empty()) o.status = old.status;
    if (!row.has(F::freight)) o.freight = old.freight;
    o.attributes = old.attributes;
    set_attributes(o, row);
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
  Shape shape_;
  bool headers_only_ = false;
  StatedTotals stated_totals_;
  Totals line_sums_;
  bool sum_lines_ = false;
  std::set<std::string> varying_columns_;  // attributes whose value differs between an order's lines
  CurrentOrder current_;
  std::int64_t first_new_id_ = 0;
  std::unordered_map<std::uint64_t, SeenOrder> existing_;  // node-based: current_ points into it
  SeenOrder content_order_;
  std::unordered_map<std::string, model::Product, StringHash, std::equal_to<>> products_seen_;
  ContentKeys keys_;
  static constexpr int kContentHitsBeforeReading = 4096;
  std::optional<KeyedRows> keyed_lines_;
  std::optional<KeylessOrders> keyless_orders_;
  int content_hits_ = 0;
  RejectedOrders rejected_orders_;
  std::string orders_source_;
  const RejectedOrders* orders_rejected_ = nullptr;
};

}  // namespace

ImportCounts import_orders(Session& session, store::ImportWrite& write, const std::string& path,
                           const ImportOptions& options, const OrderImportOptions& order_options) {
  OrderImporter importer(session, write, options, order_options, Shape::any);
  return importer.run(path);
}

std::string lines_reject_file(const std::string& reject_file) {
  auto slash = reject_file.find_last_of('/');
  auto dot = reject_file.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == slash + 1) {
    return reject_file + "-lines";
  }
  return reject_file.substr(0, dot) + "-lines" + reject_file.substr(dot);
}

namespace {

// An orders file's totals against the net sums of the lines file: the summary counts the
// orders whose total differs and names the first of them (a total may hold freight or tax).
void check_stated_totals(ImportCounts& counts, const OrderImporter::StatedTotals& stated, const OrderImporter::Totals& sums,
                         const OrderImporter::RejectedOrders& rejected, Session& session) {
  std::int64_t agree = 0, differ = 0;
  std::string first;
  const int decimals = session.money_decimals();
  for (const auto& [number, total] : stated) {
    if (rejected.count(number)) continue;
    auto it = sums.find(number);
    const std::int64_t lines = it == sums.end() ? 0 : it->second;
    if (lines == total) {
      ++agree;
      continue;
    }
    if (differ++ == 0) {
      first = fmt::format("{}: total {}, lines {}", number, format_decimal(Decimal{total, decimals}),
                          format_decimal(Decimal{lines, decimals}));
    }
  }
  if (agree) counts.notes["orders whose total is the sum of the lines"] = agree;
  if (differ) counts.notes[fmt::format("orders whose total is not the sum of the lines (first {})", first)] = differ;
}

}  // namespace

ImportCounts import_orders_and_lines(Session& session, store::ImportWrite& write, const std::string& orders_path,
                                     const std::string& lines_path, const ImportOptions& options,
                                     const OrderImportOptions& order_options) {
  OrderImporter orders(session, write, options, order_options, Shape::orders);
  orders.allow_missing_maps();
  ImportCounts counts = orders.run(orders_path);
  ImportOptions line_options = options;
  if (!line_options.reject_file.empty()) line_options.reject_file = lines_reject_file(options.reject_file);
  OrderImporter lines(session, write, line_options, order_options, Shape::lines, orders.first_new_id());
  lines.allow_missing_maps();
  lines.rejected_in(counts.source, orders.rejected_orders());
  if (!orders.stated_totals().empty()) lines.sum_lines();
  counts.next = std::make_shared<ImportCounts>(lines.run(lines_path));
  check_stated_totals(counts, orders.stated_totals(), lines.line_sums(), orders.rejected_orders(), session);
  // A mapped column must be in one of the two files.
  for (const auto& field : orders.maps_not_found()) {
    const auto& other = lines.maps_not_found();
    if (std::find(other.begin(), other.end(), field) == other.end()) continue;
    throw UsageError(fmt::format("--map {}={}: neither {} nor {} has that column", field,
                                 options.field_map.count(field) ? options.field_map.at(field) : std::string(),
                                 orders_path, lines_path),
                     "check the column's name in the files' first lines");
  }
  return counts;
}

}  // namespace kunde::crm::import
