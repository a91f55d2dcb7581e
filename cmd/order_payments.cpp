// kunde order pay, payments, payments import, balances: what customers paid and owe.
#include <fmt/format.h>

#include "clock.hpp"
#include "error.hpp"
#include "import/payment_import.hpp"
#include "model/dates.hpp"
#include "model/money.hpp"
#include "model/order.hpp"
#include "options.hpp"
#include "order_verbs.hpp"
#include "store/change.hpp"
#include "store/order_repo.hpp"
#include "store/payment_repo.hpp"

namespace kunde::cmd {
namespace {

struct PayOptions {
  std::string customer, amount, at, reference;
};

int run_pay(Context& ctx, const PayOptions& o) {
  model::Payment p;
  try {
    p.amount = model::parse_money(o.amount, ctx.money_decimals());
  } catch (const Error& e) {
    throw UsageError(fmt::format("amount '{}': {}", o.amount, e.what()), "e.g. kunde order pay K-1001 1250.00");
  }
  try {
    p.paid_at = o.at.empty() ? today_local() : *date_option(o.at, "--at");
  } catch (const Error& e) {
    throw UsageError(fmt::format("--at '{}': {}", o.at, e.what()), "e.g. --at 2026-11-23");
  }
  store::Change change(ctx.db(), ctx.command_line);
  store::PaymentRepo repo(ctx.db());
  p.customer_id = resolve_customer(ctx, o.customer);
  if (o.reference.empty()) {
    model::ContentHash h;
    h.add(fmt::format("#{}", p.customer_id));
    h.add(p.paid_at);
    h.add(o.amount);
    p.reference = repo.free_content_key(h.value());
  } else {
    p.reference = o.reference;
    if (repo.by_reference(p.reference)) {
      throw Error(fmt::format("a payment with reference {} exists already", p.reference),
                  "each payment's reference is unique; 'kunde order payments' lists them");
    }
  }
  repo.insert(p);
  int d = ctx.money_decimals();
  change.commit(fmt::format("payment {} recorded", p.reference));
  auto a = store::OrderRepo(ctx.db()).account(p.customer_id, today_local());
  ctx.note(fmt::format("recorded payment {} of {} from customer #{}; balance now {}", p.reference,
                       format_decimal(Decimal{p.amount, d}), p.customer_id, format_decimal(Decimal{a.balance, d})));
  return kExitOk;
}

struct PaymentsOptions {
  std::string customer, since, until;
  std::optional<std::int64_t> limit;
};

int run_payments(Context& ctx, const PaymentsOptions& o) {
  store::PaymentFilter f;
  if (!o.customer.empty()) f.customer_id = resolve_customer(ctx, o.customer);
  f.since = date_option(o.since, "--since");
  f.until = date_option(o.until, "--until");
  f.limit = o.limit;
  store::PaymentRepo repo(ctx.db());
  auto w = ctx.writer();
  w->begin({"reference", "paid_at", "customer_id", "customer", "name", "amount"});
  int d = ctx.money_decimals();
  std::int64_t n = 0, total = 0;
  repo.list(f, [&](const store::PaymentView& v) {
    w->row({v.payment.reference, v.payment.paid_at, v.payment.customer_id,
            v.customer_number ? *v.customer_number : fmt::format("#{}", v.payment.customer_id), v.customer_name,
            Decimal{v.payment.amount, d}});
    ++n;
    total += v.payment.amount;
  });
  w->end();
  ctx.note(fmt::format("{}, {} in all", counted(n, "payment"), format_decimal(Decimal{total, d})));
  return kExitOk;
}

struct BalanceOptions {
  bool all = false, overdue = false, over_limit = false;
};

int run_balances(Context& ctx, const BalanceOptions& o) {
  store::OrderRepo repo(ctx.db());
  std::string today = today_local();
  int d = ctx.money_decimals();
  auto w = ctx.writer();
  w->begin({"id", "number", "name", "invoiced", "paid", "balance", "overdue", "oldest_unpaid_at", "terms_days",
            "credit_limit", "over_limit"});
  std::int64_t n = 0, total = 0, overdue = 0;
  repo.balance_customers(o.all, [&](std::int64_t id, const std::optional<std::string>& number, const std::string& name) {
    auto a = repo.account(id, today);
    if (o.overdue && a.overdue == 0) return;
    if (o.over_limit && !a.over_limit()) return;
    w->row({id, number ? Value(*number) : Value(), name, Decimal{a.invoiced, d}, Decimal{a.paid, d},
            Decimal{a.balance, d}, Decimal{a.overdue, d}, a.oldest_unpaid_at ? Value(*a.oldest_unpaid_at) : Value(),
            a.terms_days, a.credit_limit ? Value(Decimal{*a.credit_limit, d}) : Value(), a.over_limit()});
    ++n;
    total += a.balance;
    overdue += a.overdue;
  });
  w->end();
  ctx.note(fmt::format("{}, balance {}, overdue {}", counted(n, "customer"), format_decimal(Decimal{total, d}),
                       format_decimal(Decimal{overdue, d})));
  return kExitOk;
}

}  // namespace

void register_order_payments(CLI::App* order, Context& ctx) {
  static PayOptions pay_opts;
  auto* pay = order->add_subcommand("pay", "Record a payment from a customer");
  pay->add_option("CUSTOMER", pay_opts.customer, "Customer number, #id, email or phone")->required();
  pay->add_option("AMOUNT", pay_opts.amount, "Amount paid (negative for a refund)")->required();
  pay->add_option("--at", pay_opts.at, "Payment date (default today)");
  pay->add_option("--reference", pay_opts.reference, "Unique payment reference (bank reference, KID); default a content key");
  pay->callback([&ctx] { ctx.action = [&ctx] { return run_pay(ctx, pay_opts); }; });

  static PaymentsOptions payments_opts;
  auto* payments = order->add_subcommand("payments", "List payments; 'payments import FILE' imports them");
  payments->add_option("--customer", payments_opts.customer, "Only payments of this customer");
  payments->add_option("--since", payments_opts.since, "Only payments on or after DATE");
  payments->add_option("--until", payments_opts.until, "Only payments on or before DATE");
  payments->add_option("-n,--limit", payments_opts.limit, "At most N payments");
  payments->require_subcommand(0, 1);

  static ImportFlags import_flags;
  static bool strip_zero = false;
  auto* imp = payments->add_subcommand("import", "Import payments: upsert by reference, else by content key");
  add_import_options(imp, import_flags, true);
  imp->add_flag("--strip-zero-fraction", strip_zero, "Read customer numbers written like 17850.0 as 17850");
  imp->callback([&ctx] {
    ctx.action = [&ctx] {
      return run_import(ctx, import_flags, [](store::Database& db, const std::string& path, const import::ImportOptions& o) {
        return import::import_payments(db, path, o, strip_zero);
      });
    };
  });
  payments->callback([&ctx, imp] {
    if (imp->parsed()) return;
    ctx.action = [&ctx] { return run_payments(ctx, payments_opts); };
  });

  static BalanceOptions bal_opts;
  auto* bal = order->add_subcommand("balances", "Customers who owe or are owed money, with overdue amounts");
  bal->add_flag("--all", bal_opts.all, "Also customers whose balance is zero");
  bal->add_flag("--overdue", bal_opts.overdue, "Only customers with an overdue amount");
  bal->add_flag("--over-limit", bal_opts.over_limit, "Only customers whose balance exceeds their credit limit");
  bal->callback([&ctx] { ctx.action = [&ctx] { return run_balances(ctx, bal_opts); }; });
}

}  // namespace kunde::cmd
