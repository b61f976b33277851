#include <algorithm>

#include "routes/demand/demand_solution.h"

namespace aircargo::routes::internal {
namespace {

Upgrade::Kind UpgradeKindOf(DemandArcKind kind) {
  switch (kind) {
    case DemandArcKind::kRoute:
      return Upgrade::Kind::kRouteFrequency;
    case DemandArcKind::kPlannedRoute:
      return Upgrade::Kind::kOpenPlannedRoute;
    case DemandArcKind::kThroughput:
      return Upgrade::Kind::kAirportLimit;
  }
  return Upgrade::Kind::kRouteFrequency;
}

}  // namespace

Result<bool> RankUpgrades(const std::vector<DemandArc>& arcs, const DemandQuery& query,
                          const std::vector<double>& shadow, double optimum,
                          const UpgradeResolve& resolve, std::vector<Upgrade>& out) {
  struct Candidate {
    std::uint32_t arc;
    double predicted;
  };
  std::vector<Candidate> ranked;
  for (std::uint32_t a = 0; a < arcs.size(); ++a) {
    const DemandArc& arc = arcs[a];
    if (arc.upgrade_kg <= 0) continue;
    const double predicted = shadow[a] * static_cast<double>(arc.upgrade_kg);
    if (predicted > LexicographicSlack(optimum)) ranked.push_back({a, predicted});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Candidate& x, const Candidate& y) {
    return x.predicted > y.predicted;
  });
  const std::size_t verify = std::min<std::size_t>(ranked.size(), query.verify_upgrades);
  const std::size_t keep =
      std::min<std::size_t>(ranked.size(), std::max(query.max_upgrades, query.verify_upgrades));
  double best_verified = 0;
  for (std::size_t i = 0; i < keep; ++i) {
    const DemandArc& arc = arcs[ranked[i].arc];
    Upgrade u;
    u.kind = UpgradeKindOf(arc.kind);
    if (arc.kind == DemandArcKind::kThroughput) {
      u.airport = AirportId(arc.id);
    } else {
      u.route = RouteId(arc.id);
    }
    u.added_kg_per_week = arc.upgrade_kg;
    u.predicted_gain = ranked[i].predicted;
    if (i < verify) {
      auto upgraded = resolve(ranked[i].arc);
      if (!upgraded.ok()) return upgraded.error();
      u.verified_gain = std::max(0.0, *upgraded - optimum);
      best_verified = std::max(best_verified, *u.verified_gain);
    }
    out.push_back(u);
  }
  // Proven: no candidate left unverified can beat the best verified gain.
  if (verify == ranked.size()) return true;
  return ranked[verify].predicted <= best_verified + LexicographicSlack(optimum);
}

}  // namespace aircargo::routes::internal
