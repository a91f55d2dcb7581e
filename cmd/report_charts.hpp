// The charts of the reports, each built in one place: a report's own page and the monthly
// pack (report all) draw the same chart from the same figures.
#pragma once

#include <cstddef>
#include <string>

#include "context.hpp"
#include "crm/reports_channels.hpp"
#include "crm/reports_clv.hpp"
#include "crm/reports_cohort.hpp"
#include "crm/reports_rfm.hpp"
#include "crm/reports_top.hpp"
#include "crm/reports_value.hpp"
#include "crm/reports_wallet.hpp"
#include "report/chart.hpp"

namespace kunde::cmd {

// Cumulative profit against customers, most profitable first (as shares when profit is positive).
report::Chart whale_chart(const crm::ValueReport& r, int decimals);
// Customers by R score (rows, 5 at the top) and F score (columns).
report::Chart rfm_grid_chart(const crm::RfmReport& r);
// The share of each cohort ordering k months after its first month; the last `last` cohorts.
report::Chart retention_heatmap(const crm::CohortReport& r, std::size_t last);
// The distribution of CLV over the customers.
report::Chart clv_histogram(Context& ctx, const crm::ClvReport& r);
// Each channel's share of the orders and of the contacts.
report::Chart channel_mix_chart(const crm::ChannelsReport& r);
// The top customers' most distinctive properties against the rest (eight at most).
report::Chart top_profile_chart(const crm::TopReport& r);
// Customers by the share of their wallet we have.
report::Chart wallet_bands_chart(const crm::WalletReport& r);

}  // namespace kunde::cmd
