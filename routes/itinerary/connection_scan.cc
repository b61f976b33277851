#include "routes/itinerary/connection_scan.h"

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <memory>
#include <queue>
#include <utility>

#include "routes/itinerary/itinerary_query.h"

namespace aircargo::routes {
namespace {

constexpr std::uint32_t kNoParent = std::numeric_limits<std::uint32_t>::max();

// A chain of flights ending in `flight`, linked to its prefix.
struct Label {
  std::uint32_t parent = kNoParent;
  std::uint32_t flight = 0;
  int legs = 1;
  std::chrono::sys_seconds first_departure;
};

using Positions = std::array<std::uint32_t, kMaxItineraryLegs>;

class LabelSet {
 public:
  explicit LabelSet(const std::vector<DatedFlight>& flights) : flights_(flights) {}

  std::uint32_t Add(Label label) {
    labels_.push_back(label);
    return static_cast<std::uint32_t>(labels_.size() - 1);
  }
  const Label& operator[](std::uint32_t i) const { return labels_[i]; }

  // The chain's flight positions, first leg first.
  Positions Chain(std::uint32_t i) const {
    Positions out{};
    int n = labels_[i].legs;
    for (std::uint32_t at = i; at != kNoParent; at = labels_[at].parent)
      out[--n] = labels_[at].flight;
    return out;
  }

  // True when the chain touches `airport` (its origin or any arrival airport).
  bool Visits(std::uint32_t i, AirportId airport) const {
    for (std::uint32_t at = i; at != kNoParent; at = labels_[at].parent) {
      const DatedFlight& f = flights_[labels_[at].flight];
      if (f.destination == airport || f.origin == airport) return true;
    }
    return false;
  }

  // The ranking among chains that end at the same flight or airport: fewer legs, later first
  // departure, then positions. Extending two chains by one flight keeps their order.
  bool Better(std::uint32_t a, std::uint32_t b) const {
    const Label& la = labels_[a];
    const Label& lb = labels_[b];
    if (la.legs != lb.legs) return la.legs < lb.legs;
    if (la.first_departure != lb.first_departure) return la.first_departure > lb.first_departure;
    const Positions ca = Chain(a);
    const Positions cb = Chain(b);
    return std::lexicographical_compare(ca.begin(), ca.begin() + la.legs, cb.begin(),
                                        cb.begin() + lb.legs);
  }

 private:
  const std::vector<DatedFlight>& flights_;
  std::vector<Label> labels_;
};

// Inserts `label` into the sorted `list`, keeping at most `cap` best entries.
template <typename Less>
void InsertCapped(std::vector<std::uint32_t>& list, std::uint32_t label, std::size_t cap,
                  const Less& less) {
  const auto at = std::upper_bound(list.begin(), list.end(), label, less);
  if (static_cast<std::size_t>(at - list.begin()) >= cap) return;
  list.insert(at, label);
  if (list.size() > cap) list.pop_back();
}

}  // namespace

struct EarliestScan::State {
  State(const std::vector<DatedFlight>& flights_in, const ScanRules& rules_in,
        std::chrono::sys_seconds ready, int k)
      : flights(flights_in),
        rules(rules_in),
        want(static_cast<std::size_t>(std::max(k, 1))),
        cap(want + 2),
        max_legs(std::clamp(rules_in.max_legs, 1, kMaxItineraryLegs)),
        first_possible(ready + rules_in.export_clearance),
        labels(flights_in),
        pool(rules_in.connection.size()) {}

  std::chrono::sys_seconds Delivered(std::uint32_t i) const {
    return flights[labels[i].flight].arrival + rules.import_clearance;
  }

