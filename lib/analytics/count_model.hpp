// What CLV asks of a purchase-count model (BG/NBD, MBG/NBD, Pareto/NBD): its likelihood,
// the probability a customer is still active, and expected repeat purchases. Time is in
// periods of the summary the model was fitted on (x, t_x and T as in CustomerSummary).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/mle.hpp"
#include "analytics/purchase_summary.hpp"

namespace kunde::analytics {

struct Parameter {
  std::string name;
  double value = 0;
};

class CountModel {
 public:
  virtual ~CountModel() = default;
  virtual std::string_view name() const = 0;  // "BG/NBD", "MBG/NBD", "Pareto/NBD"
  virtual std::vector<Parameter> parameters() const = 0;
  // Log-likelihood of one customer's (x, t_x, T).
  virtual double log_likelihood(int x, double t_x, double T) const = 0;
  // Probability the customer is still active at T.
  virtual double p_alive(int x, double t_x, double T) const = 0;
  // Expected repeat purchases in (0, t] of a customer whose first purchase was at 0.
  virtual double expected_purchases(double t) const = 0;
  // Expected purchases in (T, T + t] of a customer with x repeat purchases in (0, T] who is
  // known to be active at T. In every model here this does not depend on t_x, so reports can
  // share it between customers with equal x and T.
  virtual double expected_purchases_if_alive(int x, double T, double t) const = 0;
  // Expected purchases in (T, T + t] of a customer with this history:
  // p_alive(x, t_x, T) * expected_purchases_if_alive(x, T, t).
  double conditional_expected_purchases(int x, double t_x, double T, double t) const;
};

// The sum of log_likelihood over the summary's customers.
double total_log_likelihood(const CountModel& model, const PurchaseSummary& data);

enum class CountModelKind { bgnbd, mbgnbd, pareto_nbd };

// "bgnbd", "mbgnbd", "pnbd" (also "pareto-nbd"). Throws kunde::UsageError for other names.
CountModelKind parse_count_model(std::string_view name);

struct CountFit {
  std::unique_ptr<CountModel> model;
  FitReport report;
};

// Fits the model by maximum likelihood. Throws kunde::Error, with the data described and a
// hint, when the data cannot identify the model (fewer than kMinCustomers customers, fewer
// than kMinRepeatBuyers repeat buyers) or the fit does not converge.
CountFit fit_count_model(CountModelKind kind, const PurchaseSummary& data, const FitOptions& options = {});

inline constexpr std::int64_t kMinCustomers = 10;
inline constexpr std::int64_t kMinRepeatBuyers = 2;

// Throws the error fit_count_model throws for too little data, or returns.
void check_count_data(std::string_view model, const PurchaseSummary& data);

// Checks x >= 0, 0 <= t_x <= T (a little rounding allowed) and finite; throws kunde::Error.
void check_history(int x, double t_x, double T);
// Checks that a forecast horizon t is finite and >= 0; throws kunde::Error.
void check_horizon(double t);

}  // namespace kunde::analytics
