// kunde-gen: writes a seeded synthetic data set (customers, products, orders, payments,
// contacts and the true model parameters) for tests, benchmarks and the demo.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "generator.hpp"

int main(int argc, char** argv) {
  kunde::gen::Options o;
  CLI::App app{"Generate a synthetic kunde data set whose buying behaviour follows BG/NBD and Gamma-Gamma "
               "with known parameters. The same seed gives the same files.",
               "kunde-gen"};
  app.add_option("--customers", o.customers, "Number of customer rows")->capture_default_str();
  app.add_option("--seed", o.seed, "Random seed")->capture_default_str();
  app.add_option("--out", o.out, "Output directory (created if missing)")->required();
  app.add_option("--start", o.start, "First day of the period (YYYY-MM-DD)")->capture_default_str();
  app.add_option("--end", o.end, "Last day of the period (YYYY-MM-DD)")->capture_default_str();
  app.add_option("--lines-per-order", o.lines_per_order, "Mean order lines per order")->capture_default_str();
  app.add_option("--contacts-per-customer", o.contacts_per_customer, "Mean contacts per customer")
      ->capture_default_str();
  app.add_option("--products", o.products, "Number of products")->capture_default_str();
  app.add_option("--r", o.r, "BG/NBD r (shape of the purchase rate)")->capture_default_str();
  app.add_option("--alpha", o.alpha, "BG/NBD alpha (rate of the purchase rate, weekly)")->capture_default_str();
  app.add_option("--a", o.a, "BG/NBD a (dropout Beta)")->capture_default_str();
  app.add_option("--b", o.b, "BG/NBD b (dropout Beta)")->capture_default_str();
  app.add_option("--gg-p", o.gg_p, "Gamma-Gamma p")->capture_default_str();
  app.add_option("--gg-q", o.gg_q, "Gamma-Gamma q")->capture_default_str();
  app.add_option("--gg-gamma", o.gg_gamma, "Gamma-Gamma gamma")->capture_default_str();
  app.add_option("--duplicates", o.duplicates, "Share of customer rows that are near-duplicates")
      ->capture_default_str();
  std::string countries = "nordic", phone_forms = "usual";
  app.add_option("--countries", countries,
                 "nordic: customers in Norway, Sweden, Denmark and Finland; world: in thirty countries, "
                 "the country written as a code or a name in several languages")
      ->check(CLI::IsMember({"nordic", "world"}))
      ->capture_default_str();
  app.add_option("--phone-forms", phone_forms,
                 "usual: phones written as their country writes them; all: in every form kunde reads")
      ->check(CLI::IsMember({"usual", "all"}))
      ->capture_default_str();
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "No summary on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // usage errors exit 2, as kunde's do
  }
  o.world = countries == "world";
  o.all_phone_forms = phone_forms == "all";
  try {
    std::filesystem::create_directories(o.out);
    auto c = kunde::gen::generate(o);
    if (!quiet) {
      std::fprintf(stderr, "%s\n",
                   fmt::format("kunde-gen: {} customers ({} near-duplicates), {} products, {} orders with {} lines, "
                               "{} payments, {} contacts in {}",
                               c.customers, c.duplicates, c.products, c.orders, c.order_lines, c.payments, c.contacts,
                               o.out)
                       .c_str());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kunde-gen: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
