// The churn report: each buyer's purchase days from the store, P(alive) from the configured
// purchase model fitted as of the as-of day, the flags of kunde-report(1), and for the
// breakdown each customer's contacts and order lines read once, customer by customer.
#include "crm/reports_churn.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "analytics/cohort.hpp"
#include "analytics/count_model.hpp"
#include "analytics/purchase_summary.hpp"
#include "crm/interned_names.hpp"
#include "crm/main_category.hpp"
#include "crm/read_beside.hpp"
#include "crm/session.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

// Which contact is the latest so far, the contacts coming in any order.
struct Latest {
  std::string at;
  std::int64_t id = 0;
  bool replaced_by(const store::ContactFact& k) {
    if (id != 0) {
      const int order = k.at.compare(at);
      if (order < 0 || (order == 0 && k.contact_id < id)) return false;
    }
    at.assign(k.at);
    id = k.contact_id;
    return true;
  }
};

struct Buyer {
  std::int64_t id = 0;
  std::size_t first_index = 0, days = 0;  // into the flat list of purchase days
  std::int64_t orders = 0, revenue = 0, cost = 0, revenue_with_cost = 0;
  std::optional<double> p_alive;
  bool churned = false;
  int category = -1, channel = -1;  // interned names, -1 for none
  std::string reason, complaint;    // the last recorded reason, the last complaint's
  Latest reason_from, complaint_from;  // the contacts they come from
};

int first_day_of_month(int month_index) {
  analytics::YearMonth ym = analytics::year_month(month_index);
  date::year_month_day ymd{date::year{ym.year}, date::month{static_cast<unsigned>(ym.month)}, date::day{1}};
  return static_cast<int>(date::sys_days{ymd}.time_since_epoch().count());
}

double median(std::vector<int>& v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

std::string tenure_band(int days_between, std::size_t purchase_days) {
  if (purchase_days <= 1) return "one purchase day";
  if (days_between < 91) return "under 3 months";
  if (days_between < 365) return "3 to 12 months";
  if (days_between < 730) return "1 to 2 years";
  return "2 years or more";
}

// The main category of each customer (largest amount, crm::main_categories), by id, as
// names interned in `categories`; none for a customer without one.
std::unordered_map<std::int64_t, int> read_categories(store::Analytics& analytics, const store::AnalyticsQuery& q,
                                                      InternedNames& categories) {
  std::unordered_map<std::int64_t, int> out;
  main_categories(analytics, q, [&](std::int64_t customer_id, std::string_view category) {
    if (!category.empty()) out.emplace(customer_id, categories.id(category));
  });
  return out;
}

// The last recorded reason (reason, else outcome) and the last complaint of each buyer.
void read_contacts(Session& s, const store::AnalyticsQuery& q, std::vector<Buyer>& buyers) {
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < buyers.size(); ++i) index.emplace(buyers[i].id, i);
  store::AnalyticsQuery any_order = q;
  any_order.ordered = false;  // sorting every contact costs more than comparing them
  s.store().analytics().contacts(any_order, [&](const store::ContactFact& k) {
    auto it = index.find(k.customer_id);
    if (it == index.end()) return;
    Buyer& b = buyers[it->second];
    std::string_view recorded = !k.reason.empty() ? k.reason : k.outcome;
    if (!recorded.empty() && b.reason_from.replaced_by(k)) b.reason.assign(recorded);
    if (k.complaint && b.complaint_from.replaced_by(k)) {
      b.complaint = recorded.empty() ? std::string("complaint") : std::string(recorded);
    }
  });
}

// Churned against retained customers by one property, the ten most common values and the rest.
void add_groups(ChurnReport& r, const std::string& dimension, const std::vector<Buyer>& buyers,
                const std::function<std::string(const Buyer&)>& value) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> counts;  // value -> churned, retained
  std::int64_t churned = 0, retained = 0;
  for (const Buyer& b : buyers) {
    auto& c = counts[value(b)];
    (b.churned ? c.first : c.second) += 1;
    (b.churned ? churned : retained) += 1;
  }
  std::vector<std::pair<std::string, std::pair<std::int64_t, std::int64_t>>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second.first + a.second.second > b.second.first + b.second.second;
  });
  constexpr std::size_t kShown = 10;
  if (sorted.size() > kShown + 1) {
    std::pair<std::int64_t, std::int64_t> other{0, 0};
    for (std::size_t i = kShown; i < sorted.size(); ++i) {
      other.first += sorted[i].second.first;
      other.second += sorted[i].second.second;
    }
    sorted.resize(kShown);
    sorted.emplace_back("(other)", other);
  }
  for (const auto& [name, c] : sorted) {
    ChurnGroup g;
    g.dimension = dimension;
    g.value = name;
    g.churned = c.first;
    g.retained = c.second;
    if (churned > 0) g.churned_share = static_cast<double>(c.first) / static_cast<double>(churned);
    if (retained > 0) g.retained_share = static_cast<double>(c.second) / static_cast<double>(retained);
    g.churn_rate = static_cast<double>(c.first) / static_cast<double>(c.first + c.second);
    // Without churned customers there is no share among them to compare: no lift.
    if (churned > 0 && g.retained_share > 0) g.lift = g.churned_share / g.retained_share;
    r.groups.push_back(std::move(g));
  }
}

}  // namespace

