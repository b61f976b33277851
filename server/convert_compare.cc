#include "server/convert_compare.h"

#include <array>
#include <optional>
#include <string>

#include "formats/network_proto.h"
#include "routes/network_summary.h"
#include "server/convert.h"

namespace aircargo::server {
namespace {

// Strength order for "the weakest leg": sourced is strongest, illustrative the weakest of the
// stated levels, and an unstated basis is weaker still.
int Weakness(routes::EvidenceBasis basis) {
  return basis == routes::EvidenceBasis::kUnspecified ? routes::kEvidenceBasisCount
                                                      : static_cast<int>(basis);
}

void Weaken(const routes::ScenarioView& view, const routes::Path& path,
            std::optional<routes::EvidenceBasis>& weakest) {
  for (routes::RouteId r : path.routes) {
    const routes::EvidenceBasis b = view.route(r).basis;
    if (!weakest || Weakness(b) > Weakness(*weakest)) weakest = b;
  }
}

using BasisCounts = std::array<routes::StatusTotals, routes::kEvidenceBasisCount>;

void Count(const routes::ScenarioView& view, routes::RouteId id, BasisCounts& counts) {
  routes::StatusTotals& t = counts[static_cast<std::size_t>(view.route(id).basis)];
  ++t.route_count;
  t.weekly_capacity_kg += view.weekly_capacity_kg(id);
}

void FillBasisTotals(const BasisCounts& counts,
                     google::protobuf::RepeatedPtrField<v1::BasisTotals>* out) {
  for (std::size_t b = 0; b < counts.size(); ++b) {
    if (counts[b].route_count == 0) continue;
    v1::BasisTotals* t = out->Add();
    t->set_basis(formats::ToProto(static_cast<routes::EvidenceBasis>(b)));
    t->set_route_count(counts[b].route_count);
    t->set_weekly_capacity_kg(counts[b].weekly_capacity_kg);
  }
}

// Routes usable in one view and not the other, by basis. Network routes compare by id; scenario
// extras (which differ between the two scenarios) count on their own side.
void FillRouteDifferences(const routes::ScenarioView& baseline,
                          const routes::ScenarioView& alternative,
                          v1::CompareScenariosResponse* response) {
  BasisCounts added{};
  BasisCounts removed{};
  const std::size_t base_routes = baseline.network().routes().size();
  for (std::uint32_t i = 0; i < alternative.route_count(); ++i) {
    const routes::RouteId id(i);
    if (!alternative.usable(id)) continue;
    if (alternative.is_extra(id) || !baseline.usable(id)) Count(alternative, id, added);
  }
  for (std::uint32_t i = 0; i < baseline.route_count(); ++i) {
    const routes::RouteId id(i);
    if (!baseline.usable(id)) continue;
    if (i >= base_routes || !alternative.usable(id)) Count(baseline, id, removed);
  }
  FillBasisTotals(added, response->mutable_added_routes_by_basis());
  FillBasisTotals(removed, response->mutable_removed_routes_by_basis());
}

void FillMetrics(const routes::ScenarioView& view, const routes::PairMetrics& metrics,
                 v1::PairMetrics* out) {
  out->set_reachable(metrics.reachable);
  out->set_max_capacity_kg_per_week(metrics.max_capacity_kg_per_week);
  if (metrics.fastest) {
    out->set_fastest_transit_minutes(metrics.fastest->transit_minutes);
    for (routes::RouteId r : metrics.fastest->routes) out->add_fastest_route_ids(view.route(r).id);
  }
  if (metrics.cheapest) {
    out->set_cheapest_cost_per_kg_micros(metrics.cheapest->cost_per_kg_micros);
    for (routes::RouteId r : metrics.cheapest->routes) {
      out->add_cheapest_route_ids(view.route(r).id);
    }
  }
  if (metrics.fewest_legs) {
    out->set_fewest_legs(static_cast<std::int32_t>(metrics.fewest_legs->legs()));
  }
  std::optional<routes::EvidenceBasis> weakest;
  if (metrics.fastest) Weaken(view, *metrics.fastest, weakest);
  if (metrics.cheapest) Weaken(view, *metrics.cheapest, weakest);
  if (weakest) out->set_weakest_basis(formats::ToProto(*weakest));
}

}  // namespace

routes::Result<std::vector<routes::OdPair>> ComparePairsFromProto(
    const v1::CompareScenariosRequest& request, const routes::Network& network) {
  std::vector<routes::OdPair> pairs;
  if (request.pairs().empty()) {
    if (request.origin().empty()) {
      // The documented default, drawn from the network itself: its hub.
      const auto hub = routes::HubAirport(network);
      if (!hub) {
        return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "origin",
                                 "the network has no routes, so it has no default origin; set "
                                 "origin or pairs");
      }
      return routes::PairsFromOrigin(network, *hub);
    }
    auto id = ResolveAirport(network, "origin", request.origin());
    if (!id.ok()) return id.error();
    return routes::PairsFromOrigin(network, *id);
  }
  // The pair limit (routes::kMaxComparePairs) has one home, routes::CompareScenarios; the request
  // message's size limit (server/server.h) bounds the work of resolving before it.
  for (int i = 0; i < request.pairs_size(); ++i) {
    const std::string at = "pairs[" + std::to_string(i) + "]";
    auto from = ResolveAirport(network, at + ".origin", request.pairs(i).origin());
    if (!from.ok()) return from.error();
    auto to = ResolveAirport(network, at + ".destination", request.pairs(i).destination());
    if (!to.ok()) return to.error();
    if (*from == *to) {
      return routes::InvalidArgument(at + ".destination",
                                     "must differ from the origin " + network.airport(*from).iata);
    }
    pairs.push_back({*from, *to});
  }
  return pairs;
}

v1::Scenario BaselineScenario(const v1::CompareScenariosRequest& request) {
  return request.has_baseline() ? request.baseline() : v1::Scenario();
}

v1::Scenario AlternativeScenario(const v1::CompareScenariosRequest& request) {
  if (request.has_alternative()) return request.alternative();
  v1::Scenario alternative = BaselineScenario(request);
  alternative.set_include_planned(true);
  return alternative;
}

void ToProto(const routes::ScenarioView& baseline, const routes::ScenarioView& alternative,
             const routes::ScenarioComparison& comparison, v1::CompareScenariosResponse* response) {
  const routes::Network& network = baseline.network();
  std::int32_t base_reachable = 0;
  std::int32_t alt_reachable = 0;
  std::int32_t newly = 0;
  std::int64_t change = 0;
  for (const routes::PairComparison& row : comparison.pairs) {
    v1::PairComparison* out = response->add_pairs();
    out->set_origin(network.airport(row.pair.origin).iata);
    out->set_destination(network.airport(row.pair.destination).iata);
    FillMetrics(baseline, row.baseline, out->mutable_baseline());
    FillMetrics(alternative, row.alternative, out->mutable_alternative());
    out->set_newly_reachable(row.newly_reachable());
    out->set_no_longer_reachable(row.no_longer_reachable());
    out->set_capacity_change_kg_per_week(row.capacity_change_kg_per_week());
    base_reachable += row.baseline.reachable ? 1 : 0;
    alt_reachable += row.alternative.reachable ? 1 : 0;
    newly += row.newly_reachable() ? 1 : 0;
    change += row.capacity_change_kg_per_week();
  }
  response->set_baseline_reachable_count(base_reachable);
  response->set_alternative_reachable_count(alt_reachable);
  response->set_newly_reachable_count(newly);
  response->set_total_capacity_change_kg_per_week(change);
  FillRouteDifferences(baseline, alternative, response);
}

}  // namespace aircargo::server
