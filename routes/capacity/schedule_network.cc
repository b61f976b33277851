#include "routes/capacity/schedule_network.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <utility>

namespace aircargo::routes {
namespace {

using std::chrono::sys_seconds;

struct Event {
  std::uint32_t airport = 0;
  sys_seconds time;
};

// Sorts (key, value) pairs by key: LSD radix sort on the bits the largest key uses, 11 bits a
// pass (the keys of a world week need three or four passes; std::sort took twice as long).
void SortByKey(std::vector<std::pair<std::uint64_t, std::uint32_t>>& items) {
  if (items.size() < 4096) {  // small networks: the buckets would cost more than the sort
    std::sort(items.begin(), items.end());
    return;
  }
  std::uint64_t largest = 0;
  for (const auto& item : items) largest = std::max(largest, item.first);
  constexpr int kBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> other(items.size());
  std::vector<std::size_t> count(kBuckets);
  for (int shift = 0; shift < 64 && (largest >> shift) != 0; shift += kBits) {
    std::fill(count.begin(), count.end(), 0);
    for (const auto& item : items) ++count[(item.first >> shift) & (kBuckets - 1)];
    std::size_t sum = 0;
    for (std::size_t& c : count) sum += std::exchange(c, sum);
    for (const auto& item : items) other[count[(item.first >> shift) & (kBuckets - 1)]++] = item;
    items.swap(other);
  }
}

// A flight that passes the time rules, with its event nodes (head == sink when it delivers).
struct Candidate {
  std::size_t flight = 0;
  std::uint32_t tail = 0;
  std::uint32_t head = 0;
};

// Marks the nodes reachable from `start` over `arcs` (grouped by first node in CSR form) and the
// ground arcs (node -> node + step while the airport stays the same).
Result<std::vector<bool>> Reach(std::uint32_t start, std::uint32_t nodes,
                                const std::vector<std::uint32_t>& first,
                                const std::vector<std::uint32_t>& other,
                                const std::vector<Event>& events, bool forward, StopCheck& stop) {
  std::vector<bool> seen(nodes, false);
  std::vector<std::uint32_t> stack{start};
  seen[start] = true;
  const auto visit = [&](std::uint32_t v) {
    if (!seen[v]) {
      seen[v] = true;
      stack.push_back(v);
    }
  };
  const auto events_count = static_cast<std::uint32_t>(events.size());
  while (!stack.empty()) {
    if (auto error = stop.Poll()) return *error;
    const std::uint32_t v = stack.back();
    stack.pop_back();
    for (std::uint32_t i = first[v]; i < first[v + 1]; ++i) visit(other[i]);
    if (v >= events_count) continue;  // the sink has no ground arcs
    if (forward && v + 1 < events_count && events[v + 1].airport == events[v].airport) visit(v + 1);
    if (!forward && v > 0 && events[v - 1].airport == events[v].airport) visit(v - 1);
  }
  return seen;
}

// CSR of the candidate arcs grouped by tail (forward) or head (backward).
void Group(const std::vector<Candidate>& arcs, std::uint32_t nodes, bool by_tail,
           std::vector<std::uint32_t>& first, std::vector<std::uint32_t>& other) {
  first.assign(nodes + 1, 0);
  for (const Candidate& c : arcs) ++first[(by_tail ? c.tail : c.head) + 1];
  for (std::uint32_t v = 0; v < nodes; ++v) first[v + 1] += first[v];
  other.resize(arcs.size());
  std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
  for (const Candidate& c : arcs) {
    other[next[by_tail ? c.tail : c.head]++] = by_tail ? c.head : c.tail;
  }
}

}  // namespace

Result<ScheduleNetwork> BuildScheduleNetwork(const std::vector<DatedFlight>& flights,
                                             const ScheduleRules& rules, StopCheck& stop) {
  const sys_seconds start = rules.ready + rules.export_clearance;
  const auto is_destination = [&](AirportId a) {
    return a.value < rules.is_destination.size() && rules.is_destination[a.value];
  };

  // 1. Flights that fit the time rules, and their events. Every event time lies in [start,
  // deadline] (31 days at most: 22 bits), so (airport, seconds after start) packs into one 64-bit
  // key; the keys are sorted with a back reference to the candidate end they belong to, and
  // numbered in one pass (no binary search per flight: those were cache misses on a world-sized
  // event list).
  constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();
  const auto span =
      static_cast<std::uint64_t>(std::max<std::int64_t>((rules.deadline - start).count(), 0));
  const int time_bits = static_cast<int>(std::bit_width(span));  // at most 22 for 31 days
  const auto key = [&](std::uint32_t airport, sys_seconds time) {
    return (static_cast<std::uint64_t>(airport) << time_bits) |
           static_cast<std::uint64_t>((time - start).count());
  };
  std::vector<Candidate> candidates;
  // (key, reference): reference 2k = the tail of candidate k, 2k + 1 its head, kUnset the source.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> ends{
      {key(rules.origin.value, start), kUnset}};
  ends.reserve(2 * flights.size() + 1);
  candidates.reserve(flights.size());
  for (std::size_t i = 0; i < flights.size(); ++i) {
    if (auto error = stop.Poll()) return *error;
    const DatedFlight& f = flights[i];
    if (f.payload_kg <= 0 || f.departure < start || f.origin == f.destination) continue;
    if (f.destination == rules.origin || is_destination(f.origin)) continue;
    const auto k = static_cast<std::uint32_t>(candidates.size());
    if (is_destination(f.destination)) {
      if (f.arrival + rules.import_clearance[f.destination.value] > rules.deadline) continue;
    } else {
      const sys_seconds ready_onward = f.arrival + rules.connection[f.destination.value];
      if (ready_onward > rules.deadline) continue;
      ends.push_back({key(f.destination.value, ready_onward), 2 * k + 1});
    }
    ends.push_back({key(f.origin.value, f.departure), 2 * k});
    candidates.push_back({i, kUnset, kUnset});
  }
  SortByKey(ends);
  std::vector<Event> events;
  std::uint32_t source = 0;
  for (std::size_t i = 0; i < ends.size(); ++i) {
    if (i == 0 || ends[i].first != ends[i - 1].first) {
      events.push_back({static_cast<std::uint32_t>(ends[i].first >> time_bits),
                        start + std::chrono::seconds{static_cast<std::int64_t>(
                                    ends[i].first & ((std::uint64_t{1} << time_bits) - 1))}});
    }
    const auto v = static_cast<std::uint32_t>(events.size() - 1);
    const std::uint32_t ref = ends[i].second;
    if (ref == kUnset) {
      source = v;
    } else if ((ref & 1U) != 0) {
      candidates[ref >> 1].head = v;
    } else {
      candidates[ref >> 1].tail = v;
    }
  }
  const auto event_count = static_cast<std::uint32_t>(events.size());
  const std::uint32_t sink = event_count;
  for (Candidate& c : candidates) {
    if (c.head == kUnset) c.head = sink;  // it lands at a destination
  }

