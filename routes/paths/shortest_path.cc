#include "routes/paths/shortest_path.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <string_view>

#include "routes/ascii.h"
#include "routes/geo.h"
#include "routes/paths/path.h"

namespace aircargo::routes {
namespace {

// Bounds are shrunk by this factor so rounding never makes them inadmissible.
constexpr double kBoundSlack = 1.0 - 1e-9;

// Folds one extra route into the bound constants (see PathArcs::km_ratio / max_km_per_minute).
void FoldRoute(const PathArcs& arcs, const Route& route, double& ratio, double& speed) {
  const double gc = arcs.Km(route.origin.value, route.destination.value);
  if (gc > 1e-6) ratio = std::min(ratio, route.distance_km / gc);
  const double minutes = static_cast<double>(route.block_minutes + ExpectedWaitMinutes(route));
  if (minutes > 0) speed = std::max(speed, gc / minutes);
}

struct HeapGreater {
  bool operator()(const PathWorkspace::Scratch::HeapItem& a,
                  const PathWorkspace::Scratch::HeapItem& b) const {
    if (a.f != b.f) return a.f > b.f;
    return a.tie > b.tie;
  }
};

}  // namespace

PathSearch::PathSearch(const ScenarioView& view, const PathQuery& query,
                       PathWorkspace::Scratch& scratch, StopCheck& stop, SearchRules rules)
    : view_(view),
      query_(query),
      s_(scratch),
      stop_(stop),
      rules_(rules),
      arcs_(view.network().path_arcs()) {
  via_count_ = rules_.via ? static_cast<int>(query_.via.size()) : 0;
  via_layers_ = via_count_ + 1;
  max_legs_ = rules_.legs ? query_.max_legs : 0;
  leg_layers_ = max_legs_ > 0 ? max_legs_ + 1 : 1;
  for (Mode mode : query_.modes) mode_mask_ |= 1u << static_cast<unsigned>(mode);
  has_extras_ = view_.route_count() > view_.network().routes().size();
  filters_active_ = rules_.filters &&
                    (mode_mask_ != 0 || !query_.avoid.empty() || !query_.excluded_carriers.empty());
  capacity_active_ = rules_.capacity && query_.min_capacity_kg_per_week > 0;

  const std::size_t airports = view_.network().airports().size();
  const std::size_t states =
      airports * static_cast<std::size_t>(via_layers_) * static_cast<std::size_t>(leg_layers_);
  if (s_.dist.size() < states) {
    s_.dist.resize(states);
    s_.tie.resize(states);
    s_.pred_state.resize(states);
    s_.pred_route.resize(states);
  }
  s_.reached.Resize(states);
  s_.settled.Resize(states);
  s_.blocked_airport.Resize(airports);
  s_.avoided_airport.Resize(airports);
  s_.via_airport.Resize(airports);
  if (s_.via_position.size() < airports) s_.via_position.resize(airports);
  const std::size_t bound_slots = airports * static_cast<std::size_t>(via_layers_);
  if (s_.bound_km.size() < bound_slots) s_.bound_km.resize(bound_slots);
  s_.bound_known.Resize(bound_slots);
  s_.bound_known.Reset();
  s_.blocked_route.Resize(view_.route_count());
  ClearBlocks();

  s_.avoided_airport.Reset();
  if (rules_.filters) {
    for (AirportId a : query_.avoid) s_.avoided_airport.Mark(a.value);
  }
  s_.via_airport.Reset();
  for (int j = 0; j < via_count_; ++j) {
    const std::uint32_t a = query_.via[static_cast<std::size_t>(j)].value;
    s_.via_airport.Mark(a);
    s_.via_position[a] = j;
  }

  bounds_ = s_.use_bounds && (query_.objective == Objective::kDistance ||
                              query_.objective == Objective::kTransitTime);
  if (bounds_) {
    km_ratio_ = arcs_.km_ratio();
    max_km_per_minute_ = arcs_.max_km_per_minute();
    const std::size_t own = view_.network().routes().size();
    for (std::size_t id = own; id < view_.route_count(); ++id) {
      FoldRoute(arcs_, view_.route(RouteId(static_cast<std::uint32_t>(id))), km_ratio_,
                max_km_per_minute_);
    }
    km_ratio_ = std::max(0.0, std::min(1.0, km_ratio_));
    if (query_.objective == Objective::kTransitTime && max_km_per_minute_ <= 0) bounds_ = false;
    std::vector<double>& suffix = s_.via_suffix_km;
    suffix.assign(static_cast<std::size_t>(via_layers_), 0.0);
    for (int j = via_count_ - 1; j >= 0; --j) {
      const std::uint32_t from = query_.via[static_cast<std::size_t>(j)].value;
      const std::uint32_t to = j + 1 < via_count_
                                   ? query_.via[static_cast<std::size_t>(j) + 1].value
                                   : query_.destination.value;
      suffix[static_cast<std::size_t>(j)] =
          arcs_.Km(from, to) + suffix[static_cast<std::size_t>(j) + 1];
    }
  }
}

double PathSearch::Bound(std::uint32_t airport, int via) {
  if (exact_) {
    if (s_.exact_settled.Has(airport)) return s_.exact_bound[airport];
    if (exact_complete_) return std::numeric_limits<double>::infinity();
    // Beyond the reverse search's radius: at least the radius, and at least the geometric bound.
    return std::max(exact_floor_, GeometricBound(airport, via));
  }
  return GeometricBound(airport, via);
}

double PathSearch::GeometricBound(std::uint32_t airport, int via) {
  if (!bounds_) return 0.0;
  const std::size_t slot =
      static_cast<std::size_t>(airport) * static_cast<std::size_t>(via_layers_) +
      static_cast<std::size_t>(via);
  if (!s_.bound_known.Has(slot)) {
    const std::uint32_t target = via < via_count_ ? query_.via[static_cast<std::size_t>(via)].value
                                                  : query_.destination.value;
    s_.bound_km[slot] = arcs_.Km(airport, target) + s_.via_suffix_km[static_cast<std::size_t>(via)];
    s_.bound_known.Mark(slot);
  }
  const double km = s_.bound_km[slot];
  if (query_.objective == Objective::kDistance) return km * km_ratio_ * kBoundSlack;
  return km / max_km_per_minute_ * kBoundSlack;
}

double PathSearch::TransitWeight(const Route& route) const {
  std::int64_t minutes = route.block_minutes + ExpectedWaitMinutes(route);
  if (route.origin != query_.origin) {
    minutes += view_.network().airport(route.origin).min_connection_minutes;
  }
  return static_cast<double>(minutes);
}

double PathSearch::Tie(const Route& route) const {
  return query_.objective == Objective::kLegs ? route.distance_km : 1.0;
}

double PathSearch::PathWeight(std::span<const RouteId> routes) const {
  double sum = 0;
  for (RouteId id : routes) sum += Weight(id);
  return sum;
}

double PathSearch::PathTie(std::span<const RouteId> routes) const {
  double sum = 0;
  for (RouteId id : routes) sum += Tie(id);
  return sum;
}

void PathSearch::ClearBlocks() {
  s_.blocked_airport.Reset();
  s_.blocked_route.Reset();
  routes_blocked_ = false;
  blocked_from_ = kMixedOrigins;
  s_.blocked_airport.Mark(query_.origin.value);
}

void PathSearch::BlockRoute(RouteId route) {
  s_.blocked_route.Mark(route.value);
  const std::uint32_t from = view_.route(route).origin.value;
  blocked_from_ = !routes_blocked_ || blocked_from_ == from ? from : kMixedOrigins;
  routes_blocked_ = true;
}
void PathSearch::BlockAirport(AirportId airport) { s_.blocked_airport.Mark(airport.value); }

bool PathSearch::RouteAllowed(const Route& route) const {
  if (mode_mask_ != 0 && (mode_mask_ & (1u << static_cast<unsigned>(route.mode))) == 0) {
    return false;
  }
  if (s_.avoided_airport.Has(route.destination.value)) return false;
  for (const std::string& carrier : query_.excluded_carriers) {
    if (EqualsIgnoreCase(carrier, route.carrier)) return false;
  }
  return true;
}

int PathSearch::ViaPassed(std::span<const RouteId> routes) const {
  int passed = 0;
  for (RouteId id : routes) {
    if (passed < via_count_ &&
        view_.route(id).destination == query_.via[static_cast<std::size_t>(passed)]) {
      ++passed;
    }
  }
  return passed;
}

bool PathSearch::Loopless(std::span<const RouteId> routes) const {
  // Quadratic, but paths are short and this allocates nothing.
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const AirportId next = view_.route(routes[i]).destination;
    if (next == query_.origin) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (view_.route(routes[j]).destination == next) return false;
    }
  }
  return true;
}

