#include "routes/network_builder.h"

#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "routes/geo.h"
#include "routes/graph.h"
#include "routes/network_index.h"
#include "routes/paths/path_arcs.h"
#include "routes/time_zones.h"

namespace aircargo::routes {
namespace {

bool AllOf(std::string_view s, bool (*pred)(char)) {
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsUpperOrDigit(char c) { return IsUpper(c) || (c >= '0' && c <= '9'); }
bool IsIdChar(char c) {
  return IsUpperOrDigit(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '_' || c == '.';
}

bool IsIataCode(std::string_view s) { return s.size() == 3 && AllOf(s, IsUpper); }

// The path of an element's fields ("routes[5]" + "payload_kg"), spelled out only when a problem
// is reported: a valid network builds no field names at all.
class FieldPath {
 public:
  FieldPath(std::string_view list, std::size_t index) : prefix_(list), index_(index) {}
  explicit FieldPath(std::string_view prefix) : prefix_(prefix) {}

  std::string Of(std::string_view leaf) const {
    std::string out(prefix_);
    if (index_) out += "[" + std::to_string(*index_) + "]";
    out += '.';
    out += leaf;
    return out;
  }

 private:
  std::string_view prefix_;
  std::optional<std::size_t> index_;
};

// Collects violations with their field paths.
class Problems {
 public:
  void Add(std::string field, std::string message) {
    list_.push_back({std::move(field), std::move(message)});
  }
  std::size_t size() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  std::vector<FieldViolation> Take() { return std::move(list_); }

 private:
  std::vector<FieldViolation> list_;
};

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string DepartureField(std::size_t index, std::string_view leaf) {
  return "departures[" + std::to_string(index) + "]." + std::string(leaf);
}

void CheckMinutes(Problems& p, const FieldPath& at, std::string_view field, std::int32_t minutes) {
  if (minutes < 0 || minutes > kMaxGroundMinutes) {
    p.Add(at.Of(field), "must be between 0 and " + std::to_string(kMaxGroundMinutes) +
                            " minutes, got " + std::to_string(minutes));
  }
}

// IsKnownTimeZone once per distinct name: a world network has thousands of airports in a few
// hundred zones. Keys view the airports' own strings, which outlive the cache.
class TimeZoneCheck {
 public:
  bool Known(std::string_view name) {
    const auto [it, inserted] = known_.try_emplace(name, false);
    if (inserted) it->second = IsKnownTimeZone(name);
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, bool> known_;
};

void ValidateAirport(Problems& p, const FieldPath& at, const Airport& a, TimeZoneCheck& zones) {
  if (!IsIataCode(a.iata)) {
    p.Add(at.Of("iata"), "must be 3 uppercase letters, got " + Quoted(a.iata));
  }
  if (!a.icao.empty() && !(a.icao.size() == 4 && AllOf(a.icao, IsUpperOrDigit))) {
    p.Add(at.Of("icao"), "must be empty or 4 uppercase letters or digits, got " + Quoted(a.icao));
  }
  if (!(a.country.size() == 2 && AllOf(a.country, IsUpper))) {
    p.Add(at.Of("country"),
          "must be an ISO 3166-1 alpha-2 code (2 uppercase letters), got " + Quoted(a.country));
  }
  // Written so that NaN fails too.
  if (!(a.latitude_deg >= -90 && a.latitude_deg <= 90)) {
    p.Add(at.Of("latitude_deg"),
          "must be between -90 and 90, got " + std::to_string(a.latitude_deg));
  }
  if (!(a.longitude_deg >= -180 && a.longitude_deg <= 180)) {
    p.Add(at.Of("longitude_deg"),
          "must be between -180 and 180, got " + std::to_string(a.longitude_deg));
  }
  if (a.time_zone.empty()) {
    p.Add(at.Of("time_zone"), "is required (an IANA time zone such as \"Asia/Shanghai\")");
  } else if (!zones.Known(a.time_zone)) {
    p.Add(at.Of("time_zone"), "unknown IANA time zone " + Quoted(a.time_zone));
  }
  CheckMinutes(p, at, "min_connection_minutes", a.min_connection_minutes);
  CheckMinutes(p, at, "export_clearance_minutes", a.export_clearance_minutes);
  CheckMinutes(p, at, "import_clearance_minutes", a.import_clearance_minutes);
  if (a.throughput_kg_per_week < 0 || a.throughput_kg_per_week > kMaxThroughputKgPerWeek) {
    p.Add(at.Of("throughput_kg_per_week"), "must be between 0 (unlimited) and " +
                                               std::to_string(kMaxThroughputKgPerWeek) + ", got " +
                                               std::to_string(a.throughput_kg_per_week));
  }
}

// Validates one route and resolves its airports, departures and date into `out`; the caller
// moves or copies the text fields once the route is known to be sound. `find_airport(code)`
// returns std::optional<AirportId> for a valid IATA code. True when no problem was found.
template <typename AirportLookup>
bool ValidateRoute(Problems& p, const FieldPath& at, const RouteInput& r,
                   const AirportLookup& find_airport, Route& out) {
  const std::size_t problems_before = p.size();
  if (r.id.empty()) {
    p.Add(at.Of("id"), "is required");
  } else if (r.id.size() > kMaxRouteIdLength || !AllOf(r.id, IsIdChar)) {
    p.Add(at.Of("id"), "must be at most " + std::to_string(kMaxRouteIdLength) +
                           " letters, digits, '-', '_' or '.', got " + Quoted(r.id));
  }
  const auto resolve = [&](std::string_view field, const std::string& code) -> AirportId {
    if (!IsIataCode(code)) {
      p.Add(at.Of(field), "must be a 3-letter uppercase IATA code, got " + Quoted(code));
      return {};
    }
    const std::optional<AirportId> id = find_airport(code);
    if (!id) {
      p.Add(at.Of(field), "unknown airport " + Quoted(code));
      return {};
    }
    return *id;
  };
  out.origin = resolve("origin", r.origin);
  out.destination = resolve("destination", r.destination);
  if (!r.origin.empty() && r.origin == r.destination) {
    p.Add(at.Of("destination"), "must differ from origin " + Quoted(r.origin));
  }
  if (r.carrier.empty()) p.Add(at.Of("carrier"), "is required");
  if (!r.mode || !IsKnownMode(*r.mode))
    p.Add(at.Of("mode"), "is required (freighter, belly or truck)");
  if (r.payload_kg <= 0 || r.payload_kg > kMaxPayloadKg) {
    p.Add(at.Of("payload_kg"), "must be between 1 and " + std::to_string(kMaxPayloadKg) + ", got " +
                                   std::to_string(r.payload_kg));
  }
  if (r.flights_per_week < 1 || r.flights_per_week > kMaxFlightsPerWeek) {
    p.Add(at.Of("flights_per_week"), "must be between 1 and " + std::to_string(kMaxFlightsPerWeek) +
                                         ", got " + std::to_string(r.flights_per_week));
  }
  if (!r.departures.empty() && std::ssize(r.departures) != r.flights_per_week) {
    p.Add(at.Of("departures"), "has " + std::to_string(r.departures.size()) +
                                   " entries but flights_per_week is " +
                                   std::to_string(r.flights_per_week));
  }
  out.departures.clear();
  out.departures.reserve(r.departures.size());
  for (std::size_t i = 0; i < r.departures.size(); ++i) {
    const DepartureInput& d = r.departures[i];
    if (!d.weekday) {
      p.Add(at.Of(DepartureField(i, "weekday")), "is required (MONDAY..SUNDAY)");
    }
    const auto minute = ParseLocalTime(d.local_time);
    if (!minute) {
      p.Add(at.Of(DepartureField(i, "local_time")),
            "must be a local time \"HH:MM\" (00:00 to 23:59), got " + Quoted(d.local_time));
    }
    out.departures.push_back({d.weekday.value_or(Weekday::kMonday), minute.value_or(0)});
  }
  if (r.block_minutes <= 0 || r.block_minutes > kMaxBlockMinutes) {
    p.Add(at.Of("block_minutes"), "must be between 1 and " + std::to_string(kMaxBlockMinutes) +
                                      ", got " + std::to_string(r.block_minutes));
  }
  if (!(r.distance_km >= 0 && r.distance_km <= kMaxDistanceKm)) {
    p.Add(at.Of("distance_km"), "must be 0 (derive) or a distance up to " +
                                    std::to_string(static_cast<int>(kMaxDistanceKm)) + " km, got " +
                                    std::to_string(r.distance_km));
  }
  if (r.cost_per_kg_micros < 0 || r.cost_per_kg_micros > kMaxCostPerKgMicros) {
    p.Add(at.Of("cost_per_kg_micros"), "must be between 0 and " +
                                           std::to_string(kMaxCostPerKgMicros) + ", got " +
                                           std::to_string(r.cost_per_kg_micros));
  }
  if (!r.status) {
    p.Add(at.Of("status"), "is required (operating, planned or suspended)");
  }
  out.effective_from.reset();
  if (!r.effective_from.empty()) {
    out.effective_from = ParseIsoDate(r.effective_from);
    if (!out.effective_from) {
      p.Add(at.Of("effective_from"),
            "must be a date \"YYYY-MM-DD\" or empty, got " + Quoted(r.effective_from));
    }
  }
  out.effective_to.reset();
  if (!r.effective_to.empty()) {
    out.effective_to = ParseIsoDate(r.effective_to);
    if (!out.effective_to) {
      p.Add(at.Of("effective_to"),
            "must be a date \"YYYY-MM-DD\" or empty, got " + Quoted(r.effective_to));
    } else if (out.effective_from && *out.effective_to < *out.effective_from) {
      p.Add(at.Of("effective_to"), "must not be before effective_from " + Quoted(r.effective_from) +
                                       ", got " + Quoted(r.effective_to));
    }
  }
  if (r.basis < 0 || r.basis >= kEvidenceBasisCount) {
    p.Add(at.Of("basis"),
          "must be unspecified, sourced, announced, inferred, assumed, candidate or "
          "illustrative, got " +
              std::to_string(r.basis));
  }
  if (p.size() != problems_before) return false;
  out.basis = static_cast<EvidenceBasis>(r.basis);
  out.mode = *r.mode;
  out.payload_kg = r.payload_kg;
  out.flights_per_week = r.flights_per_week;
  out.block_minutes = r.block_minutes;
  out.distance_km = r.distance_km;
  out.cost_per_kg_micros = r.cost_per_kg_micros;
  out.status = *r.status;
  return true;
}

double GreatCircleKm(const Airport& a, const Airport& b) {
  return routes::GreatCircleKm(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg);
}

// Compressed rows of route ids grouped by airport, each row in route order: row a is
// ids[begin[a] .. begin[a + 1]).
void GroupRoutes(std::size_t airports, const std::vector<Route>& routes, bool by_origin,
                 std::vector<std::uint32_t>& begin, std::vector<RouteId>& ids) {
  const auto key = [by_origin](const Route& r) {
    return by_origin ? r.origin.value : r.destination.value;
  };
  begin.assign(airports + 1, 0);
  for (const Route& r : routes) ++begin[key(r) + 1];
  for (std::size_t a = 0; a < airports; ++a) begin[a + 1] += begin[a];
  std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
  ids.resize(routes.size());
  for (std::uint32_t i = 0; i < routes.size(); ++i) ids[next[key(routes[i])]++] = RouteId(i);
}

}  // namespace

Result<Route> ValidateRouteFor(const Network& network, const RouteInput& input,
                               const std::string& field) {
  Problems problems;
  Route route;
  const bool valid = ValidateRoute(
      problems, FieldPath(field), input,
      [&network](const std::string& code) { return network.FindAirport(code); }, route);
  if (!valid) {
    auto violations = problems.Take();
    Error error = InvalidArgument(violations.front().field, violations.front().message);
    if (violations.size() > 1) error.violations.assign(violations.begin() + 1, violations.end());
    return error;
  }
  route.id = input.id;
  route.carrier = input.carrier;
  route.aircraft = input.aircraft;
  route.source = input.source;
  route.tags = input.tags;
  if (route.distance_km == 0) {
    route.distance_km =
        GreatCircleKm(network.airport(route.origin), network.airport(route.destination));
  }
  return route;
}

NetworkBuilder& NetworkBuilder::SetName(std::string name) {
  name_ = std::move(name);
  return *this;
}
NetworkBuilder& NetworkBuilder::SetDescription(std::string description) {
  description_ = std::move(description);
  return *this;
}
NetworkBuilder& NetworkBuilder::SetVersion(std::int64_t version) {
  version_ = version;
  return *this;
}
NetworkBuilder& NetworkBuilder::Reserve(std::size_t airports, std::size_t routes) {
  airports_.reserve(airports);
  routes_.reserve(routes);
  return *this;
}
NetworkBuilder& NetworkBuilder::AddAirport(Airport airport) {
  airports_.push_back(std::move(airport));
  return *this;
}
NetworkBuilder& NetworkBuilder::AddRoute(RouteInput route) {
  routes_.push_back(std::move(route));
  return *this;
}

Result<std::shared_ptr<const Network>> NetworkBuilder::Build() {
  Problems problems;
  std::shared_ptr<Network> net(new Network());
  net->name_ = std::move(name_);
  net->description_ = std::move(description_);
  net->version_ = version_;

  // Airports: each valid IATA code claims its slot; other stated codes are checked for
  // duplicates too, so that every problem shows at once.
  if (airports_.empty()) problems.Add("airports", "the network has no airports");
  net->airport_by_code_.assign(network_index::kAirportCodeSlots, 0);
  std::unordered_set<std::string_view> odd_codes;
  TimeZoneCheck zones;
  for (std::size_t i = 0; i < airports_.size(); ++i) {
    const FieldPath at("airports", i);
    const Airport& airport = airports_[i];
    ValidateAirport(problems, at, airport, zones);
    bool duplicate = false;
    if (const auto slot = network_index::AirportCodeSlot(airport.iata)) {
      duplicate = net->airport_by_code_[*slot] != 0;
      if (!duplicate) net->airport_by_code_[*slot] = static_cast<std::uint32_t>(i) + 1;
    } else if (!airport.iata.empty()) {
      duplicate = !odd_codes.insert(airport.iata).second;
    }
    if (duplicate) problems.Add(at.Of("iata"), "duplicate airport " + Quoted(airport.iata));
  }
  const auto find_airport =
      [&by_code = net->airport_by_code_](const std::string& code) -> std::optional<AirportId> {
    const std::uint32_t entry = by_code[*network_index::AirportCodeSlot(code)];
    if (entry == 0) return std::nullopt;
    return AirportId(entry - 1);
  };

  // Routes: validated in place into net->routes_ (a valid network's RouteIds are its input
  // order); every stated id goes into the route table, valid route or not, to find duplicates.
  std::vector<Route>& routes = net->routes_;
  routes.resize(routes_.size());
  std::vector<std::uint32_t>& slots = net->route_slots_;
  slots.assign(network_index::RouteSlotCount(routes_.size()), 0);
  const auto input_id = [this](std::uint32_t index) -> std::string_view {
    return routes_[index].id;
  };
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const FieldPath at("routes", i);
    const RouteInput& input = routes_[i];
    Route& route = routes[i];
    ValidateRoute(problems, at, input, find_airport, route);
    if (input.id.empty()) continue;
    const std::size_t slot = network_index::FindRouteSlot(slots, input.id, input_id);
    if (slots[slot] != 0) {
      problems.Add(at.Of("id"), "duplicate route id " + Quoted(input.id));
    } else {
      slots[slot] = static_cast<std::uint32_t>(i) + 1;
    }
  }

  if (!problems.empty()) {
    airports_.clear();
    routes_.clear();
    auto violations = problems.Take();
    Error error = InvalidArgument("", "the network has " + std::to_string(violations.size()) +
                                          (violations.size() == 1 ? " problem" : " problems"));
    error.violations = std::move(violations);
    return error;
  }

  // Every route is valid: move the text over and derive missing distances.
  net->airports_ = std::move(airports_);
  for (std::size_t i = 0; i < routes.size(); ++i) {
    Route& route = routes[i];
    RouteInput& input = routes_[i];
    route.id = std::move(input.id);
    route.carrier = std::move(input.carrier);
    route.aircraft = std::move(input.aircraft);
    route.source = std::move(input.source);
    route.tags = std::move(input.tags);
    if (route.distance_km == 0) {
      route.distance_km = GreatCircleKm(net->airports_[route.origin.value],
                                        net->airports_[route.destination.value]);
    }
  }
  routes_.clear();
  airports_.clear();

  const std::size_t n = net->airports_.size();
  GroupRoutes(n, routes, /*by_origin=*/true, net->out_begin_, net->out_routes_);
  GroupRoutes(n, routes, /*by_origin=*/false, net->in_begin_, net->in_routes_);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<RouteEdge> edge_props;
  edges.reserve(routes.size());
  edge_props.reserve(routes.size());
  for (std::uint32_t i = 0; i < routes.size(); ++i) {
    edges.emplace_back(routes[i].origin.value, routes[i].destination.value);
    edge_props.push_back({RouteId(i)});
  }
  net->graph_ = std::make_shared<const RouteGraph>(boost::edges_are_unsorted_multi_pass,
                                                   edges.begin(), edges.end(), edge_props.begin(),
                                                   static_cast<std::uint32_t>(n));
  // The search index, last: it reads the airports, routes and graph above.
  net->path_arcs_ = std::make_shared<const PathArcs>(*net);
  return std::shared_ptr<const Network>(std::move(net));
}

}  // namespace aircargo::routes
