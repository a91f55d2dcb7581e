// The PostgreSQL store: the repositories, history and maintenance over one connection.
#include "store/pg/pg_store.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include <filesystem>

#include "store/copy.hpp"
#include "store/pg/analytics_repo.hpp"
#include "store/pg/change.hpp"
#include "store/pg/contact_repo.hpp"
#include "store/pg/customer_repo.hpp"
#include "store/pg/history.hpp"
#include "store/pg/maintenance.hpp"
#include "store/pg/order_repo.hpp"
#include "store/pg/payment_repo.hpp"
#include "store/pg/product_repo.hpp"
#include "store/pg/schema.hpp"
#include "store/pg/segment_repo.hpp"
#include "store/pg/table_io.hpp"
#include "store/pg/writes.hpp"

namespace kunde::store::pg {
namespace {

class HistoryOnServer final : public History {
 public:
  explicit HistoryOnServer(Connection& db) : db_(db) {}
  std::vector<HistoryEntry> list(std::int64_t limit) override { return list_history(db_, limit); }
  std::optional<HistoryEntry> find(std::int64_t id) override { return find_history(db_, id); }
  UndoResult undo(std::optional<std::int64_t> id, const std::string& command) override {
    return pg::undo(db_, id, command);
  }

 private:
  Connection& db_;
};

class MaintenanceOnServer final : public Maintenance {
 public:
  MaintenanceOnServer(Connection& db, Store& store) : db_(db), store_(store) {}
  // A backup of a server database is a SQLite file holding the same (kunde db copy).
  void backup(const std::string& path) override {
    if (std::filesystem::exists(path)) {
      throw Error(fmt::format("{} exists already", path), "backup never overwrites; choose a new file name");
    }
    copy_store(store_, path, db_.rules());
  }
  std::vector<Problem> check(bool fix) override { return check_database(db_, fix); }
  void query(const std::string& sql, const QueryLimits& limits,
             const std::function<void(const std::vector<std::string>&)>& header,
             const std::function<void(const std::vector<Value>&)>& row) override {
    run_query(db_, sql, limits, header, row);
  }
  std::vector<std::string> query_columns(const std::string& sql) override {
    std::vector<std::string> columns;
    run_query(db_, sql, QueryLimits{}, [&](const std::vector<std::string>& names) { columns = names; }, nullptr);
    return columns;
  }
  std::vector<DuplicatePair> duplicates(int min_score) override { return find_duplicates(db_, min_score); }
  nlohmann::ordered_json personal_data(std::int64_t customer_id) override { return pg::personal_data(db_, customer_id); }
  void read_table(const TableSpec& table, const std::function<void(const std::vector<Value>&)>& row) override {
    pg::read_table(db_, table, row);
  }
  void load_tables(const std::function<void(const TableSpec&, const RowSink&)>& source) override {
    pg::load_tables(db_, source);
  }
  void snapshot(const std::function<void()>& body) override {
    Transaction tx(db_, Transaction::Kind::read);
    body();
    tx.commit();
  }
  Erasure forget(std::int64_t customer_id, const std::string& command) override {
    {
      // Recorded without row images: history must not keep what the erasure removed.
      Change change(db_, command, false);
      scrub_history_for_customer(db_, customer_id);
      CustomerRepo(db_).erase(customer_id);
      change.commit("1 customer erased");
    }
    // Deleted rows stay in the tables' files until vacuumed.
    try {
      db_.run("VACUUM customers, customer_tags, customer_aliases, orders, order_lines, payments, contacts, "
              "customer_search, contact_search, customer_order_stats, customer_contact_stats, customer_scores, "
              "customer_offers, segment_members, segment_matches, segment_history, "
              "history, history_rows, history_inserts");
    } catch (const Error&) {
      // A role that does not own the tables cannot vacuum them; the server's autovacuum will.
      return Erasure{false};
    }
    return Erasure{true};
  }

 private:
  Connection& db_;
  Store& store_;
};

}  // namespace

struct PgStore::Parts {
  Parts(Connection& db, Store& store)
      : customers(db),
        products(db),
        orders(db),
        payments(db),
        contacts(db),
        segments(db),
        history(db),
        maintenance(db, store),
        analytics(db) {}
  CustomerRepo customers;
  ProductRepo products;
  OrderRepo orders;
  PaymentRepo payments;
  ContactRepo contacts;
  SegmentRepo segments;
  HistoryOnServer history;
  MaintenanceOnServer maintenance;
  AnalyticsRepo analytics;
};

PgStore::PgStore(const std::string& url, const DerivedRules& rules) {
  db_ = std::make_unique<Connection>(url);
  db_->set_rules(&rules);
  migrate(*db_);
  parts_ = std::make_unique<Parts>(*db_, *this);
}

PgStore::~PgStore() = default;

Customers& PgStore::customers() { return parts_->customers; }
Products& PgStore::products() { return parts_->products; }
Orders& PgStore::orders() { return parts_->orders; }
Payments& PgStore::payments() { return parts_->payments; }
Contacts& PgStore::contacts() { return parts_->contacts; }
Segments& PgStore::segments() { return parts_->segments; }
Analytics& PgStore::analytics() { return parts_->analytics; }
History& PgStore::history() { return parts_->history; }
Maintenance& PgStore::maintenance() { return parts_->maintenance; }
const std::string& PgStore::location() const { return db_->location(); }

int PgStore::money_decimals() {
  if (!decimals_) {
    Result r = db_->exec("SELECT value FROM meta WHERE key = 'money_decimals'");
    decimals_ = r.rows() ? std::stoi(r.row(0).text(0)) : 2;
  }
  return *decimals_;
}

std::unique_ptr<Write> PgStore::begin_write(const std::string& command) { return make_write(*db_, command); }

std::unique_ptr<ImportWrite> PgStore::begin_import(const std::string& command) {
  return make_import_write(*db_, command);
}

void init_database(const std::string& url, int money_decimals, const std::string& currency) {
  Connection db(url);
  create_schema(db, money_decimals, currency);
}

}  // namespace kunde::store::pg
