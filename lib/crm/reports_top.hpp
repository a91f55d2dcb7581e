// `report top`: the best customers by profit, revenue, margin or CLV, and what sets them apart:
// each property's share among them against its share among the rest, with the lift
// (kunde-report(1), TOP).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/reports_clv.hpp"
#include "crm/reports_value.hpp"

namespace kunde::crm {

struct TopRequest {
  ReportScope scope;
  std::int64_t n = 10;
  std::string by = "profit";  // profit, revenue, margin, clv
  ClvRequest clv;             // for --by clv: how to fit (its scope is this one's)
};

struct TopCustomer {
  CustomerValue value;
  std::string country, kind, category;
  std::optional<double> clv;  // minor units; with --by clv
  double measure = 0;         // what they are ranked by, minor units
};

// One property (attribute = value) among the top customers and among the rest.
struct ProfileShare {
  std::string attribute, value;
  std::int64_t top = 0, rest = 0;
  double top_share = 0, rest_share = 0;
  std::optional<double> lift;  // top_share / rest_share; none when no other customer has it
};

struct TopReport {
  TopRequest request;
  // What the ranking is by: the request's measure, or revenue when it asked for profit or
  // margin and no order line has a cost (both unknown then, the same for everyone).
  std::string ranked_by;
  bool no_cost = false;
  bool costs_configured = false;
  std::string model_name;         // with --by clv
  std::int64_t population = 0;    // customers ranked
  double top_total = 0, total = 0;  // Σ measure of the top, of everyone
  std::vector<TopCustomer> rows;  // by measure, highest first (ties by id)
  std::vector<ProfileShare> profile;  // by lift, highest first
};

// The value report's customers, ranked; throws kunde::UsageError for an unknown measure.
TopReport top_report(Session& s, const TopRequest& request);

}  // namespace kunde::crm
