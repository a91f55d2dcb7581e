// Which customers have a statistics row.
#include <algorithm>

#include "store/sqlite/derived.hpp"

namespace kunde::store::sqlite {
namespace {

const char* table_name(Statistics table) {
  return table == Statistics::orders ? "customer_order_stats" : "customer_contact_stats";
}

}  // namespace

bool has_statistics_row(Database& db, Statistics table, std::int64_t customer_id) {
  auto& st = db.prepare(table == Statistics::orders ? "SELECT 1 FROM customer_order_stats WHERE customer_id = ?"
                                                    : "SELECT 1 FROM customer_contact_stats WHERE customer_id = ?");
  st.bind(1, customer_id);
  bool found = st.step();
  st.reset();
  return found;
}

bool StatisticsRows::has(std::int64_t customer_id) {
  if (!above_) {
    Statement st(db_, std::string("SELECT coalesce(max(customer_id), 0) FROM ") + table_name(table_));
    st.step();
    above_ = st.get_int(0);
  }
  return customer_id <= *above_ && has_statistics_row(db_, table_, customer_id);
}

void StatisticsRows::added(std::int64_t customer_id) {
  if (above_) above_ = std::max(*above_, customer_id);
}

}  // namespace kunde::store::sqlite
