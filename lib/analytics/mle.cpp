// The NLopt wrapper. Each start gets a local search (L-BFGS with the model's gradient, else
// BOBYQA); when that does not end at a stationary point a Nelder-Mead polish and a second
// local search follow. The first start that converges wins; otherwise the best attempt says
// why the fit failed.
#include "analytics/mle.hpp"

#include <fmt/format.h>
#include <nlopt.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>

#include "error.hpp"

namespace kunde::analytics {
namespace {

using Clock = std::chrono::steady_clock;

// Log-parameters may move this far from the first start (a factor of about 1e10 either way).
// An estimate within kEdge of that limit (beyond a factor of about 6e7) is not identified by
// the data: the likelihood only creeps up as the parameter runs off, as when nobody seems to
// leave and a drops to 0 while r and alpha grow without end.
constexpr double kLogRange = 23.0;
constexpr double kEdge = 5.0;
// Stand-in for a likelihood that cannot be evaluated, large enough that every search backs away.
constexpr double kHuge = 1e300;

struct Search {
  const MleProblem& problem;
  const FitOptions& options;
  Clock::time_point deadline;
  std::vector<double> lower, upper;
  int evaluations = 0;

  double objective(const std::vector<double>& phi, std::vector<double>& grad) {
    ++evaluations;
    double f = problem.negative_log_likelihood(phi, grad.empty() ? nullptr : grad.data());
    bool finite = std::isfinite(f);
    for (double g : grad) finite = finite && std::isfinite(g);
    if (!finite) {
      std::fill(grad.begin(), grad.end(), 0.0);
      return kHuge;
    }
    return f;
  }

  static double callback(const std::vector<double>& x, std::vector<double>& grad, void* data) {
    return static_cast<Search*>(data)->objective(x, grad);
  }

  double remaining_seconds() const {
    return std::chrono::duration<double>(deadline - Clock::now()).count();
  }

  struct Outcome {
    std::vector<double> phi;
    double value = kHuge;
    bool stopped_by_limit = false;
  };

  Outcome local(nlopt::algorithm algorithm, std::vector<double> phi) {
    Outcome out;
    double seconds = remaining_seconds();
    if (seconds <= 0) {
      out.phi = phi;
      out.stopped_by_limit = true;
      return out;
    }
    nlopt::opt opt(algorithm, static_cast<unsigned>(phi.size()));
    opt.set_lower_bounds(lower);
    opt.set_upper_bounds(upper);
    opt.set_min_objective(&Search::callback, this);
    opt.set_ftol_rel(1e-15);
    opt.set_xtol_rel(1e-11);
    opt.set_maxeval(std::max(options.max_evaluations, 1));  // NLopt reads 0 as no limit
    opt.set_maxtime(seconds);
    if (algorithm != nlopt::LD_LBFGS) opt.set_initial_step(0.25);
    double value = kHuge;
    try {
      nlopt::result r = opt.optimize(phi, value);
      out.stopped_by_limit = r == nlopt::MAXEVAL_REACHED || r == nlopt::MAXTIME_REACHED;
    } catch (const nlopt::roundoff_limited&) {
      // NLopt leaves the best point in phi; whether it is good enough is checked below.
      value = opt.last_optimum_value();
    } catch (const std::exception&) {
      value = opt.last_optimum_value();
    }
    out.phi = phi;
    out.value = std::isfinite(value) ? value : kHuge;
    return out;
  }

  // The parameters of `o` at the edge of the search in a limit of the model (MleProblem::at_limit).
  std::vector<bool> limits(const Outcome& o) const {
    std::vector<bool> out(o.phi.size(), false);
    if (!problem.at_limit) return out;
    std::vector<double> params;
    for (double p : o.phi) params.push_back(std::exp(p));
    for (std::size_t i = 0; i < o.phi.size(); ++i) {
      bool edge = o.phi[i] < lower[i] + kEdge || o.phi[i] > upper[i] - kEdge;
      out[i] = edge && problem.at_limit(params, i);
    }
    return out;
  }

  // A local search with the parameters in `held` kept where they are: once some ran into a
  // limit of the model, the search along them (the likelihood creeping towards its limit)
  // no longer stops the others from settling.
  Outcome local_holding(nlopt::algorithm algorithm, const std::vector<double>& phi, const std::vector<bool>& held) {
    const std::vector<double> lo = lower, up = upper;
    for (std::size_t i = 0; i < phi.size(); ++i) {
      if (held[i]) lower[i] = upper[i] = phi[i];
    }
    Outcome out = local(algorithm, phi);
    lower = lo;
    upper = up;
    return out;
  }

  // The gradient at phi: the model's, or central differences.
  std::vector<double> gradient(const std::vector<double>& phi) {
    std::vector<double> g(phi.size(), 0.0);
    if (problem.has_gradient) {
      objective(phi, g);
      return g;
    }
    std::vector<double> none, p = phi;
    for (std::size_t i = 0; i < phi.size(); ++i) {
      const double h = 1e-5;
      p[i] = phi[i] + h;
      double up = objective(p, none);
      p[i] = phi[i] - h;
      double down = objective(p, none);
      p[i] = phi[i];
      g[i] = (up - down) / (2 * h);
    }
    return g;
  }