Result<bool> PathSearch::UseExactBounds(double radius) {
  using Scratch = PathWorkspace::Scratch;
  if (!s_.use_bounds || via_count_ > 0) return false;
  const std::size_t airports = arcs_.airport_count();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  s_.exact_bound.assign(airports, kInf);
  s_.exact_settled.Resize(airports);
  s_.exact_settled.Reset();
  std::vector<Scratch::HeapItem>& heap = s_.reverse_heap;
  heap.clear();
  const std::uint32_t target = query_.destination.value;
  s_.exact_bound[target] = 0;
  heap.push_back({0, 0, target});
  while (!heap.empty()) {
    if (auto error = stop_.Poll()) return *error;
    std::pop_heap(heap.begin(), heap.end(), HeapGreater{});
    const std::uint32_t airport = heap.back().state;
    heap.pop_back();
    if (s_.exact_settled.Has(airport)) continue;
    const double base = s_.exact_bound[airport];
    if (base > radius) {
      // Every airport not settled yet is at least `base` away.
      exact_floor_ = base * kBoundSlack;
      exact_complete_ = false;
      exact_ = true;
      break;
    }
    s_.exact_settled.Mark(airport);
    s_.exact_bound[airport] = base * kBoundSlack;
    auto relax = [&](RouteId id, std::uint32_t from, double weight) {
      if (s_.exact_settled.Has(from)) return;
      if (filters_active_ && !RouteAllowed(view_.route(id))) return;
      if (capacity_active_ && view_.weekly_capacity_kg(id) < query_.min_capacity_kg_per_week) {
        return;
      }
      const double d = base + weight;
      if (d >= s_.exact_bound[from]) return;
      s_.exact_bound[from] = d;
      heap.push_back({d, 0, from});
      std::push_heap(heap.begin(), heap.end(), HeapGreater{});
    };
    for (const PathArc& arc : arcs_.In(airport)) {
      const RouteId id(arc.route);
      if (rules_.scenario && !view_.usable(id)) continue;
      relax(id, arc.other, ArcWeight(arc, ConnectionAt(arc.other)));
    }
    if (rules_.scenario && has_extras_) {
      for (RouteId id : view_.extra_in_routes(AirportId(airport))) {
        if (view_.usable(id)) relax(id, view_.route(id).origin.value, Weight(view_.route(id)));
      }
    }
  }
  if (!exact_) {
    exact_complete_ = true;  // settled every airport that reaches the destination
    exact_ = true;
  }
  return true;
}

