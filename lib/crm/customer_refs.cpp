// Reading --from lists of customers.
#include "crm/customer_refs.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "crm/customer_resolver.hpp"
#include "crm/import/importer.hpp"
#include "error.hpp"
#include "io/records.hpp"
#include "store/store.hpp"
#include "text/utf8.hpp"

namespace kunde::crm {
namespace {

constexpr std::size_t kProblemsKept = 20;

class RefSink : public io::RecordSink {
 public:
  RefSink(Session& s, CustomerRefs& out, std::string name) : s_(s), out_(out), name_(std::move(name)) {}

  void on_header(const std::vector<std::string>& header) override {
    id_col_ = number_col_ = -1;
    // customer_id wins over id: in lists of contacts or orders, id is theirs, not the customer's.
    int customer_id_col = -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::string h = import::normalise_header(header[i]);
      int col = static_cast<int>(i);
      if (h == "customer_id" && customer_id_col < 0) customer_id_col = col;
      if (h == "id" && id_col_ < 0) id_col_ = col;
      if ((h == "number" || h == "customer" || h == "customer_number") && number_col_ < 0) number_col_ = col;
    }
    if (customer_id_col >= 0) id_col_ = customer_id_col;
    if (id_col_ < 0 && number_col_ < 0 && !header.empty()) {
      throw Error(fmt::format("{}:1: no id or number column", name_),
                  "give a file with an id or number column, e.g. from 'kunde customer list -f csv'");
    }
  }

  void on_record(const io::Record& r) override {
    std::optional<std::int64_t> id;
    std::string shown;
    auto cell = [&](int col) {
      return col >= 0 && static_cast<std::size_t>(col) < r.fields.size() ? text::trim(r.fields[col]) : std::string_view();
    };
    if (!cell(id_col_).empty()) {
      shown = std::string(cell(id_col_));
      auto ids = s_.resolver().resolve("#" + shown, RefSource::file);
      if (ids.size() == 1) id = ids.front();
    } else {
      shown = std::string(cell(number_col_));
      auto ids = s_.resolver().resolve(shown, RefSource::file);
      if (ids.size() == 1) id = ids.front();
    }
    if (!id) {
      ++out_.rejected;
      if (out_.problems.size() < kProblemsKept) out_.problems.push_back(fmt::format("{}:{}: no customer '{}'", name_, r.line, shown));
      return;
    }
    out_.ids.push_back(*id);
  }

 private:
  Session& s_;
  CustomerRefs& out_;
  std::string name_;
  int id_col_ = -1, number_col_ = -1;
};

}  // namespace

CustomerRefs read_customer_refs(Session& s, const std::string& path) {
  CustomerRefs out;
  RefSink sink(s, out, path == "-" ? "<stdin>" : path);
  io::read_records(path, io::ReadOptions{}, sink);
  std::sort(out.ids.begin(), out.ids.end());
  out.ids.erase(std::unique(out.ids.begin(), out.ids.end()), out.ids.end());
  return out;
}

}  // namespace kunde::crm
