// Duplicate detection by grouping on matching keys, so it stays O(n log n).
#include "store/sqlite/duplicates.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace kunde::store::sqlite {

std::vector<DuplicatePair> find_duplicates(Database& db, int min_score, std::size_t max_group) {
  struct Key {
    const char* reason;
    double weight;  // how sure one match alone makes us
    const char* expr;
  };
  static const Key kKeys[] = {
      {"org_number", 0.95, "org_number"},
      {"email", 0.9, "email_key"},
      {"phone", 0.8, "phone_e164"},
      {"name+city", 0.6, "CASE WHEN name <> '' THEN kunde_fold(name) || '|' || kunde_fold(coalesce(city, '')) END"},
  };
  std::map<std::pair<std::int64_t, std::int64_t>, std::pair<double, std::vector<std::string>>> pairs;
  for (const auto& key : kKeys) {
    Statement st(db, std::string("SELECT group_concat(id) FROM (SELECT id, ") + key.expr +
                         " AS k FROM customers WHERE k IS NOT NULL ORDER BY id) GROUP BY k HAVING count(*) > 1");
    while (st.step()) {
      std::vector<std::int64_t> ids;
      std::stringstream ss(st.get_text(0));
      std::string item;
      while (std::getline(ss, item, ',')) ids.push_back(std::stoll(item));
      if (ids.size() > max_group) continue;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        for (std::size_t j = i + 1; j < ids.size(); ++j) {
          auto& p = pairs[{std::min(ids[i], ids[j]), std::max(ids[i], ids[j])}];
          // Independent pieces of evidence: the chance that all of them are coincidence.
          p.first = p.first == 0 ? 1 - key.weight : p.first * (1 - key.weight);
          p.second.push_back(key.reason);
        }
      }
    }
  }
  std::vector<DuplicatePair> out;
  for (auto& [ids, p] : pairs) {
    int score = static_cast<int>(std::lround(100 * (1 - p.first)));
    if (score >= min_score) out.push_back({ids.first, ids.second, score, p.second});
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return out;
}

}  // namespace kunde::store::sqlite
