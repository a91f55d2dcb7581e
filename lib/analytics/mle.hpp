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
