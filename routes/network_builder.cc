#include "routes/network_builder.h"

#include <cmath>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "routes/geo.h"
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

// Collects violations with their field paths.
class Problems {
 public:
  void Add(std::string field, std::string message) {
    list_.push_back({std::move(field), std::move(message)});
  }
  bool empty() const { return list_.empty(); }
  std::vector<FieldViolation> Take() { return std::move(list_); }

 private:
  std::vector<FieldViolation> list_;
};

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

void CheckMinutes(Problems& p, const std::string& field, std::int32_t minutes) {
  if (minutes < 0 || minutes > kMaxGroundMinutes) {
    p.Add(field, "must be between 0 and " + std::to_string(kMaxGroundMinutes) + " minutes, got " +
                     std::to_string(minutes));
  }
}

void ValidateAirport(Problems& p, const std::string& at, const Airport& a) {
  if (!IsIataCode(a.iata)) {
    p.Add(at + ".iata", "must be 3 uppercase letters, got " + Quoted(a.iata));
  }
  if (!a.icao.empty() && !(a.icao.size() == 4 && AllOf(a.icao, IsUpperOrDigit))) {
    p.Add(at + ".icao", "must be empty or 4 uppercase letters or digits, got " + Quoted(a.icao));
  }
  if (!(a.country.size() == 2 && AllOf(a.country, IsUpper))) {
    p.Add(at + ".country",
          "must be an ISO 3166-1 alpha-2 code (2 uppercase letters), got " + Quoted(a.country));
  }
  // Written so that NaN fails too.
  if (!(a.latitude_deg >= -90 && a.latitude_deg <= 90)) {
    p.Add(at + ".latitude_deg",
          "must be between -90 and 90, got " + std::to_string(a.latitude_deg));
  }
  if (!(a.longitude_deg >= -180 && a.longitude_deg <= 180)) {
    p.Add(at + ".longitude_deg",
          "must be between -180 and 180, got " + std::to_string(a.longitude_deg));
  }
  if (a.time_zone.empty()) {
    p.Add(at + ".time_zone", "is required (an IANA time zone such as \"Asia/Shanghai\")");
  } else if (!IsKnownTimeZone(a.time_zone)) {
    p.Add(at + ".time_zone", "unknown IANA time zone " + Quoted(a.time_zone));
  }
  CheckMinutes(p, at + ".min_connection_minutes", a.min_connection_minutes);
  CheckMinutes(p, at + ".export_clearance_minutes", a.export_clearance_minutes);
  CheckMinutes(p, at + ".import_clearance_minutes", a.import_clearance_minutes);
  if (a.throughput_kg_per_week < 0 || a.throughput_kg_per_week > kMaxThroughputKgPerWeek) {
    p.Add(at + ".throughput_kg_per_week", "must be between 0 (unlimited) and " +
                                              std::to_string(kMaxThroughputKgPerWeek) + ", got " +
                                              std::to_string(a.throughput_kg_per_week));
  }
}

// Validates one route and, when it is sound, resolves it into `out`.
using AirportLookup = std::function<std::optional<AirportId>(const std::string&)>;

