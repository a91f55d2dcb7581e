// Maximum likelihood with NLopt for the CLV models: the search runs on log-parameters (all
// parameters are positive), from several starts, with a gradient method where the model
// supplies a gradient and a derivative-free one otherwise, and it checks that it ended at a
// stationary point inside the bounds before it returns anything.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace kunde::analytics {

struct FitOptions {
  int max_evaluations = 4000;  // likelihood evaluations per local search
  double max_seconds = 30.0;   // wall clock for the whole fit, so a fit never hangs a report
};

// How a fit went, for the report and for timing.
struct FitReport {
  double log_likelihood = 0;
  int evaluations = 0;  // likelihood evaluations over all starts and polishes
  int starts = 0;       // start points tried
  double seconds = 0;
  std::string method;   // the NLopt algorithm that ended the search
};

struct MleProblem {
  std::string model;                        // "BG/NBD", for messages
  std::vector<std::string> names;           // parameter names, for messages
  std::vector<std::vector<double>> starts;  // start points on the natural (positive) scale, in order
  // The negative log-likelihood at log-parameters phi (parameters exp(phi)). When `gradient`
  // is non-null it receives d/dphi. It may return a non-finite value where the likelihood
  // cannot be evaluated; the search then backs away.
  std::function<double(const std::vector<double>& phi, double* gradient)> negative_log_likelihood;
  bool has_gradient = false;
  // Whether parameter i, run to the edge of the search with the others at `params` (natural
  // scale), is part of a limit of the model the fit may end in (fit_limits.hpp): the search
  // then checks only that the other parameters are stationary. None: every edge fails.
  std::function<bool(const std::vector<double>& params, std::size_t i)> at_limit;
};

struct MleResult {
  std::vector<double> params;  // natural scale
  FitReport report;
};

// Throws kunde::Error("<model> fit did not converge (...) on <data>", hint) when no start
// ends at an interior stationary point within the limits.
MleResult maximise_likelihood(const MleProblem& problem, const FitOptions& options, const std::string& data,
                              const std::string& hint);

}  // namespace kunde::analytics
