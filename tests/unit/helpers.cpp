// The store fixture of helpers.hpp, over the SQLite backend.
#include "helpers.hpp"

#include <stdexcept>

#include "crm/session.hpp"
#include "error.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace kunde::test {
namespace {

// A store owned elsewhere, handed to a session that wants to own its store: the fixture
// keeps one store and gives each command a session of its own over it.
class SharedStore final : public store::Store {
 public:
  explicit SharedStore(store::Store& s) : s_(s) {}
  store::Customers& customers() override { return s_.customers(); }
  store::Products& products() override { return s_.products(); }
  store::Orders& orders() override { return s_.orders(); }
  store::Payments& payments() override { return s_.payments(); }
  store::Contacts& contacts() override { return s_.contacts(); }
  store::Segments& segments() override { return s_.segments(); }
  store::History& history() override { return s_.history(); }
  store::Maintenance& maintenance() override { return s_.maintenance(); }
  store::Analytics& analytics() override { return s_.analytics(); }
  const std::string& location() const override { return s_.location(); }
  int money_decimals() override { return s_.money_decimals(); }
  std::unique_ptr<store::Write> begin_write(const std::string& command) override { return s_.begin_write(command); }
  std::unique_ptr<store::ImportWrite> begin_import(const std::string& command) override {
    return s_.begin_import(command);
  }

 private:
  store::Store& s_;
};

crm::ImportKind import_kind(const std::string& kind) {
  if (kind == "customer") return crm::ImportKind::customers;
  if (kind == "product") return crm::ImportKind::products;
  if (kind == "order") return crm::ImportKind::orders;
  if (kind == "payment") return crm::ImportKind::payments;
  if (kind == "contact") return crm::ImportKind::contacts;
  throw std::invalid_argument("no import of " + kind);
}

}  // namespace

StoreFixture::StoreFixture(const std::string& region)
    : store_(std::make_unique<store::sqlite::SqliteStore>(":memory:", crm::Session::rules())) {
  if (!region.empty()) config_.set_flag("region", region, "--region");
  session_ = session("test");
}

StoreFixture::~StoreFixture() = default;

std::unique_ptr<crm::Session> StoreFixture::session(const std::string& command) {
  return std::make_unique<crm::Session>(config_, command, std::make_unique<SharedStore>(*store_));
}

store::Store& StoreFixture::store() { return *store_; }

store::sqlite::Database& StoreFixture::db() { return store_->db(); }

crm::ImportCounts StoreFixture::import(const std::string& kind, const std::string& text) {
  return import(kind, text, crm::ImportRequest(import_kind(kind)));
}

crm::ImportCounts StoreFixture::import(const std::string& kind, const std::string& text, crm::ImportRequest request,
                                       const std::string& extension) {
  request.kind = import_kind(kind);
  request.path = dir.write(kind + "." + extension, text);
  auto s = session(kind + " import");
  return crm::run_import(*s, request);
}

std::int64_t StoreFixture::scalar(const std::string& sql) { return test::scalar(db(), sql); }

bool StoreFixture::consistent() { return store().maintenance().check(false).empty(); }

std::string StoreFixture::undo_error(std::int64_t id) {
  try {
    store().history().undo(id, "undo");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

std::int64_t scalar(store::sqlite::Database& db, const std::string& sql) {
  store::sqlite::Statement st(db, sql);
  if (!st.step()) throw std::runtime_error("no row from " + sql);
  return st.get_int(0);
}

}  // namespace kunde::test
