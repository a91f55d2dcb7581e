// The checks every count model shares, and the choice of model by name.
#include "analytics/count_model.hpp"

#include <fmt/format.h>

#include <cmath>

#include "analytics/bgnbd.hpp"
#include "analytics/pareto_nbd.hpp"
#include "error.hpp"

namespace kunde::analytics {

double total_log_likelihood(const CountModel& model, const PurchaseSummary& data) {
  double ll = 0;
  for (const auto& c : data.customers) ll += model.log_likelihood(c.x, c.t_x, c.T);
  return ll;
}

double CountModel::conditional_expected_purchases(int x, double t_x, double T, double t) const {
  check_history(x, t_x, T);
  check_horizon(t);
  if (t == 0) return 0.0;
  return p_alive(x, t_x, T) * expected_purchases_if_alive(x, T, t);
}

CountModelKind parse_count_model(std::string_view name) {
  if (name == "bgnbd") return CountModelKind::bgnbd;
  if (name == "mbgnbd") return CountModelKind::mbgnbd;
  if (name == "pnbd" || name == "pareto-nbd") return CountModelKind::pareto_nbd;
  throw UsageError(fmt::format("'{}' is not a purchase model", name), "use bgnbd, mbgnbd or pnbd");
}

void check_count_data(std::string_view model, const PurchaseSummary& data) {
  auto customers = static_cast<std::int64_t>(data.customers.size());
  if (customers < kMinCustomers) {
    throw Error(fmt::format("too few customers to fit {}: {} (it needs at least {})", model, data.describe(),
                            kMinCustomers),
                "the model describes a customer base: give it more customers with purchases before the "
                "calibration end");
  }
  std::int64_t buyers = data.repeat_buyers();
  if (buyers == 0) {
    throw Error(fmt::format("cannot fit {}: no customer bought again within the calibration period ({})", model,
                            data.describe()),
                "the model learns purchase rates from repeat purchases: use a later --calibration-end or a "
                "longer order history");
  }
  if (buyers < kMinRepeatBuyers) {
    throw Error(fmt::format("too few repeat buyers to fit {}: {} (it needs at least {})", model, data.describe(),
                            kMinRepeatBuyers),
                "use a later --calibration-end or a longer order history");
  }
}

void check_horizon(double t) {
  if (!(t >= 0) || !std::isfinite(t)) {
    throw Error(fmt::format("internal error: a forecast over {} periods", t), "the horizon must be a positive number");
  }
}

void check_history(int x, double t_x, double T) {
  if (x < 0 || !(t_x >= 0) || !(T >= t_x - 1e-9) || !std::isfinite(T)) {
    throw Error(fmt::format("internal error: impossible purchase history x={}, t_x={}, T={}", x, t_x, T),
                "x must be at least 0 and 0 <= t_x <= T");
  }
}

CountFit fit_count_model(CountModelKind kind, const PurchaseSummary& data, const FitOptions& options) {
  switch (kind) {
    case CountModelKind::bgnbd:
    case CountModelKind::mbgnbd: {
      BgNbdFit fit = fit_bgnbd(data, kind == CountModelKind::mbgnbd ? BgVariant::modified : BgVariant::bg, options);
      return {std::make_unique<BgNbd>(fit.model), fit.report};
    }
    case CountModelKind::pareto_nbd: {
      ParetoNbdFit fit = fit_pareto_nbd(data, options);
      return {std::make_unique<ParetoNbd>(fit.model), fit.report};
    }
  }
  throw Error("internal error: unknown purchase model", "");
}

}  // namespace kunde::analytics
