// crm::read_beside: a second store at the session's location, on a thread of its own, or the
// session's own store in turn where there is no second.
#include <doctest/doctest.h>

#include <thread>
#include <utility>

#include "crm/read_beside.hpp"
#include "helpers.hpp"
#include "store/store.hpp"

using namespace kunde;
using kunde::test::StoreFixture;
using kunde::test::TempDir;

TEST_CASE("read_beside: a second store on another thread, seeing what the first committed") {
  TempDir dir;
  const std::string path = dir.path() + "/k.db";
  store::create_store(path, 2, "NOK");
  Config config;
  config.set_flag("db", path, "--db");
  crm::Session session(config, "test");
  session.store().customers();  // the first store is open

  const auto caller = std::this_thread::get_id();
  store::Store* first = &session.store();
  auto beside = crm::read_beside(session, [first, caller](store::Store& st) {
    return std::make_pair(&st != first, std::this_thread::get_id() != caller);
  });
  const auto [other_store, other_thread] = beside.get();
  CHECK(other_store);
  CHECK(other_thread);

  // A read that throws hands its error to get().
  auto failing = crm::read_beside(session, [](store::Store&) -> int { throw Error("no such thing", "hint"); });
  CHECK_THROWS_AS(failing.get(), Error);
}

TEST_CASE("read_beside: a session given its store reads on it, in turn") {
  StoreFixture fx;
  crm::Session& session = fx.session();
  CHECK(session.open_reader() == nullptr);
  const auto caller = std::this_thread::get_id();
  store::Store* first = &session.store();
  auto beside = crm::read_beside(session, [first, caller](store::Store& st) {
    return std::make_pair(&st == first, std::this_thread::get_id() == caller);
  });
  const auto [same_store, same_thread] = beside.get();
  CHECK(same_store);
  CHECK(same_thread);
}