bool ValidateRoute(Problems& p, const std::string& at, const RouteInput& r,
                   const AirportLookup& find_airport, Route& out) {
  Problems local;
  if (r.id.empty()) {
    local.Add(at + ".id", "is required");
  } else if (r.id.size() > kMaxRouteIdLength || !AllOf(r.id, IsIdChar)) {
    local.Add(at + ".id", "must be at most " + std::to_string(kMaxRouteIdLength) +
                              " letters, digits, '-', '_' or '.', got " + Quoted(r.id));
  }
  const auto resolve = [&](const std::string& field, const std::string& code) -> AirportId {
    if (!IsIataCode(code)) {
      local.Add(at + "." + field, "must be a 3-letter uppercase IATA code, got " + Quoted(code));
      return {};
    }
    const auto id = find_airport(code);
    if (!id) {
      local.Add(at + "." + field, "unknown airport " + Quoted(code));
      return {};
    }
    return *id;
  };
  out.origin = resolve("origin", r.origin);
  out.destination = resolve("destination", r.destination);
  if (!r.origin.empty() && r.origin == r.destination) {
    local.Add(at + ".destination", "must differ from origin " + Quoted(r.origin));
  }
  if (r.carrier.empty()) local.Add(at + ".carrier", "is required");
  if (r.mode < 1 || r.mode > 3) local.Add(at + ".mode", "is required (freighter, belly or truck)");
  if (r.payload_kg <= 0 || r.payload_kg > kMaxPayloadKg) {
    local.Add(at + ".payload_kg", "must be between 1 and " + std::to_string(kMaxPayloadKg) +
                                      ", got " + std::to_string(r.payload_kg));
  }
  if (r.flights_per_week < 1 || r.flights_per_week > kMaxFlightsPerWeek) {
    local.Add(at + ".flights_per_week", "must be between 1 and " +
                                            std::to_string(kMaxFlightsPerWeek) + ", got " +
                                            std::to_string(r.flights_per_week));
  }
  if (!r.departures.empty() && std::ssize(r.departures) != r.flights_per_week) {
    local.Add(at + ".departures", "has " + std::to_string(r.departures.size()) +
                                      " entries but flights_per_week is " +
                                      std::to_string(r.flights_per_week));
  }
  out.departures.clear();
  for (std::size_t i = 0; i < r.departures.size(); ++i) {
    const std::string d_at = at + ".departures[" + std::to_string(i) + "]";
    const DepartureInput& d = r.departures[i];
    if (d.weekday < 1 || d.weekday > 7)
      local.Add(d_at + ".weekday", "is required (MONDAY..SUNDAY)");
    const auto minute = ParseLocalTime(d.local_time);
    if (!minute) {
      local.Add(d_at + ".local_time",
                "must be a local time \"HH:MM\" (00:00 to 23:59), got " + Quoted(d.local_time));
    }
    out.departures.push_back({static_cast<Weekday>(d.weekday), minute.value_or(0)});
  }
  if (r.block_minutes <= 0 || r.block_minutes > kMaxBlockMinutes) {
    local.Add(at + ".block_minutes", "must be between 1 and " + std::to_string(kMaxBlockMinutes) +
                                         ", got " + std::to_string(r.block_minutes));
  }
  if (!(r.distance_km >= 0 && r.distance_km <= kMaxDistanceKm)) {
    local.Add(at + ".distance_km", "must be 0 (derive) or a distance up to " +
                                       std::to_string(static_cast<int>(kMaxDistanceKm)) +
                                       " km, got " + std::to_string(r.distance_km));
  }
  if (r.cost_per_kg_micros < 0 || r.cost_per_kg_micros > kMaxCostPerKgMicros) {
    local.Add(at + ".cost_per_kg_micros", "must be between 0 and " +
                                              std::to_string(kMaxCostPerKgMicros) + ", got " +
                                              std::to_string(r.cost_per_kg_micros));
  }
  if (r.status < 1 || r.status > 3) {
    local.Add(at + ".status", "is required (operating, planned or suspended)");
  }
  out.effective_from.reset();
  if (!r.effective_from.empty()) {
    out.effective_from = ParseIsoDate(r.effective_from);
    if (!out.effective_from) {
      local.Add(at + ".effective_from",
                "must be a date \"YYYY-MM-DD\" or empty, got " + Quoted(r.effective_from));
    }
  }
  const bool ok = local.empty();
  for (auto& v : local.Take()) p.Add(std::move(v.field), std::move(v.message));
  if (!ok) return false;
  out.id = r.id;
  out.carrier = r.carrier;
  out.mode = static_cast<Mode>(r.mode);
  out.aircraft = r.aircraft;
  out.payload_kg = r.payload_kg;
  out.flights_per_week = r.flights_per_week;
  out.block_minutes = r.block_minutes;
  out.distance_km = r.distance_km;
  out.cost_per_kg_micros = r.cost_per_kg_micros;
  out.status = static_cast<RouteStatus>(r.status);
  out.source = r.source;
  out.tags = r.tags;
  return true;
}