Result<std::optional<std::vector<RouteId>>> PathSearch::Shortest(AirportId from, int via_passed,
                                                                 int legs_used) {
  using Scratch = PathWorkspace::Scratch;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  s_.reached.Reset();
  s_.settled.Reset();
  s_.heap.clear();
  const int start_legs = leg_layers_ > 1 ? legs_used : 0;
  if (max_legs_ > 0 && legs_used > max_legs_) return std::optional<std::vector<RouteId>>();
  const double start_bound = Bound(from.value, via_passed);
  if (start_bound == kInf) return std::optional<std::vector<RouteId>>();
  const std::uint32_t start = StateOf(from.value, via_passed, start_legs);
  s_.dist[start] = 0;
  s_.tie[start] = 0;
  s_.pred_state[start] = Scratch::kNone;
  s_.pred_route[start] = Scratch::kNone;
  s_.reached.Mark(start);
  s_.heap.push_back({start_bound, 0, start});

  const std::uint32_t per_airport = static_cast<std::uint32_t>(via_layers_ * leg_layers_);
  while (!s_.heap.empty()) {
    if (auto error = stop_.Poll()) return *error;
    std::pop_heap(s_.heap.begin(), s_.heap.end(), HeapGreater{});
    const std::uint32_t state = s_.heap.back().state;
    s_.heap.pop_back();
    if (s_.settled.Has(state)) continue;
    s_.settled.Mark(state);
    ++s_.settled_count;
    const std::uint32_t airport = state / per_airport;
    const int via = static_cast<int>((state / static_cast<std::uint32_t>(leg_layers_)) %
                                     static_cast<std::uint32_t>(via_layers_));
    const int legs = static_cast<int>(state % static_cast<std::uint32_t>(leg_layers_));
    if (airport == query_.destination.value) {
      std::size_t count = 0;
      for (std::uint32_t s = state; s_.pred_state[s] != Scratch::kNone; s = s_.pred_state[s]) {
        ++count;
      }
      std::vector<RouteId> routes(count);
      for (std::uint32_t s = state; s_.pred_state[s] != Scratch::kNone; s = s_.pred_state[s]) {
        routes[--count] = RouteId(s_.pred_route[s]);
      }
      return std::optional<std::vector<RouteId>>(std::move(routes));
    }
    if (max_legs_ > 0 && legs >= max_legs_) continue;
    const double base = s_.dist[state];
    const double base_tie = s_.tie[state];
    const int next_legs = leg_layers_ > 1 ? legs + 1 : 0;
    auto relax = [&](RouteId id, std::uint32_t next, double weight, double tie) {
      const int next_via = NextVia(next, via);
      if (next_via < 0) return;
      const std::uint32_t to = StateOf(next, next_via, next_legs);
      if (s_.settled.Has(to)) return;
      const double d = base + weight;
      const double t = base_tie + tie;
      if (s_.reached.Has(to) && (d > s_.dist[to] || (d == s_.dist[to] && t >= s_.tie[to]))) {
        return;
      }
      const double bound = Bound(next, next_via);
      if (bound == kInf || d + bound > limit_) return;
      s_.reached.Mark(to);
      s_.dist[to] = d;
      s_.tie[to] = t;
      s_.pred_state[to] = state;
      s_.pred_route[to] = id.value;
      s_.heap.push_back({d + bound, t, to});
      std::push_heap(s_.heap.begin(), s_.heap.end(), HeapGreater{});
    };
    RelaxOut(airport, relax);
  }
  return std::optional<std::vector<RouteId>>();
}

