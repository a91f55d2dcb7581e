// The parts of the monthly pack (`report all`) and the named sets of them a config file
// keeps in [report_sets.NAME] tables (kunde-config(5)): which parts, in which order, with
// which title.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace kunde::crm {

// Every part, in the order of the default pack.
const std::vector<std::string>& report_parts();

struct ReportSet {
  std::string name;   // empty for the default pack
  std::string title = "Customer report";
  std::vector<std::string> parts;
  std::int64_t top = 10;  // customers in the top part
  // True when the set names its parts: a part with nothing to show says so instead of
  // being left out.
  bool chosen = false;
};

// Every part, under the default title.
ReportSet default_report_set();

// [report_sets.NAME]: `reports` (a list of parts, default every part), `title` and `top`.
// Throws kunde::UsageError for a name the config has no table for, and kunde::Error naming
// the config file for an unknown part or a bad top.
ReportSet report_set(const Config& config, const std::string& name);

// The names of the sets in the config, sorted.
std::vector<std::string> report_set_names(const Config& config);

}  // namespace kunde::crm
