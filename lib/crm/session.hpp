// One command's way into the core: the configuration, what history calls the command, and
// the store, opened on first use (so --help and usage errors never touch a file). Every
// service in lib/crm takes a Session.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace kunde::store {
class DerivedRules;
class Store;
}

namespace kunde::crm {

class CustomerResolver;

class Session {
 public:
  // `command` is what history shows: "customer import x.csv".
  Session(const Config& config, std::string command);
  // Over a store opened already (tests; a store opened with the rules of rules()).
  Session(const Config& config, std::string command, std::unique_ptr<store::Store> store);
  // The rules a store must be opened with (statistics.hpp).
  static const store::DerivedRules& rules();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const Config& config() const { return config_; }
  const std::string& command() const { return command_; }
  // The store at the configured location; throws kunde::Error when there is none.
  store::Store& store();
  // A second store at the same location, opened after store(), for reading on another
  // thread beside it (read_beside.hpp); nothing when this session was given its store or
  // the second cannot be opened.
  std::unique_ptr<store::Store> open_reader();
  // Decimals of money in this store.
  int money_decimals();
  // The phone region for numbers without a country code: configured, else where most
  // customers live (worked out once).
  const std::string& region();
  // The store's warnings (Store::take_warnings), none when it was never opened.
  std::vector<std::string> take_warnings();
  // The one way a customer reference (number, #id, email, any phone form) becomes a customer.
  CustomerResolver& resolver();
  // The names of the customers' custom attributes as stored, read once per session (that is,
  // per command: what crm::attribute_key resolves names against).
  const std::vector<std::string>& attribute_names();

 private:
  const Config& config_;
  std::string command_;
  std::unique_ptr<store::Store> store_;
  bool given_store_ = false;
  std::unique_ptr<CustomerResolver> resolver_;
  std::optional<std::string> region_;
  std::optional<std::vector<std::string>> attribute_names_;
};

}  // namespace kunde::crm
