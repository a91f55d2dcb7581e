// Payment import.
#include "crm/import/payment_import.hpp"

#include <fmt/format.h>

#include <optional>
#include <unordered_map>

#include "error.hpp"
#include "crm/content_keys.hpp"
#include "crm/keyless_matching.hpp"
#include "model/dates.hpp"
#include "model/order.hpp"

namespace kunde::crm::import {
namespace {

namespace F = model::payment_field;

// Date and amount, read ahead (Importer::prepare).
struct PaymentValues : Prepared {
  std::string paid_at;
  std::int64_t amount = 0;
};

class PaymentImporter : public Importer {
 public:
  PaymentImporter(Session& session, store::ImportWrite& write, const ImportOptions& o, bool strip)
      : Importer(model::payment_fields(), o, session, write), payments_(store().payments()), strip_(strip) {
    write.expect_many(store::Table::payments);
  }

 protected:
  std::unique_ptr<Prepared> prepare(const Row& row) const override {
    auto out = std::make_unique<PaymentValues>();
    read_values(row, *out);
    return out;
  }

  Outcome process(const Row& row) override {
    PaymentValues parsed;
    const auto* values = dynamic_cast<const PaymentValues*>(prepared());
    if (!values) {
      read_values(row, parsed);
      values = &parsed;
    }
    model::Payment p;
    p.paid_at = values->paid_at;
    p.amount = values->amount;
    std::string_view ref = row.get(F::customer);
    if (strip_) ref = model::strip_zero_fraction(ref);
    p.customer_id = customer(ref);
    p.reference = std::string(row.get(F::reference));
    std::optional<model::Payment> old;
    if (p.reference.empty()) {
      // The match hash is the content of the content key, so one hash serves both.
      std::uint64_t hash = payment_match_hash(p.customer_id, p.paid_at, p.amount);
      p.reference = keys_.next(hash);
      // The first row whose content key is new reads the payments stored with references
      // of their own (crm/keyless_matching.hpp); after that only rows that could match one
      // are looked up first.
      if (!referenced_ || referenced_->has(hash)) {
        old = payments_.by_reference(p.reference);
        if (!old) {
          if (!referenced_) referenced_ = KeyedRows::payments(payments_);
          if (referenced_->take(hash)) {
            ++counts().notes["without a reference matched a stored payment (same customer, day and amount)"];
            return Outcome::unchanged;
          }
        }
      }
    } else if (std::optional<model::Payment> keyless = keyless_payment(p)) {
      p.id = keyless->id;
      write().update_payment(p, *keyless);
      ++counts().notes["with a reference took over a stored payment without one (same customer, day and amount)"];
      return Outcome::updated;
    }
    // Most rows of a large import are new: try the insert first.
    if (!old) {
      if (write().add_payment_if_new(p)) return Outcome::inserted;
      old = payments_.by_reference(p.reference);
    }
    if (!old) throw Error(fmt::format("payment {} vanished during the import", p.reference), "import again");
    if (old->customer_id == p.customer_id && old->paid_at == p.paid_at && old->amount == p.amount) {
      return Outcome::unchanged;
    }
    p.id = old->id;
    write().update_payment(p, *old);
    return Outcome::updated;
  }

 private:
  // The payment stored without a reference that a row with a reference stored under no
  // payment takes over (crm/keyless_matching.hpp). They are read at the first row with a
  // reference; only rows that could take one over are looked up.
  std::optional<model::Payment> keyless_payment(const model::Payment& p) {
    if (!keyless_) keyless_.emplace(payments_);
    if (keyless_->empty()) return std::nullopt;
    std::uint64_t hash = payment_match_hash(p.customer_id, p.paid_at, p.amount);
    if (!keyless_->has(hash) || payments_.by_reference(p.reference)) return std::nullopt;
    return keyless_->take(hash);
  }

  void read_values(const Row& row, PaymentValues& out) const {
    out.paid_at = model::parse_file_date(row.get(F::paid_at), options().date_format);
    try {
      out.amount = model::parse_money(row.get(F::amount), options().money_decimals, options().number);
    } catch (const Error& e) {
      throw Error(fmt::format("amount: {}", e.what()), e.hint());
    }
  }

  store::Payments& payments_;
  bool strip_;
  ContentKeys keys_;
  std::optional<KeyedRows> referenced_;
  std::optional<KeylessPayments> keyless_;
};

}  // namespace

ImportCounts import_payments(Session& session, store::ImportWrite& write, const std::string& path,
                             const ImportOptions& options, bool strip_zero_fraction) {
  PaymentImporter importer(session, write, options, strip_zero_fraction);
  return importer.run(path);
}

}  // namespace kunde::crm::import