  // 2. Prune: keep events reachable from the source and able to reach the sink.
  std::vector<std::uint32_t> first;
  std::vector<std::uint32_t> other;
  Group(candidates, event_count + 1, true, first, other);
  auto forward = Reach(source, event_count + 1, first, other, events, true, stop);
  if (!forward.ok()) return forward.error();
  Group(candidates, event_count + 1, false, first, other);
  auto backward = Reach(sink, event_count + 1, first, other, events, false, stop);
  if (!backward.ok()) return backward.error();
  const auto kept_event = [&](std::uint32_t v) {
    return v == source || ((*forward)[v] && (*backward)[v]);
  };
  const auto kept_flight = [&](const Candidate& c) {
    return (*forward)[c.tail] && (*backward)[c.head];
  };
  // Per kept event: bit 1 when a kept flight arrives there, bit 2 when one departs.
  std::vector<std::uint8_t> use(event_count, 0);
  for (const Candidate& c : candidates) {
    if (!kept_flight(c)) continue;
    use[c.tail] |= 2;
    if (c.head != sink) use[c.head] |= 1;
  }

  // 3. The flow network. Consecutive kept events of an airport share one node unless an arrival
  // follows a departure: an event no flight arrives at is entered only over the (unlimited) ground
  // arc from its predecessor, and one no flight leaves is left only over the ground arc to its
  // successor, so contracting that arc changes no flow. A node is a run of arrivals followed by a
  // run of departures; consecutive nodes of an airport are joined by a ground arc.
  ScheduleNetwork out;
  std::vector<FlowArcSpec> arcs;
  arcs.reserve(event_count + candidates.size());
  std::vector<std::uint32_t> node(event_count + 1, 0);
  std::uint32_t nodes = 0;
  bool open = false;     // a node of this airport is open
  bool departs = false;  // a kept flight leaves the open node
  struct Chain {
    std::uint32_t airport = 0;
    std::uint32_t first = 0;  // nodes first, first + 1, ... in time order
    std::uint32_t size = 0;
  };
  std::vector<Chain> chains;
  for (std::uint32_t v = 0; v < event_count; ++v) {
    if (v > 0 && events[v].airport != events[v - 1].airport) open = false;
    if (!kept_event(v)) continue;
    if (!open || ((use[v] & 1) != 0 && departs)) {
      if (open) {
        arcs.push_back({nodes - 1, nodes, kUnlimitedKg, 0, {ArcKind::kGround, events[v].airport}});
      } else {
        chains.push_back({events[v].airport, nodes, 0});
      }
      ++chains.back().size;
      ++nodes;
      open = true;
      departs = false;
    }
    node[v] = nodes - 1;
    departs = departs || (use[v] & 2) != 0;
  }
  node[sink] = nodes;
  out.events = nodes;
  // Shortcuts: waiting is transitive and ground arcs are unlimited, so adding ground arcs from
  // node i to node i + 2^j of a chain (i a multiple of 2^j) changes no flow value and no min cut,
  // but any wait becomes a path of O(log chain) arcs instead of one arc per node waited through.
  // Dinic needs a phase per distinct augmenting-path length; on world hub pairs, paths that wait
  // through hundreds of nodes at a hub made thousands of phases (one pair: 11 s). About one extra
  // arc per node.
  for (const Chain& chain : chains) {
    for (std::uint32_t step = 2; step < chain.size; step *= 2) {
      for (std::uint32_t i = 0; i + step < chain.size; i += step) {
        arcs.push_back({chain.first + i,
                        chain.first + i + step,
                        kUnlimitedKg,
                        0,
                        {ArcKind::kGround, chain.airport}});
      }
    }
  }
  for (const Candidate& c : candidates) {
    if (!kept_flight(c)) continue;
    const DatedFlight& f = flights[c.flight];
    const std::int64_t cost = f.route.value < rules.cost_per_kg_micros.size()
                                  ? rules.cost_per_kg_micros[f.route.value]
                                  : 0;
    arcs.push_back({node[c.tail],
                    node[c.head],
                    f.payload_kg,
                    cost,
                    {ArcKind::kFlight, static_cast<std::uint32_t>(out.flights.size())}});
    out.flights.push_back(f);
  }
  out.network = FlowNetwork::FromArcs(nodes + 1, node[source], nodes, arcs);
  return out;
}

}  // namespace aircargo::routes
