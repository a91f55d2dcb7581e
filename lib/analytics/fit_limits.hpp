// What a fit that ran to the edge of its model says. When the data show no difference
// between customers (or nobody leaving), maximum likelihood pushes a pair of parameters
// towards infinity or zero: the fit is still usable, as the limit of the model, but its raw
// numbers (r = 1.5e7) mean nothing to a reader until told which limit it is.
#pragma once

#include <string>
#include <vector>

#include "analytics/count_model.hpp"
#include "analytics/mle.hpp"

namespace kunde::analytics {

// One sentence per limit the parameters of `model` ("BG/NBD", "MBG/NBD", "Pareto/NBD",
// "Gamma-Gamma") have reached, rates given per `period` ("week"); none for an ordinary fit.
std::vector<std::string> fit_limits(std::string_view model, const std::vector<Parameter>& params,
                                    std::string_view period);

// Whether parameter i of `model`, with parameters `names` at `values`, is part of one of the
// limits fit_limits names: a fit that ran to the edge of its search there has ended in
// that limit, not failed.
bool at_model_limit(std::string_view model, const std::vector<std::string>& names, const std::vector<double>& values,
                    std::size_t i);
// Lets the fit of `problem` (its model and names set) end in those limits: sets at_limit.
void end_in_model_limits(MleProblem& problem);

}  // namespace kunde::analytics
