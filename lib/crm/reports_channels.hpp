// `report channels`: the channel mix of orders and contacts, what each channel costs, each
// customer's preferred channel, customers using more than one, and how the mix and the
// customers move between channels over time (kunde-report(1), CHANNELS).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/reports.hpp"

namespace kunde::crm {

struct ChannelMix {
  std::string channel;  // "(none)" for orders without one
  std::int64_t orders = 0, revenue = 0, contacts = 0, inbound = 0, customers = 0;
  double order_share = 0, contact_share = 0;  // of all orders, of all contacts
  std::optional<std::int64_t> order_unit, contact_unit;  // configured costs, minor units
  std::int64_t cost = 0;                                 // orders x order unit + contacts x contact unit
};

// Orders by channel in one quarter (YYYY-Qn).
struct ChannelPeriod {
  std::string period;
  std::vector<std::int64_t> orders;  // by ChannelsReport::period_channels
};

// Customers whose first order came by `from` and whose last came by `to`.
struct ChannelMove {
  std::string from, to;
  std::int64_t customers = 0;
};

struct ChannelsReport {
  ReportScope scope;
  bool costs_configured = false;
  std::int64_t customers = 0;      // with an order or a contact
  std::int64_t multi_channel = 0;  // of them, using two channels or more (orders and contacts)
  std::int64_t orders = 0, contacts = 0;
  std::vector<ChannelMix> mix;  // by orders + contacts, highest first
  std::vector<std::pair<std::string, std::int64_t>> preferred;  // customers by their most used channel
  std::vector<std::string> period_channels;                     // order channels, by orders
  std::vector<ChannelPeriod> periods;                           // ascending
  std::int64_t movers = 0, repeat_customers = 0;  // customers with 2 orders or more; of them, changed channel
  std::vector<ChannelMove> moves;                  // by customers, highest first
};

ChannelsReport channels_report(Session& s, const ReportScope& scope);

// "YYYY-Qn" of a day.
std::string quarter_of(std::string_view day);

}  // namespace kunde::crm
