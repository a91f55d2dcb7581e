// Customer services.
#include "crm/customers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "crm/customer_resolver.hpp"
#include "model/field_spec.hpp"
#include "error.hpp"
#include "store/store.hpp"
#include "text/utf8.hpp"

namespace kunde::crm {
namespace {

std::string counted(std::int64_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

void check_number_free(store::Customers& repo, const model::Customer& c) {
  if (!c.number) return;
  if (auto other = repo.id_by_number(*c.number); other && *other != c.id) {
    throw Error(fmt::format("customer number {} belongs to customer #{}", *c.number, *other),
                "choose another number, or 'kunde customer merge' the two");
  }
}

}  // namespace

std::optional<model::Customer> customer_by_id(Session& s, std::int64_t id) { return s.store().customers().by_id(id); }
std::vector<std::string> customer_aliases(Session& s, std::int64_t id) { return s.store().customers().aliases(id); }
CustomerStats customer_stats(Session& s, std::int64_t id) { return s.store().customers().stats(id); }

void list_customers(Session& s, const CustomerFilter& filter, const std::function<void(const model::Customer&)>& each) {
  s.store().customers().list(filter, each);
}

void find_customers(Session& s, std::string_view text, std::optional<std::int64_t> limit,
                    const std::function<void(const model::Customer&)>& each) {
  const std::vector<std::int64_t> by_phone = CustomerResolver(s).by_phone(text);
  std::int64_t shown = 0;
  auto show = [&](const model::Customer& c) {
    if (limit && shown >= *limit) return;
    ++shown;
    each(c);
  };
  if (!by_phone.empty()) {
    CustomerFilter f;
    f.ids = by_phone;
    s.store().customers().list(f, show);
  }
  CustomerFilter f;
  f.search = std::string(text);
  if (limit) f.limit = *limit + static_cast<std::int64_t>(by_phone.size());
  s.store().customers().list(f, [&](const model::Customer& c) {
    if (std::find(by_phone.begin(), by_phone.end(), c.id) == by_phone.end()) show(c);
  });
}

std::vector<std::string> attribute_keys(Session& s) { return s.store().customers().attribute_keys(); }

std::string attribute_key(Session& s, std::string_view given) {
  const std::string canonical = model::attribute_name(given);
  const std::string key = model::field_key(given);
  bool canonical_stored = false;
  const std::string* alike = nullptr;
  for (const auto& stored : s.attribute_names()) {
    if (stored == given) return stored;
    if (stored == canonical) {
      canonical_stored = true;
    } else if (!alike && model::field_key(stored) == key) {
      alike = &stored;
    }
  }
  return canonical_stored || !alike ? canonical : *alike;
}

bool searchable(std::string_view text) {
  for (char ch : text::fold(text)) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || static_cast<unsigned char>(ch) >= 0x80) return true;
  }
  return false;
}

std::int64_t add_customer(Session& s, const model::Customer& c) {
  auto write = s.store().begin_write(s.command());
  auto& repo = s.store().customers();
  check_number_free(repo, c);
  std::int64_t id = repo.insert(c);
  write->commit("1 customer added");
  return id;
}

Edited edit_customer(Session& s, std::string_view ref, const std::function<void(model::Customer&)>& change) {
  auto write = s.store().begin_write(s.command());
  auto& repo = s.store().customers();
  auto c = *repo.by_id(s.resolver().resolve_one(ref));
  auto before = c;
  change(c);
  check_number_free(repo, c);
  if (c == before) return {c.id, false};
  repo.update(c);
  write->commit("1 customer updated");
  return {c.id, true};
}

std::int64_t remove_customer(Session& s, std::string_view ref, bool force) {
  auto write = s.store().begin_write(s.command());
  auto& repo = s.store().customers();
  std::int64_t id = s.resolver().resolve_one(ref);
  auto d = repo.dependents(id);
  if ((d.orders || d.payments || d.contacts) && !force) {
    throw Error(fmt::format("customer #{} has {}, {} and {}", id, counted(d.orders, "order"),
                            counted(d.payments, "payment"), counted(d.contacts, "contact")),
                "use --force to delete them too (undoable), or 'kunde customer merge' into another customer");
  }
  repo.erase(id);
  write->commit("1 customer removed");
  return id;
}

Tagged tag_customers(Session& s, const std::vector<std::int64_t>& ids, const std::vector<std::string>& tags, bool add) {
  auto write = s.store().begin_write(s.command());
  auto& repo = s.store().customers();
  Tagged t;
  t.customers = static_cast<std::int64_t>(ids.size());
  for (auto id : ids) {
    for (const auto& text : tags) {
      for (const auto& tag : model::split_tags(text)) t.changed += add ? repo.add_tag(id, tag) : repo.remove_tag(id, tag);
    }
  }
  write->commit(fmt::format("{} {} on {}", counted(t.changed, "tag"), add ? "added" : "removed",
                            counted(t.customers, "customer")));
  return t;
}

Merged merge_customers(Session& s, std::string_view keep_ref, std::string_view merge_ref) {
  auto write = s.store().begin_write(s.command());
  auto& repo = s.store().customers();
  Merged m;
  m.kept = s.resolver().resolve_one(keep_ref);
  m.gone = s.resolver().resolve_one(merge_ref);
  if (m.kept == m.gone) throw UsageError("a customer cannot be merged into itself", "give two different customers");
  m.moved = repo.dependents(m.gone);
  repo.merge(m.kept, m.gone);
  write->commit(fmt::format("merged #{} into #{} ({}, {}, {} moved)", m.gone, m.kept, counted(m.moved.orders, "order"),
                            counted(m.moved.payments, "payment"), counted(m.moved.contacts, "contact")));
  return m;
}

store::Erasure forget_customer(Session& s, std::int64_t id) {
  // The command line may name the person: history keeps only the id.
  return s.store().maintenance().forget(id, fmt::format("customer forget #{}", id));
}

nlohmann::ordered_json personal_data(Session& s, std::int64_t id) { return s.store().maintenance().personal_data(id); }

std::vector<DuplicatePair> duplicates(Session& s, int min_score) { return s.store().maintenance().duplicates(min_score); }

std::string customer_ident(Session& s, std::int64_t id) {
  auto c = s.store().customers().by_id(id);
  return c && c->number ? *c->number : fmt::format("#{}", id);
}

}  // namespace kunde::crm