  const std::vector<DatedFlight>& flights;
  const ScanRules& rules;
  const std::size_t want;
  const std::size_t cap;  // labels kept per airport and per flight
  const int max_legs;
  const std::chrono::sys_seconds first_possible;
  LabelSet labels;
  std::vector<std::vector<std::uint32_t>> pool;
  using Pending = std::pair<std::chrono::sys_seconds, std::uint32_t>;  // ready to connect, label
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending;
  std::vector<std::uint32_t> finals;
  std::vector<std::uint32_t> fresh;
  std::size_t next = 0;  // the first flight not scanned yet
  bool stopped = false;
};

EarliestScan::EarliestScan(const std::vector<DatedFlight>& flights, const ScanRules& rules,
                           std::chrono::sys_seconds ready, int k)
    : s_(std::make_unique<State>(flights, rules, ready, k)) {}

EarliestScan::~EarliestScan() = default;

bool EarliestScan::stopped() const { return s_->stopped; }

std::optional<Error> EarliestScan::Resume(StopCheck& stop) {
  State& s = *s_;
  const std::vector<DatedFlight>& flights = s.flights;
  const ScanRules& rules = s.rules;
  LabelSet& labels = s.labels;
  auto better = [&](std::uint32_t a, std::uint32_t b) { return labels.Better(a, b); };
  auto better_final = [&](std::uint32_t a, std::uint32_t b) {
    const auto da = s.Delivered(a);
    const auto db = s.Delivered(b);
    if (da != db) return da < db;
    return labels.Better(a, b);
  };

  for (; !s.stopped && s.next < flights.size(); ++s.next) {
    const std::size_t i = s.next;
    if (auto error = stop.Poll()) return *error;
    const DatedFlight& f = flights[i];
    const bool full = s.finals.size() == s.want;
    if (full && f.departure > s.Delivered(s.finals.back())) {
      s.stopped = true;  // later flights deliver later
      break;
    }
    while (!s.pending.empty() && s.pending.top().first <= f.departure) {
      const std::uint32_t label = s.pending.top().second;
      s.pending.pop();
      InsertCapped(s.pool[flights[labels[label].flight].destination.value], label, s.cap, better);
    }
    if (f.origin == rules.destination) continue;
    const bool to_destination = f.destination == rules.destination;
    if (full && f.arrival + (to_destination ? rules.import_clearance : std::chrono::minutes{0}) >
                    s.Delivered(s.finals.back())) {
      continue;  // cannot deliver before the k-th best found so far
    }
    s.fresh.clear();
    if (f.origin == rules.origin && f.departure >= s.first_possible) {
      s.fresh.push_back(labels.Add({kNoParent, static_cast<std::uint32_t>(i), 1, f.departure}));
    }
    for (std::uint32_t prev : s.pool[f.origin.value]) {
      if (s.fresh.size() >= s.cap) break;
      const Label& p = labels[prev];
      if (p.legs >= s.max_legs || labels.Visits(prev, f.destination)) continue;
      const Label next{prev, static_cast<std::uint32_t>(i), p.legs + 1, p.first_departure};
      s.fresh.push_back(labels.Add(next));
    }
    for (std::uint32_t label : s.fresh) {
      if (to_destination) {
        InsertCapped(s.finals, label, s.want, better_final);
      } else {
        s.pending.emplace(f.arrival + rules.connection[f.destination.value], label);
      }
    }
  }
  return std::nullopt;
}

std::vector<FlightChain> EarliestScan::Chains() const {
  const State& s = *s_;
  std::vector<FlightChain> chains;
  for (std::uint32_t label : s.finals) {
    const Positions positions = s.labels.Chain(label);
    FlightChain chain;
    chain.flights.assign(positions.begin(), positions.begin() + s.labels[label].legs);
    chain.delivered = s.Delivered(label);
    chains.push_back(std::move(chain));
  }
  return chains;
}

Result<std::vector<FlightChain>> ScanEarliest(const std::vector<DatedFlight>& flights,
                                              const ScanRules& rules,
                                              std::chrono::sys_seconds ready, int k,
                                              StopCheck& stop) {
  EarliestScan scan(flights, rules, ready, k);
  if (auto error = scan.Resume(stop)) return *error;
  return scan.Chains();
}

Result<std::optional<std::chrono::sys_seconds>> ScanLatestDeparture(
    const std::vector<DatedFlight>& flights, const ScanRules& rules,
    std::chrono::sys_seconds earliest_departure, std::chrono::sys_seconds deliver_by,
    StopCheck& stop) {
  const int max_legs = std::clamp(rules.max_legs, 1, kMaxItineraryLegs);
  const std::size_t width = static_cast<std::size_t>(max_legs) + 1;
  constexpr std::chrono::sys_seconds kNever = std::chrono::sys_seconds::min();
  // latest[a * width + j]: the latest departure from airport a of a chain of at most j legs that
  // delivers in time.
  std::vector<std::chrono::sys_seconds> latest(rules.connection.size() * width, kNever);
  // Flights in decreasing departure order: every flight leaving after an arrival is already seen.
  for (std::size_t i = flights.size(); i-- > 0;) {
    if (auto error = stop.Poll()) return *error;
    const DatedFlight& f = flights[i];
    if (f.origin == rules.destination || f.departure < earliest_departure) continue;
    std::chrono::sys_seconds* row = &latest[f.origin.value * width];
    if (f.destination == rules.destination) {
      if (f.arrival + rules.import_clearance > deliver_by) continue;
      for (int j = 1; j <= max_legs; ++j) row[j] = std::max(row[j], f.departure);
    } else if (f.destination != rules.origin) {
      const std::chrono::sys_seconds* next = &latest[f.destination.value * width];
      const auto connect = f.arrival + rules.connection[f.destination.value];
      for (int j = 2; j <= max_legs; ++j) {
        if (next[j - 1] != kNever && connect <= next[j - 1]) row[j] = std::max(row[j], f.departure);
      }
    }
  }
  const std::chrono::sys_seconds best = latest[rules.origin.value * width + max_legs];
  if (best == kNever) return std::optional<std::chrono::sys_seconds>{};
  return std::optional<std::chrono::sys_seconds>{best};
}

}  // namespace aircargo::routes