Result<bool> PathSearch::SearchAll() {
  using Scratch = PathWorkspace::Scratch;
  bounds_ = false;
  exact_ = false;
  s_.reached.Reset();
  s_.settled.Reset();
  s_.heap.clear();
  const std::size_t airports = view_.network().airports().size();
  if (s_.tied.size() < airports) s_.tied.resize(airports);
  const std::uint32_t start = query_.origin.value;
  s_.dist[start] = 0;
  s_.tie[start] = 0;
  s_.pred_state[start] = Scratch::kNone;
  s_.pred_route[start] = Scratch::kNone;
  s_.tied[start] = 0;
  s_.reached.Mark(start);
  s_.heap.push_back({0, 0, start});
  while (!s_.heap.empty()) {
    if (auto error = stop_.Poll()) return *error;
    std::pop_heap(s_.heap.begin(), s_.heap.end(), HeapGreater{});
    const std::uint32_t airport = s_.heap.back().state;
    s_.heap.pop_back();
    if (s_.settled.Has(airport)) continue;
    s_.settled.Mark(airport);
    ++s_.settled_count;
    if (s_.pred_state[airport] != Scratch::kNone)
      s_.tied[airport] |= s_.tied[s_.pred_state[airport]];
    const double base = s_.dist[airport];
    const double base_tie = s_.tie[airport];
    auto relax = [&](RouteId id, std::uint32_t next, double weight, double tie) {
      if (s_.settled.Has(next)) return;
      const double d = base + weight;
      const double t = base_tie + tie;
      if (s_.reached.Has(next)) {
        if (d > s_.dist[next] || (d == s_.dist[next] && t > s_.tie[next])) return;
        if (d == s_.dist[next] && t == s_.tie[next]) {
          // Shortest keeps the first label too; another predecessor airport makes it a tie.
          if (s_.pred_state[next] != airport) s_.tied[next] = 1;
          return;
        }
      }
      s_.reached.Mark(next);
      s_.dist[next] = d;
      s_.tie[next] = t;
      s_.pred_state[next] = airport;
      s_.pred_route[next] = id.value;
      s_.tied[next] = 0;
      s_.heap.push_back({d, t, next});
      std::push_heap(s_.heap.begin(), s_.heap.end(), HeapGreater{});
    };
    RelaxOut(airport, relax);
  }
  return true;
}

std::optional<std::vector<RouteId>> PathSearch::TreePath(AirportId airport) const {
  using Scratch = PathWorkspace::Scratch;
  const std::uint32_t state = airport.value;
  if (!s_.settled.Has(state) || s_.pred_state[state] == Scratch::kNone) return std::nullopt;
  std::size_t count = 0;
  for (std::uint32_t s = state; s_.pred_state[s] != Scratch::kNone; s = s_.pred_state[s]) ++count;
  std::vector<RouteId> routes(count);
  for (std::uint32_t s = state; s_.pred_state[s] != Scratch::kNone; s = s_.pred_state[s]) {
    routes[--count] = RouteId(s_.pred_route[s]);
  }
  return routes;
}

}  // namespace aircargo::routes
