// Payment import.
#include "import/payment_import.hpp"

#include <fmt/format.h>

#include <absl/container/flat_hash_map.h>

#include <unordered_map>

#include "error.hpp"
#include "import/customer_lookup.hpp"
#include "model/dates.hpp"
#include "model/order.hpp"
#include "store/payment_repo.hpp"

namespace kunde::import {
namespace {

namespace F = model::payment_field;

// Date and amount, read ahead (Importer::prepare).
struct PaymentValues : Prepared {
  std::string paid_at;
  std::int64_t amount = 0;
};

class PaymentImporter : public Importer {
 public:
  PaymentImporter(store::Database& db, const ImportOptions& o, bool strip)
      : Importer(model::payment_fields(), o), payments_(db),
        customers_(db, o.create_missing,
                   [this](store::CustomerRepo& r, const model::Customer& c) { return insert_customer(r, c); }),
        strip_(strip) {
    defer_indexes(store::NewRow::payments);
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
    p.customer_id = customers_.find(ref, counts());
    p.reference = std::string(row.get(F::reference));
    if (p.reference.empty()) {
      model::ContentHash h;
      for (std::size_t f = 0; f < F::count; ++f) h.add(row.get(f));
      p.reference = model::content_key(h.value(), ++occurrences_[h.value()]);
    }
    // Most rows of a large import are new: try the insert first.
    if (insert_new(store::NewRow::payments, [&] { return payments_.insert_if_new(p); })) {
      payment_added(p.customer_id, p.amount);
      return Outcome::inserted;
    }
    auto old = payments_.by_reference(p.reference);
    if (!old) throw Error(fmt::format("payment {} vanished during the import", p.reference), "import again");
    if (old->customer_id == p.customer_id && old->paid_at == p.paid_at && old->amount == p.amount) {
      return Outcome::unchanged;
    }
    p.id = old->id;
    payments_.update(p);
    touch(old->customer_id, store::Change::kTouchPayments);
    touch(p.customer_id, store::Change::kTouchPayments);
    return Outcome::updated;
  }

 private:
  void read_values(const Row& row, PaymentValues& out) const {
    out.paid_at = model::parse_date(row.get(F::paid_at), options().date_format);
    try {
      out.amount = model::parse_money(row.get(F::amount), options().money_decimals, options().number);
    } catch (const Error& e) {
      throw Error(fmt::format("amount: {}", e.what()), e.hint());
    }
  }

  store::PaymentRepo payments_;
  CustomerLookup customers_;
  bool strip_;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> occurrences_;
};

}  // namespace

ImportCounts import_payments(store::Database& db, const std::string& path, const ImportOptions& options,
                             bool strip_zero_fraction) {
  PaymentImporter importer(db, options, strip_zero_fraction);
  return importer.run(path);
}

}  // namespace kunde::import
