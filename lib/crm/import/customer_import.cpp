// Customer import.
#include "crm/import/customer_import.hpp"

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

#include "error.hpp"
#include "model/customer.hpp"
#include "text/utf8.hpp"

namespace kunde::crm::import {
namespace {

// A row read as a new customer, ready to insert.
struct NewCustomer : Prepared {
  model::Customer customer;
  model::KeptAsWritten kept;
};

class CustomerImporter : public Importer {
 public:
  CustomerImporter(Session& session, store::ImportWrite& write, const ImportOptions& o)
      : Importer(model::customer_import_fields(), o, session, write, true), repo_(store().customers()) {
    ctx_.money_decimals = o.money_decimals;
    ctx_.number = o.number;
    ctx_.date_format = o.date_format;
    ctx_.region = o.region;
    ctx_.file = true;
    write.expect_many(store::Table::customers);
    has_aliases_ = repo_.has_aliases();  // an import makes none
  }

 protected:
  void check_columns() override {
    Importer::check_columns();
    // Set with the header, before any row is read.
    name_is_company_ = has_column(model::kName) && model::is_company_column(column_name(model::kName));
  }

  // Most rows of a large import are new customers: read and normalise them ahead.
  std::unique_ptr<Prepared> prepare(const Row& row) const override {
    auto out = std::make_unique<NewCustomer>();
    fill(out->customer, row, false);
    if (out->customer.name.empty()) return nullptr;
    out->kept = model::normalise(out->customer, ctx_, nullptr);
    return out;
  }

  Outcome process(const Row& row) override {
    std::string_view number = model::customer_number_text(row.get(model::kNumber));
    std::string_view email = row.get(model::kEmail);
    if (number.empty() && email.empty()) {
      throw Error("neither a customer number nor an email", "every customer needs one of them to be matched on");
    }
    const auto* ready = dynamic_cast<const NewCustomer*>(prepared());
    // Rows of a file come in runs of new or known customers: while they are new, try the
    // insert first and skip the lookup. A number that lives on as an alias belongs to the
    // customer it was merged into, so only without aliases.
    if (ready && expect_new_ && !number.empty() && !has_aliases_ && ready->customer.number) {
      if (write().add_customer_if_new(ready->customer)) {
        count(ready->kept, ready->customer);
        return Outcome::inserted;
      }
      expect_new_ = false;
    }
    std::optional<std::int64_t> id;
    if (!number.empty()) {
      id = repo_.id_by_number(number);
    } else {
      id = repo_.id_by_email(text_lower(email));
    }
    expect_new_ = !id;
    if (!id && ready) {
      insert(ready->customer);
      count(ready->kept, ready->customer);
      return Outcome::inserted;
    }
    model::Customer c;
    if (id) c = *repo_.by_id(*id);
    model::Customer before = c;
    fill(c, row, id.has_value());
    if (c.name.empty() && !id) {
      throw Error("the name is empty", "every new customer needs a name");
    }
    count(model::normalise(c, ctx_, id ? &before : nullptr), c);
    if (!id) {
      insert(c);
      return Outcome::inserted;
    }
    if (c == before) return Outcome::unchanged;
    write().update_customer(c);
    return Outcome::updated;
  }

 private:
  // Sets the fields the file has a column for, and its other columns as attributes.
  void fill(model::Customer& c, const Row& row, bool existing) const {
    for (std::size_t f = 0; f < model::kCustomerFieldCount; ++f) {
      if (!row.has(f)) continue;
      // An alias number (of a merged customer) keeps the surviving record's own number, and
      // a row matched by email without a number keeps the customer's.
      if (f == model::kNumber && existing && c.number) continue;
      model::set_customer_field(c, static_cast<model::CustomerField>(f), row.get(f), ctx_);
    }
    // What the row says itself stays (compose_name, compose_contact).
    const bool kind_given = !text::trim(row.get(model::kKind)).empty();
    const bool contact_given = !text::trim(row.get(model::kContactPerson)).empty();
    if (row.has(model::kFirstName) || row.has(model::kLastName)) {
      model::compose_name(c, row.get(model::kFirstName), row.get(model::kLastName), name_is_company_, kind_given,
                          contact_given);
    }
    if (row.has(model::kContactFirstName) || row.has(model::kContactLastName)) {
      model::compose_contact(c, row.get(model::kContactFirstName), row.get(model::kContactLastName), kind_given,
                             contact_given);
    }
    for (const auto& [key, value] : row.extras()) {
      if (key == "id") continue;  // kunde's own ids from a list; not data to keep
      if (value.empty()) {
        c.attributes.erase(key);
      } else {
        c.attributes[key] = std::string(value);
      }
    }
  }
  void insert(const model::Customer& c) { write().add_customer(c); }
  // What the summary says normalising left as written.
  void count(const model::KeptAsWritten& kept, const model::Customer& c) {
    if (kept.country) {
      ++kept_country_customers_;
      kept_countries_.insert(c.country.value_or(""));
    }
    if (kept.phone) {
      ++phones_kept_;
      if (phone_examples_.size() < kNamed) phone_examples_.push_back(c.phone.value_or(""));
    }
  }
  // The countries and phones kept as written, named: a few of them tell what to fix in the file.
  void finish() override {
    if (phones_kept_) {
      counts().notes[fmt::format("phones not normalised ({})", named(phone_examples_, phones_kept_))] = phones_kept_;
    }
    if (!kept_countries_.empty()) {
      counts().notes[fmt::format("customers with a country kept as written ({})",
                                 named(kept_countries_, static_cast<std::int64_t>(kept_countries_.size())))] =
          kept_country_customers_;
    }
  }
  // The first kNamed of `names`, quoted, and how many of `total` are left: "\"a\", \"b\" and 3 more".
  template <class Names>
  static std::string named(const Names& names, std::int64_t total) {
    std::vector<std::string> quoted;
    for (const auto& name : names) {
      if (quoted.size() == kNamed) break;
      quoted.push_back(fmt::format("\"{}\"", name));
    }
    const auto left = total - static_cast<std::int64_t>(quoted.size());
    return fmt::format("{}{}", fmt::join(quoted, ", "), left > 0 ? fmt::format(" and {} more", left) : "");
  }
  static std::string text_lower(std::string_view s) {
    std::string out(s);
    for (char& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    return out;
  }
  store::Customers& repo_;
  model::ParseContext ctx_;
  bool has_aliases_ = false;
  bool expect_new_ = true;
  bool name_is_company_ = false;  // the name column is a company's (Company, companyName)
  static constexpr std::size_t kNamed = 5;    // names and numbers the summary shows
  std::set<std::string> kept_countries_;      // as written, in alphabetical order
  std::int64_t kept_country_customers_ = 0;
  std::vector<std::string> phone_examples_;  // the first phones kept as written
  std::int64_t phones_kept_ = 0;
};

}  // namespace

ImportCounts import_customers(Session& session, store::ImportWrite& write, const std::string& path,
                              const ImportOptions& options) {
  CustomerImporter importer(session, write, options);
  return importer.run(path);
}

}  // namespace kunde::crm::import
