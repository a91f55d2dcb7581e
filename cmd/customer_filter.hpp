// Customer filter options shared by list, export and the reports that select customers.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "crm/customers.hpp"

namespace kunde::cmd {

struct ListOptions {
  crm::CustomerFilter filter;
  bool overdue = false;
  std::vector<std::string> attrs;
  std::string since, until, sort = "id", from, segment, where;
  std::optional<std::int64_t> limit;
};

void add_filter_options(CLI::App* app, ListOptions& o);
// The filter the options describe; customers in --from that do not exist add to `rejected`.
crm::CustomerFilter make_filter(Context& ctx, ListOptions& o, std::int64_t& rejected);

}  // namespace kunde::cmd
