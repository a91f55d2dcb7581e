// kunde-gen: a seeded synthetic CRM data set whose buying behaviour follows BG/NBD and
// Gamma-Gamma with known parameters, so analytics can be checked against the truth.
#pragma once

#include <cstdint>
#include <string>

namespace kunde::gen {

struct Options {
  std::int64_t customers = 1000;
  std::uint64_t seed = 42;
  std::string out;
  std::string start = "2024-01-01";
  std::string end = "2026-10-31";
  double lines_per_order = 3.0;
  double contacts_per_customer = 3.0;
  int products = 500;
  // BG/NBD, weekly units: lambda ~ Gamma(r, rate alpha), p ~ Beta(a, b).
  double r = 0.25, alpha = 4.0, a = 0.8, b = 2.5;
  // Gamma-Gamma spend per order: z ~ Gamma(p, rate nu), nu ~ Gamma(q, rate gamma).
  double gg_p = 6.0, gg_q = 4.0, gg_gamma = 15.0;
  // Customers of the four Nordic countries, or (world) of thirty countries, whose country is
  // written as a code or a name in one of several languages.
  bool world = false;
  // Phones written as their country usually writes them, or each in one of every form kunde
  // reads (all_phone_forms).
  bool all_phone_forms = false;
  double duplicates = 0.005;   // share of customer rows that are near-duplicates
  double cancelled = 0.015;    // extra cancelled orders per purchase
  double returns = 0.02;       // purchases followed by a return
};

struct Counts {
  std::int64_t customers = 0, duplicates = 0, products = 0, orders = 0, order_lines = 0, purchases = 0,
               cancelled = 0, returns = 0, payments = 0, contacts = 0;
  // Phone cells written, and those that are no phone number ("n/a"): with world or
  // all_phone_forms only, in truth.json's "phones".
  std::int64_t phones = 0, phones_not_numbers = 0;
};

// Writes customers.csv, products.csv, orders.csv, payments.csv, contacts.csv, truth.json and
// truth_customers.csv into options.out (which must exist). Throws std::runtime_error.
Counts generate(const Options& options);

}  // namespace kunde::gen
