// Session: configuration and the lazily opened store.
#include "crm/session.hpp"

#include "crm/customer_resolver.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "model/org_number.hpp"
#include "store/store.hpp"

namespace kunde::crm {

const store::DerivedRules& Session::rules() {
  static const StatisticsRules instance;
  return instance;
}

Session::Session(const Config& config, std::string command) : config_(config), command_(std::move(command)) {}

Session::Session(const Config& config, std::string command, std::unique_ptr<store::Store> store)
    : config_(config), command_(std::move(command)), store_(std::move(store)), given_store_(true) {}
Session::~Session() = default;

store::Store& Session::store() {
  if (!store_) store_ = store::open_store(config_.db_path(), rules());
  return *store_;
}

std::unique_ptr<store::Store> Session::open_reader() {
  if (given_store_) return nullptr;
  store();
  try {
    return store::open_store(config_.db_path(), rules());
  } catch (const Error&) {
    return nullptr;  // the caller reads on the first store instead
  }
}

std::vector<std::string> Session::take_warnings() { return store_ ? store_->take_warnings() : std::vector<std::string>{}; }

int Session::money_decimals() { return store().money_decimals(); }

const std::string& Session::region() {
  if (!region_) {
    region_ = config_.region();
    if (region_->empty()) region_ = model::country_code(store().customers().usual_country());
  }
  return *region_;
}

const std::vector<std::string>& Session::attribute_names() {
  if (!attribute_names_) attribute_names_ = store().customers().attribute_keys();
  return *attribute_names_;
}

CustomerResolver& Session::resolver() {
  if (!resolver_) resolver_ = std::make_unique<CustomerResolver>(*this);
  return *resolver_;
}

}  // namespace kunde::crm