  // Why phi is not an acceptable optimum, or nothing when it is.
  std::optional<std::string> problem_with(const Outcome& o) {
    if (o.value >= kHuge) {
      return remaining_seconds() <= 0 ? fmt::format("the time limit of {:g} s ran out", options.max_seconds)
                                      : std::string("the likelihood cannot be evaluated anywhere near the start");
    }
    const std::vector<bool> at_limit = limits(o);
    for (std::size_t i = 0; i < o.phi.size(); ++i) {
      if (!at_limit[i] && (o.phi[i] < lower[i] + kEdge || o.phi[i] > upper[i] - kEdge)) {
        return fmt::format("{} ran to {:.3g}", problem.names[i], std::exp(o.phi[i]));
      }
    }
    std::vector<double> g = gradient(o.phi);
    double worst = 0;
    for (std::size_t i = 0; i < g.size(); ++i)
      if (!at_limit[i]) worst = std::max(worst, std::abs(g[i]));
    // Stationary relative to the size of the likelihood: at the optimum the gradient of a
    // sum over n customers is zero up to rounding that grows with n.
    if (!(worst <= 1e-6 * std::max(std::abs(o.value), 1000.0))) {
      if (o.stopped_by_limit) {
        return remaining_seconds() <= 0
                   ? fmt::format("the time limit of {:g} s ran out", options.max_seconds)
                   : fmt::format("{} evaluations were not enough", options.max_evaluations);
      }
      if (!(worst < 1e100)) return std::string("it stopped at the edge of where the likelihood can be evaluated");
      return fmt::format("it stopped where the gradient is still {:.3g}", worst);
    }
    return std::nullopt;
  }
};

const char* short_name(nlopt::algorithm a) {
  switch (a) {
    case nlopt::LD_LBFGS: return "LD_LBFGS";
    case nlopt::LN_BOBYQA: return "LN_BOBYQA";
    case nlopt::LN_NELDERMEAD: return "LN_NELDERMEAD";
    default: return "NLopt";
  }
}

}  // namespace

MleResult maximise_likelihood(const MleProblem& problem, const FitOptions& options, const std::string& data,
                              const std::string& hint) {
  const auto started = Clock::now();
  const std::size_t n = problem.names.size();
  Search search{problem, options, started + std::chrono::duration_cast<Clock::duration>(
                                                std::chrono::duration<double>(options.max_seconds)),
                {}, {}};
  for (std::size_t i = 0; i < n; ++i) {
    double centre = std::log(problem.starts.front()[i]);
    search.lower.push_back(centre - kLogRange);
    search.upper.push_back(centre + kLogRange);
  }
  const nlopt::algorithm primary = problem.has_gradient ? nlopt::LD_LBFGS : nlopt::LN_BOBYQA;

  std::optional<Search::Outcome> best_failure;
  std::string failure;
  int starts = 0;
  for (const auto& start : problem.starts) {
    ++starts;
    std::vector<double> phi(n);
    for (std::size_t i = 0; i < n; ++i) {
      phi[i] = std::clamp(std::log(start[i]), search.lower[i] + kEdge, search.upper[i] - kEdge);
    }
    std::string method = short_name(primary);
    Search::Outcome outcome = search.local(primary, phi);
    std::optional<std::string> why = search.problem_with(outcome);
    if (why && search.remaining_seconds() > 0) {
      Search::Outcome polished = search.local(nlopt::LN_NELDERMEAD, outcome.phi);
      if (polished.value <= outcome.value) outcome = polished;
      Search::Outcome again = search.local(primary, outcome.phi);
      if (again.value <= outcome.value) outcome = again;
      method = fmt::format("{} after {}", short_name(primary), short_name(nlopt::LN_NELDERMEAD));
      why = search.problem_with(outcome);
    }
    if (std::vector<bool> held = search.limits(outcome);
        why && search.remaining_seconds() > 0 && std::find(held.begin(), held.end(), true) != held.end()) {
      Search::Outcome settled = search.local_holding(primary, outcome.phi, held);
      if (settled.value <= outcome.value) {
        outcome = settled;
        method = fmt::format("{} at the model's limit", short_name(primary));
        why = search.problem_with(outcome);
      }
    }
    if (!why) {
      MleResult result;
      for (double p : outcome.phi) result.params.push_back(std::exp(p));
      result.report.log_likelihood = -outcome.value;
      result.report.evaluations = search.evaluations;
      result.report.starts = starts;
      result.report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
      result.report.method = method;
      return result;
    }
    if (!best_failure || outcome.value < best_failure->value) {
      best_failure = outcome;
      failure = *why;
    }
    if (search.remaining_seconds() <= 0) break;
  }
  throw Error(fmt::format("{} fit did not converge ({}) on {}", problem.model, failure, data), hint);
}

}  // namespace kunde::analytics
