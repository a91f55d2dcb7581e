// The SQLite store: the repositories, history and maintenance over one connection.
#include "store/sqlite/sqlite_store.hpp"

#include <fmt/format.h>

#include <sqlite3.h>

#include <filesystem>

#include "error.hpp"
#include "store/sqlite/analytics_repo.hpp"
#include "store/sqlite/contact_repo.hpp"
#include "store/sqlite/customer_repo.hpp"
#include "store/sqlite/duplicates.hpp"
#include "store/sqlite/erasure.hpp"
#include "store/sqlite/history.hpp"
#include "store/sqlite/maintenance.hpp"
#include "store/sqlite/order_repo.hpp"
#include "store/sqlite/payment_repo.hpp"
#include "store/sqlite/personal_data.hpp"
#include "store/sqlite/product_repo.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/segment_repo.hpp"
#include "store/sqlite/table_io.hpp"
#include "store/sqlite/change.hpp"
#include "store/sqlite/writes.hpp"

namespace kunde::store::sqlite {
namespace {

class HistoryOnDatabase final : public History {
 public:
  explicit HistoryOnDatabase(Database& db) : db_(db) {}
  std::vector<HistoryEntry> list(std::int64_t limit) override { return list_history(db_, limit); }
  std::optional<HistoryEntry> find(std::int64_t id) override { return find_history(db_, id); }
  UndoResult undo(std::optional<std::int64_t> id, const std::string& command) override {
    return sqlite::undo(db_, id, command);
  }

 private:
  Database& db_;
};

class MaintenanceOnDatabase final : public Maintenance {
 public:
  explicit MaintenanceOnDatabase(Database& db) : db_(db) {}
  void backup(const std::string& path) override { backup_database(db_, path); }
  std::vector<Problem> check(bool fix) override { return check_database(db_, fix); }
  void query(const std::string& sql, const QueryLimits& limits,
             const std::function<void(const std::vector<std::string>&)>& header,
             const std::function<void(const std::vector<Value>&)>& row) override {
    run_query(db_, sql, limits, header, row);
  }
  std::vector<std::string> query_columns(const std::string& sql) override {
    std::vector<std::string> columns;
    run_query(db_, sql, {}, [&](const std::vector<std::string>& names) { columns = names; }, nullptr);
    return columns;
  }
  std::vector<DuplicatePair> duplicates(int min_score) override { return find_duplicates(db_, min_score); }
  nlohmann::ordered_json personal_data(std::int64_t customer_id) override {
    return sqlite::personal_data(db_, customer_id);
  }
  Erasure forget(std::int64_t customer_id, const std::string& command) override {
    return erase_customer(db_, customer_id, command);
  }
  void read_table(const TableSpec& table, const std::function<void(const std::vector<Value>&)>& row) override {
    sqlite::read_table(db_, table, row);
  }
  void load_tables(const std::function<void(const TableSpec&, const RowSink&)>& source) override {
    sqlite::load_tables(db_, source);
  }
  void snapshot(const std::function<void()>& body) override {
    Transaction tx(db_, Transaction::Kind::read);
    body();
    tx.commit();
  }

 private:
  Database& db_;
};

}  // namespace

struct SqliteStore::Parts {
  explicit Parts(Database& db)
      : customers(db),
        products(db),
        orders(db),
        payments(db),
        contacts(db),
        segments(db),
        history(db),
        maintenance(db),
        analytics(db) {}
  CustomerRepo customers;
  ProductRepo products;
  OrderRepo orders;
  PaymentRepo payments;
  ContactRepo contacts;
  SegmentRepo segments;
  HistoryOnDatabase history;
  MaintenanceOnDatabase maintenance;
  AnalyticsRepo analytics;
};

SqliteStore::SqliteStore(const std::string& path, const DerivedRules& rules) {
  bool memory = path == ":memory:";
  db_ = std::make_unique<Database>(path, memory ? OpenMode::create : OpenMode::existing);
  db_->set_rules(&rules);
  if (memory) {
    create_schema(*db_, 2, "");
  } else {
    migrate(*db_);
  }
  // An erasure the last command could not finish (killed, or held up by a reader) is
  // finished by the next one that may write, if no reader is in the way now.
  if (!memory && sqlite3_db_readonly(db_->handle(), "main") == 0 && erasure_pending(*db_)) finish_erasure(*db_, false);
  parts_ = std::make_unique<Parts>(*db_);
}

SqliteStore::~SqliteStore() = default;

Customers& SqliteStore::customers() { return parts_->customers; }
Products& SqliteStore::products() { return parts_->products; }
Orders& SqliteStore::orders() { return parts_->orders; }
Payments& SqliteStore::payments() { return parts_->payments; }
Contacts& SqliteStore::contacts() { return parts_->contacts; }
Segments& SqliteStore::segments() { return parts_->segments; }
History& SqliteStore::history() { return parts_->history; }
Maintenance& SqliteStore::maintenance() { return parts_->maintenance; }
Analytics& SqliteStore::analytics() { return parts_->analytics; }
const std::string& SqliteStore::location() const { return db_->path(); }

int SqliteStore::money_decimals() {
  if (!decimals_) {
    auto& st = db_->prepare("SELECT value FROM meta WHERE key = 'money_decimals'");
    decimals_ = st.step() ? std::stoi(st.get_text(0)) : 2;
    st.reset();
  }
  return *decimals_;
}

std::unique_ptr<Write> SqliteStore::begin_write(const std::string& command) { return make_write(*db_, command); }

std::unique_ptr<ImportWrite> SqliteStore::begin_import(const std::string& command) {
  return make_import_write(*db_, command);
}

void init_database(const std::string& path, int money_decimals, const std::string& currency) {
  namespace fs = std::filesystem;
  if (path != ":memory:" && fs::exists(path)) {
    throw StoreExists(path);
  }
  if (auto dir = fs::path(path).parent_path(); !dir.empty()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(fmt::format("cannot create directory {}: {}", dir.string(), ec.message()), "check the path");
  }
  Database db(path, OpenMode::create);
  create_schema(db, money_decimals, currency);
}

}  // namespace kunde::store::sqlite
