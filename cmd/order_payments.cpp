// kunde order pay, payments, payments import, balances: what customers paid and owe.
#include <fmt/format.h>

#include "clock.hpp"
#include "error.hpp"
#include "crm/payments.hpp"
#include "model/dates.hpp"
#include "model/money.hpp"
#include "options.hpp"
#include "order_verbs.hpp"
#include "render.hpp"

namespace kunde::cmd {
namespace {

struct PayOptions {
  std::string customer, amount, at, reference;
};

int run_pay(Context& ctx, const PayOptions& o) {
  crm::NewPayment p;
  p.customer = o.customer;
  try {
    p.amount = model::parse_money(o.amount, ctx.money_decimals());
  } catch (const Error& e) {
    throw UsageError(fmt::format("amount '{}': {}", o.amount, e.what()), "e.g. kunde order pay K-1001 1250.00");
  }
  p.paid_at = o.at.empty() ? today_local() : *date_option(o.at, "--at");
  if (!o.reference.empty()) p.reference = o.reference;
  auto recorded = crm::record_payment(ctx.session(), p);
  int d = ctx.money_decimals();
  auto a = crm::account(ctx.session(), recorded.customer_id, today_local());
  ctx.note(fmt::format("recorded payment {} of {} from customer #{}; balance now {}", recorded.reference,
                       format_decimal(Decimal{p.amount, d}), recorded.customer_id, format_decimal(Decimal{a.balance, d})));
  return kExitOk;
}

struct PaymentsOptions {
  std::string customer, since, until;
  std::optional<std::int64_t> limit;
};

int run_payments(Context& ctx, const PaymentsOptions& o) {
  crm::PaymentFilter f;
  if (!o.customer.empty()) f.customer_id = resolve_customer(ctx, o.customer);
  f.since = date_option(o.since, "--since");
  f.until = date_option(o.until, "--until");
  f.limit = o.limit;
  int d = ctx.money_decimals();
  std::int64_t n = 0, total = 0;
  render_list(ctx, "payments", {"reference", "paid_at", "customer_id", "customer", "name", "amount"},
              [&](const report::RowEmit& emit) {
                crm::list_payments(ctx.session(), f, [&](const crm::PaymentView& v) {
                  emit({v.payment.reference, v.payment.paid_at, v.payment.customer_id,
                        v.customer_number ? *v.customer_number : fmt::format("#{}", v.payment.customer_id),
                        v.customer_name, Decimal{v.payment.amount, d}});
                  ++n;
                  total += v.payment.amount;
                });
              });
  ctx.note(fmt::format("{}, {} in all", counted(n, "payment"), format_decimal(Decimal{total, d})));
  return kExitOk;
}

struct BalanceOptions {
  bool all = false, overdue = false, over_limit = false;
};

int run_balances(Context& ctx, const BalanceOptions& o) {
  std::string today = today_local();
  int d = ctx.money_decimals();
  std::int64_t n = 0, total = 0, overdue = 0;
  render_list(ctx, "balances",
              {"id", "number", "name", "invoiced", "paid", "balance", "overdue", "oldest_unpaid_at", "terms_days",
               "credit_limit", "over_limit"},
              [&](const report::RowEmit& emit) {
                crm::balances(ctx.session(), o.all, today,
                              [&](std::int64_t id, const std::optional<std::string>& number, const std::string& name,
                                  const crm::Account& a) {
                                if (o.overdue && a.overdue == 0) return;
                                if (o.over_limit && !a.over_limit()) return;
                                emit({id, opt_value(number), name, Decimal{a.invoiced, d}, Decimal{a.paid, d},
                                      Decimal{a.balance, d}, Decimal{a.overdue, d}, opt_value(a.oldest_unpaid_at),
                                      a.terms_days, opt_money(a.credit_limit, d), a.over_limit()});
                                ++n;
                                total += a.balance;
                                overdue += a.overdue;
                              });
              });
  ctx.note(fmt::format("{}, balance {}, overdue {}", counted(n, "customer"), format_decimal(Decimal{total, d}),
                       format_decimal(Decimal{overdue, d})));
  return kExitOk;
}

struct PaymentImportOptions {
  ImportFlags flags;
  bool strip_zero = false;
};

}  // namespace

void register_order_payments(CLI::App* order, Context& ctx) {
  auto pay_opts = std::make_shared<PayOptions>();
  auto* pay = order->add_subcommand("pay", "Record a payment from a customer");
  pay->add_option("CUSTOMER", pay_opts->customer, "Customer number, #id, email or phone")->required();
  pay->add_option("AMOUNT", pay_opts->amount, "Amount paid (negative for a refund)")->required();
  pay->add_option("--at", pay_opts->at, "Payment date (default today)");
  pay->add_option("--reference", pay_opts->reference, "Unique payment reference (bank reference, KID); default a content key");
  pay->callback([&ctx, pay_opts] { ctx.action = [&ctx, pay_opts] { return run_pay(ctx, *pay_opts); }; });

  auto payments_opts = std::make_shared<PaymentsOptions>();
  auto* payments = order->add_subcommand("payments", "List payments; 'payments import FILE' imports them");
  payments->add_option("--customer", payments_opts->customer, "Only payments of this customer");
  payments->add_option("--since", payments_opts->since, "Only payments on or after DATE");
  payments->add_option("--until", payments_opts->until, "Only payments on or before DATE");
  payments->add_option("-n,--limit", payments_opts->limit, "At most N payments");
  payments->require_subcommand(0, 1);

  auto import_opts = std::make_shared<PaymentImportOptions>();
  auto* imp = payments->add_subcommand("import", "Import payments: upsert by reference, else by content key");
  add_import_options(imp, import_opts->flags, true);
  imp->add_flag("--strip-zero-fraction", import_opts->strip_zero, "Read customer numbers written like 17850.0 as 17850");
  imp->callback([&ctx, import_opts] {
    ctx.action = [&ctx, import_opts] {
      crm::ImportRequest r(crm::ImportKind::payments);
      r.strip_zero_fraction = import_opts->strip_zero;
      return run_import(ctx, import_opts->flags, r);
    };
  });
  payments->callback([&ctx, imp, payments_opts] {
    if (imp->parsed()) return;
    ctx.action = [&ctx, payments_opts] { return run_payments(ctx, *payments_opts); };
  });

  auto bal_opts = std::make_shared<BalanceOptions>();
  auto* bal = order->add_subcommand("balances", "Customers who owe or are owed money, with overdue amounts");
  bal->add_flag("--all", bal_opts->all, "Also customers whose balance is zero");
  bal->add_flag("--overdue", bal_opts->overdue, "Only customers with an overdue amount");
  bal->add_flag("--over-limit", bal_opts->over_limit, "Only customers whose balance exceeds their credit limit");
  bal->callback([&ctx, bal_opts] { ctx.action = [&ctx, bal_opts] { return run_balances(ctx, *bal_opts); }; });
}

}  // namespace kunde::cmd
