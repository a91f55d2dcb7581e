// Customer lookup for imports of orders and payments.
#include "import/customer_lookup.hpp"

#include <fmt/format.h>

#include "error.hpp"

namespace kunde::import {

std::int64_t CustomerLookup::find(std::string_view ref, ImportCounts& counts) {
  if (ref.empty()) {
    throw Error("no customer", "every row needs a customer number; --skip-anonymous skips such rows");
  }
  if (ref == last_ref_ && last_id_) return last_id_;
  std::optional<std::int64_t> id;
  if (ref.size() > 1 && ref[0] == '#' && ref.find_first_not_of("0123456789", 1) == std::string_view::npos) {
    std::int64_t n = std::stoll(std::string(ref.substr(1)));
    if (repo_.by_id(n)) id = n;
    if (!id) throw Error(fmt::format("no customer #{}", n), "ids refer to customers in this database");
  } else {
    id = repo_.id_by_number(ref);
  }
  if (!id) {
    if (!create_missing_) {
      throw Error(fmt::format("no customer '{}'", ref),
                  "import the customers first, or give --create-missing to create bare ones");
    }
    model::Customer c;
    c.number = std::string(ref);
    c.name = c.number.value();  // a bare customer is known by its number until an import names it
    id = create_(repo_, c);
    ++counts.notes["customers created"];
  }
  last_ref_.assign(ref);
  last_id_ = *id;
  return *id;
}

}  // namespace kunde::import
