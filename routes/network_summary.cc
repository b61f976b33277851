#include "routes/network_summary.h"

#include <set>
#include <string>

namespace aircargo::routes {

NetworkSummary Summarize(const Network& network, std::optional<std::chrono::year_month_day> as_of) {
  NetworkSummary s;
  s.as_of = as_of;
  s.airport_count = static_cast<std::int32_t>(network.airports().size());
  s.route_count = static_cast<std::int32_t>(network.routes().size());
  std::set<std::string> carriers;
  std::set<std::string> countries;
  for (const Airport& a : network.airports()) countries.insert(a.country);
  for (const Route& r : network.routes()) {
    carriers.insert(r.carrier);
    const bool ended =
        r.status != RouteStatus::kSuspended && as_of && r.effective_to && *r.effective_to < *as_of;
    StatusTotals& t = ended                                 ? s.ended
                      : r.status == RouteStatus::kOperating ? s.operating
                      : r.status == RouteStatus::kPlanned   ? s.planned
                                                            : s.suspended;
    ++t.route_count;
    // Bounded by the builder's limits: 1e6 kg x 70 flights per route, well inside int64.
    t.weekly_capacity_kg += r.weekly_capacity_kg();
    if (!ended && r.status != RouteStatus::kSuspended) {
      auto& by_basis =
          r.status == RouteStatus::kOperating ? s.operating_by_basis : s.planned_by_basis;
      StatusTotals& b = by_basis[static_cast<std::size_t>(r.basis)];
      ++b.route_count;
      b.weekly_capacity_kg += r.weekly_capacity_kg();
    }
  }
  s.carrier_count = static_cast<std::int32_t>(carriers.size());
  s.country_count = static_cast<std::int32_t>(countries.size());
  return s;
}

std::optional<AirportId> HubAirport(const Network& network) {
  std::optional<AirportId> best;
  std::size_t best_routes = 0;
  std::int64_t best_kg = 0;
  for (std::uint32_t a = 0; a < network.airports().size(); ++a) {
    const auto out = network.outbound(AirportId(a));
    if (out.empty()) continue;
    std::int64_t kg = 0;
    for (RouteId r : out) kg += network.route(r).weekly_capacity_kg();
    const std::size_t routes = out.size();
    const bool better = !best || routes > best_routes || (routes == best_routes && kg > best_kg) ||
                        (routes == best_routes && kg == best_kg &&
                         network.airport(AirportId(a)).iata < network.airport(*best).iata);
    if (better) {
      best = AirportId(a);
      best_routes = routes;
      best_kg = kg;
    }
  }
  return best;
}

}  // namespace aircargo::routes