double GreatCircleKm(const Airport& a, const Airport& b) {
  return routes::GreatCircleKm(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg);
}

}  // namespace

Result<Route> ValidateRouteFor(const Network& network, const RouteInput& input,
                               const std::string& field) {
  Problems problems;
  Route route;
  const bool valid = ValidateRoute(
      problems, field, input,
      [&network](const std::string& code) { return network.FindAirport(code); }, route);
  if (!valid) {
    auto violations = problems.Take();
    Error error = InvalidArgument(violations.front().field, violations.front().message);
    if (violations.size() > 1) error.violations.assign(violations.begin() + 1, violations.end());
    return error;
  }
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

  if (airports_.empty()) problems.Add("airports", "the network has no airports");
  for (std::size_t i = 0; i < airports_.size(); ++i) {
    const std::string at = "airports[" + std::to_string(i) + "]";
    ValidateAirport(problems, at, airports_[i]);
    const auto id = AirportId(static_cast<std::uint32_t>(i));
    if (!airports_[i].iata.empty() && !net->airport_index_.emplace(airports_[i].iata, id).second) {
      problems.Add(at + ".iata", "duplicate airport " + Quoted(airports_[i].iata));
    }
  }
  net->airports_ = std::move(airports_);

  net->routes_.reserve(routes_.size());
  std::unordered_set<std::string> seen_ids;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const std::string at = "routes[" + std::to_string(i) + "]";
    Route route;
    const bool valid = ValidateRoute(
        problems, at, routes_[i],
        [&index = net->airport_index_](const std::string& code) -> std::optional<AirportId> {
          const auto it = index.find(code);
          if (it == index.end()) return std::nullopt;
          return it->second;
        },
        route);
    // Duplicates are checked on every stated id, valid route or not, so all problems show at once.
    const std::string& stated_id = routes_[i].id;
    const bool duplicate = !stated_id.empty() && !seen_ids.insert(stated_id).second;
    if (duplicate) problems.Add(at + ".id", "duplicate route id " + Quoted(stated_id));
    if (!valid || duplicate) continue;
    const auto id = RouteId(static_cast<std::uint32_t>(net->routes_.size()));
    net->route_index_.emplace(route.id, id);
    if (route.distance_km == 0) {
      route.distance_km = GreatCircleKm(net->airports_[route.origin.value],
                                        net->airports_[route.destination.value]);
    }
    net->routes_.push_back(std::move(route));
  }
  routes_.clear();

  if (!problems.empty()) {
    auto violations = problems.Take();
    Error error = InvalidArgument("", "the network has " + std::to_string(violations.size()) +
                                          (violations.size() == 1 ? " problem" : " problems"));
    error.violations = std::move(violations);
    return error;
  }

  const std::size_t n = net->airports_.size();
  net->outbound_.resize(n);
  net->inbound_.resize(n);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<RouteEdge> edge_props;
  edges.reserve(net->routes_.size());
  edge_props.reserve(net->routes_.size());
  for (std::uint32_t i = 0; i < net->routes_.size(); ++i) {
    const Route& r = net->routes_[i];
    net->outbound_[r.origin.value].push_back(RouteId(i));
    net->inbound_[r.destination.value].push_back(RouteId(i));
    edges.emplace_back(r.origin.value, r.destination.value);
    edge_props.push_back({RouteId(i)});
  }
  net->graph_ = Graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(),
                      edge_props.begin(), static_cast<std::uint32_t>(n));
  return std::shared_ptr<const Network>(std::move(net));
}

}  // namespace aircargo::routes
