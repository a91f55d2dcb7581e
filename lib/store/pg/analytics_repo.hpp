// The report streams, the stored model scores and the stored offers on PostgreSQL.
#pragma once

#include "store/analytics.hpp"
#include "store/pg/connection.hpp"

namespace kunde::store::pg {

class AnalyticsRepo final : public Analytics {
 public:
  explicit AnalyticsRepo(Connection& db) : db_(db) {}

  void order_lines(const AnalyticsQuery& q, const std::function<void(const LineFact&)>& each) override;
  void category_amounts(const AnalyticsQuery& q, const std::function<void(const CustomerCategoryAmount&)>& each) override;
  void orders(const AnalyticsQuery& q, const std::function<void(const OrderFact&)>& each) override;
  void purchase_days(const AnalyticsQuery& q, const std::function<void(const PurchaseDay&)>& each) override;
  void customer_totals(const AnalyticsQuery& q, const std::function<void(const CustomerTotals&)>& each) override;
  void contacts(const AnalyticsQuery& q, const std::function<void(const ContactFact&)>& each) override;
  void customer_profiles(const AnalyticsQuery& q, const std::function<void(const CustomerProfile&)>& each) override;
  void customer_labels(const AnalyticsQuery& q, const std::function<void(const CustomerLabel&)>& each) override;
  void save_scores(const ScoreSave& save) override;
  std::optional<StoredScore> scores(std::int64_t customer_id) override;
  void save_offers(const OfferSave& save) override;
  std::optional<StoredOffers> offers(std::int64_t customer_id) override;

 private:
  Connection& db_;
};

}  // namespace kunde::store::pg
