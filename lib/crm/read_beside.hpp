// Reading the store on a second connection and thread while the caller goes on reading on
// its own: a report whose reads do not depend on each other then takes the longer of them,
// not their sum (on two cores, report churn and report top a third less). The two
// connections may see the store a moment apart, as two commands run one after the other
// would. Without a second connection (a store given to the session, or one that cannot be
// opened twice) the read runs on the session's store when its result is asked for.
#pragma once

#include <future>
#include <memory>
#include <system_error>
#include <type_traits>
#include <utility>

#include "crm/session.hpp"
#include "store/store.hpp"

namespace kunde::crm {

// `read(store::Store&)` on a second store; get() on the future waits for it and rethrows
// what it threw. The future must be destroyed before whatever `read` refers to.
template <class Read>
auto read_beside(Session& s, Read read) -> std::future<std::invoke_result_t<Read&, store::Store&>> {
  std::shared_ptr<store::Store> other = s.open_reader();
  if (other) {
    try {
      return std::async(std::launch::async, [other, read]() mutable { return read(*other); });
    } catch (const std::system_error&) {
      // No thread to be had: read in turn below.
    }
  }
  return std::async(std::launch::deferred, [&s, read]() mutable { return read(s.store()); });
}

}  // namespace kunde::crm
