// Report sets from the config.
#include "crm/report_sets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "error.hpp"

namespace kunde::crm {
namespace {

constexpr std::string_view kPrefix = "report_sets.";

}  // namespace

const std::vector<std::string>& report_parts() {
  static const std::vector<std::string> parts = {"value", "rfm", "cohort", "clv", "channels", "top", "affinity", "wallet"};
  return parts;
}

ReportSet default_report_set() {
  ReportSet set;
  set.parts = report_parts();
  return set;
}

std::vector<std::string> report_set_names(const Config& config) {
  std::set<std::string> names;
  for (const auto& s : config.settings()) {
    if (s.key.compare(0, kPrefix.size(), kPrefix) != 0) continue;
    std::string rest = s.key.substr(kPrefix.size());
    names.insert(rest.substr(0, rest.find('.')));
  }
  return {names.begin(), names.end()};
}

ReportSet report_set(const Config& config, const std::string& name) {
  auto names = report_set_names(config);
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    throw UsageError(fmt::format("no report set '{}' in the config", name),
                     names.empty() ? std::string("define one as a [report_sets.NAME] table; see kunde-config(5)")
                                   : fmt::format("the config has: {}", fmt::join(names, ", ")));
  }
  const std::string key = std::string(kPrefix) + name;
  ReportSet set;
  set.name = name;
  set.chosen = true;
  set.title = config.get_or(key + ".title", set.title);
  const auto& known = report_parts();
  std::vector<std::string> parts = config.strings(key + ".reports");
  if (!config.get(key + ".reports")) parts = known;
  for (const auto& part : parts) {
    if (std::find(known.begin(), known.end(), part) == known.end()) {
      throw Error(fmt::format("{}: [{}] reports: no report part '{}'", config.file(), key, part),
                  fmt::format("the parts are: {}", fmt::join(known, ", ")));
    }
    if (std::find(set.parts.begin(), set.parts.end(), part) == set.parts.end()) set.parts.push_back(part);
  }
  if (set.parts.empty()) {
    throw Error(fmt::format("{}: [{}] reports is empty", config.file(), key),
                fmt::format("name at least one of: {}", fmt::join(known, ", ")));
  }
  if (auto top = config.get(key + ".top")) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(top->data(), top->data() + top->size(), n);
    if (ec != std::errc() || end != top->data() + top->size() || n < 1) {
      throw Error(fmt::format("{}: [{}] top must be a whole number of at least 1, not '{}'", config.file(), key, *top),
                  "such as top = 10");
    }
    set.top = n;
  }
  return set;
}

}  // namespace kunde::crm
