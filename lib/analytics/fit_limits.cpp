// Limits a fit reached.
#include "analytics/fit_limits.hpp"

#include <fmt/format.h>

namespace kunde::analytics {
namespace {

// A gamma or beta distribution whose shape parameters reach this is all but one point: every
// customer has the same rate, drop-out chance or mean spend.
constexpr double kLarge = 1e4;
// A drop-out chance (or rate) below this is none.
constexpr double kNone = 1e-6;

double value(const std::vector<Parameter>& params, std::string_view name) {
  for (const auto& p : params)
    if (p.name == name) return p.value;
  return 0;
}

}  // namespace

bool at_model_limit(std::string_view model, const std::vector<std::string>& names, const std::vector<double>& values,
                    std::size_t i) {
  std::vector<Parameter> params;
  for (std::size_t k = 0; k < names.size() && k < values.size(); ++k) params.push_back({names[k], values[k]});
  const std::string& name = names.at(i);
  if (model == "Gamma-Gamma") return (name == "q" || name == "gamma") && value(params, "q") > kLarge;
  // Pareto/NBD's likelihood (a 2F1 whose series slows as r grows) is not followed there.
  if (name == "r" || name == "alpha") return model != "Pareto/NBD" && value(params, "r") > kLarge;
  if (model == "Pareto/NBD") {
    const double s = value(params, "s"), beta = value(params, "beta");
    return (name == "s" || name == "beta") && (s / beta < kNone || s > kLarge);
  }
  const double a = value(params, "a"), b = value(params, "b");
  return (name == "a" || name == "b") && (a / (a + b) < kNone || (a > kLarge && b > kLarge));
}

void end_in_model_limits(MleProblem& problem) {
  problem.at_limit = [model = problem.model, names = problem.names](const std::vector<double>& values,
                                                                    std::size_t i) {
    return at_model_limit(model, names, values, i);
  };
}

std::vector<std::string> fit_limits(std::string_view model, const std::vector<Parameter>& params,
                                    std::string_view period) {
  std::vector<std::string> out;
  if (model == "Gamma-Gamma") {
    if (value(params, "q") > kLarge) {
      out.push_back("q and gamma ran large: every customer's mean spend per order is about the same (the order "
                    "value above)");
    }
    return out;
  }
  const double r = value(params, "r"), alpha = value(params, "alpha");
  if (r > kLarge) {
    out.push_back(fmt::format("r and alpha ran large: every customer buys at about the same rate, {:.3g} a {}",
                              r / alpha, period));
  }
  if (model == "Pareto/NBD") {
    const double s = value(params, "s"), beta = value(params, "beta");
    if (s / beta < kNone) {
      out.push_back("s/beta is about 0: the fit finds no sign of customers leaving, so P(alive) is about 1 for "
                    "everyone");
    } else if (s > kLarge) {
      out.push_back(fmt::format("s and beta ran large: every customer leaves at about the same rate, {:.3g} a {}",
                                s / beta, period));
    }
    return out;
  }
  const double a = value(params, "a"), b = value(params, "b");
  const double drop = a / (a + b);
  if (drop < kNone) {
    out.push_back(fmt::format("a/(a+b) is {:.2g}: the fit finds no sign of customers leaving, so P(alive) is about 1 "
                              "for everyone; a later --calibration-end or --model pareto-nbd may tell more",
                              drop));
  } else if (a > kLarge && b > kLarge) {
    out.push_back(fmt::format("a and b ran large: every customer has about the same chance, {:.3g}, of leaving "
                              "after a purchase",
                              drop));
  }
  return out;
}

}  // namespace kunde::analytics