ChurnReport churn_report(Session& s, const ChurnRequest& request) {
  ChurnReport r;
  r.request = request;
  const ChurnSettings& cs = request.settings;
  const int as_of = day_number(request.scope.as_of);
  store::AnalyticsQuery q = request.scope.query();
  q.since.reset();

  // The main categories, which take longest to read, are read beside everything else.
  InternedNames categories, channels;
  std::future<std::unordered_map<std::int64_t, int>> categories_read;
  if (request.details) {
    categories_read = read_beside(s, [&categories, q](store::Store& st) { return read_categories(st.analytics(), q, categories); });
  }

  // The orders, read once: each buyer's purchase days (orders summed per day) and main
  // channel (most orders, ties to the first by name).
  std::vector<Buyer> buyers;
  std::vector<int> days;
  std::vector<std::int64_t> amounts;
  std::vector<std::int64_t> orders_by_channel;  // the current buyer's, by interned channel
  auto close_buyer = [&] {
    if (buyers.empty()) return;
    Leading main;
    for (std::size_t c = 0; c < orders_by_channel.size(); ++c) main.offer(channels.name(static_cast<int>(c)), orders_by_channel[c]);
    buyers.back().channel = main.name().empty() ? -1 : channels.id(main.name());
    std::fill(orders_by_channel.begin(), orders_by_channel.end(), 0);
  };
  s.store().analytics().orders(q, [&](const store::OrderFact& o) {
    if (buyers.empty() || buyers.back().id != o.customer_id) {
      close_buyer();
      Buyer b;
      b.id = o.customer_id;
      b.first_index = days.size();
      buyers.push_back(b);
    }
    Buyer& b = buyers.back();
    const int day = day_number(o.day);
    if (b.days == 0 || days.back() != day) {
      days.push_back(day);
      amounts.push_back(0);
      ++b.days;
    }
    amounts.back() += o.amount;
    ++b.orders;
    b.revenue += o.amount;
    b.cost += o.cost;
    b.revenue_with_cost += o.amount_with_cost;
    auto c = static_cast<std::size_t>(channels.id(o.channel));
    if (c >= orders_by_channel.size()) orders_by_channel.resize(c + 1, 0);
    ++orders_by_channel[c];
  });
  close_buyer();

  if (buyers.empty()) {
    throw Error(fmt::format("nothing to report: no orders up to {}", request.scope.as_of),
                "import orders (kunde order import), or give a later --as-of");
  }
  // P(alive) as of the as-of day; without a model that fits, the other rule alone.
  try {
    analytics::SummaryOptions so;
    so.calibration_end = as_of;
    so.period_days = analytics::period_days(request.period);
    analytics::PurchaseSummaryBuilder builder(so);
    for (const Buyer& b : buyers) {
      for (std::size_t i = b.first_index; i < b.first_index + b.days; ++i) builder.add(b.id, days[i], amounts[i]);
    }
    analytics::PurchaseSummary summary = builder.finish();
    analytics::CountFit fit = analytics::fit_count_model(analytics::parse_count_model(request.model), summary);
    r.model_name = std::string(fit.model->name());
    std::size_t j = 0;
    for (const auto& c : summary.customers) {
      while (j < buyers.size() && buyers[j].id != c.customer) ++j;
      if (j == buyers.size()) break;
      buyers[j].p_alive = fit.model->p_alive(c.x, c.t_x, c.T);
    }
  } catch (const UsageError&) {
    throw;
  } catch (const Error& e) {
    r.fit_error = e.what();
  }
  amounts = {};

  std::optional<CustomerNames> names;
  if (request.details) names.emplace(s, request.scope);
  // Without a single known cost every margin is unknown: revenue then ranks the customers,
  // one measure for all of them.
  r.stake_is_revenue = std::none_of(buyers.begin(), buyers.end(), [](const Buyer& b) { return b.revenue_with_cost != 0; });
  std::vector<int> intervals;
  for (Buyer& b : buyers) {
    const int first = days[b.first_index], last = days[b.first_index + b.days - 1];
    const int since = as_of - last;
    ++r.customers;
    r.revenue += b.revenue;
    if (since >= cs.churn_days) {
      b.churned = true;
      ++r.churned;
      r.churned_revenue += b.revenue;
      continue;
    }
    ++r.active;
    AtRisk a;
    a.p_alive = b.p_alive;
    a.by_p_alive = b.p_alive && *b.p_alive < cs.p_alive_threshold;
    if (b.days >= 3) {
      intervals.clear();
      for (std::size_t i = b.first_index + 1; i < b.first_index + b.days; ++i) intervals.push_back(days[i] - days[i - 1]);
      a.median_interval = median(intervals);
      a.by_interval = since > cs.interval_factor * *a.median_interval;
    }
    if (!a.by_p_alive && !a.by_interval) continue;
    ++r.at_risk;
    if (a.by_p_alive) ++r.at_risk_by_p_alive;
    if (a.by_interval) ++r.at_risk_by_interval;
    a.id = b.id;
    a.orders = b.orders;
    a.purchase_days = static_cast<std::int64_t>(b.days);
    a.first_order = day_text(first);
    a.last_order = day_text(last);
    a.days_since = since;
    a.revenue = b.revenue;
    a.margin = margin_of(b.revenue_with_cost, b.cost);
    const double tenure_years = std::max(365, as_of - first + 1) / 365.0;
    a.value_at_stake = std::llround(static_cast<double>(r.stake_is_revenue ? a.revenue : a.margin) / tenure_years);
    std::vector<std::string> why;
    if (a.by_p_alive) why.push_back(fmt::format("P(alive) {:.2f} below {:g}", *a.p_alive, cs.p_alive_threshold));
    if (a.by_interval) {
      why.push_back(fmt::format("{} days since the last order, over {:g} x the median interval of {:g} days", since,
                                cs.interval_factor, *a.median_interval));
    }
    a.reason = fmt::format("{}", fmt::join(why, "; "));
    r.value_at_stake += a.value_at_stake;
    if (names) {
      const CustomerName& n = names->of(a.id);
      a.number = n.number;
      a.name = n.name;
    }
    r.rows.push_back(std::move(a));
  }
  std::sort(r.rows.begin(), r.rows.end(), [](const AtRisk& a, const AtRisk& b) {
    return a.value_at_stake != b.value_at_stake ? a.value_at_stake > b.value_at_stake : a.id < b.id;
  });

  if (request.details) {
    read_contacts(s, q, buyers);
    const auto category_of = categories_read.get();
    for (Buyer& b : buyers) {
      if (auto it = category_of.find(b.id); it != category_of.end()) b.category = it->second;
    }
    add_groups(r, "reason", buyers, [](const Buyer& b) { return b.reason.empty() ? "none recorded" : b.reason; });
    add_groups(r, "last complaint", buyers, [](const Buyer& b) { return b.complaint.empty() ? "none" : b.complaint; });
    add_groups(r, "channel", buyers, [&](const Buyer& b) { return b.channel < 0 ? "none" : channels.name(b.channel); });
    add_groups(r, "category", buyers,
               [&](const Buyer& b) { return b.category < 0 ? "none" : categories.name(b.category); });
    add_groups(r, "tenure", buyers, [&](const Buyer& b) {
      return tenure_band(days[b.first_index + b.days - 1] - days[b.first_index], b.days);
    });

    const int as_of_month = analytics::month_of_day(as_of);
    for (int m = as_of_month - request.months + 1; m <= as_of_month; ++m) {
      ChurnMonth cm;
      const int start = first_day_of_month(m), end = std::min(first_day_of_month(m + 1) - 1, as_of);
      cm.month = fmt::format("{:04}-{:02}", analytics::year_month(m).year, analytics::year_month(m).month);
      cm.first = day_text(start);
      cm.last = day_text(end);
      for (const Buyer& b : buyers) {
        auto begin = days.begin() + static_cast<std::ptrdiff_t>(b.first_index);
        auto stop = begin + static_cast<std::ptrdiff_t>(b.days);
        if (*begin > end) continue;
        if (*begin >= start) {
          ++cm.new_customers;
          continue;
        }
        // The last purchase day before the month, and whether any falls in it.
        auto after = std::lower_bound(begin, stop, start);
        const int before = *(after - 1);
        const bool ordered = after != stop && *after <= end;
        if (start - 1 - before >= cs.churn_days) {  // gone before the month began
          if (ordered) ++cm.returned;
          continue;
        }
        ++cm.active_at_start;
        if (!ordered && end - before >= cs.churn_days) ++cm.churned;
      }
      if (cm.active_at_start > 0) {
        cm.churn_rate = static_cast<double>(cm.churned) / static_cast<double>(cm.active_at_start);
        cm.retention_rate = 1 - *cm.churn_rate;
      }
      r.months.push_back(std::move(cm));
    }
  }

  if (request.save) {
    std::vector<store::CustomerScore> scores;
    scores.reserve(r.rows.size());
    for (const AtRisk& a : r.rows) {
      store::CustomerScore sc;
      sc.customer_id = a.id;
      sc.churn_risk = a.reason;
      scores.push_back(std::move(sc));
    }
    store::ScoreSave save;
    save.part = store::ScorePart::churn;
    save.as_of = request.scope.as_of;
    save.replace_all = !request.scope.customers;
    save.scores = scores;
    s.store().analytics().save_scores(save);
    r.saved = true;
  }
  return r;
}

}  // namespace kunde::crm
