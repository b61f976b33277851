#include "routes/capacity/schedule_network.h"

#include <algorithm>
#include <limits>
#include <tuple>
#include <utility>

namespace aircargo::routes {
namespace {

using std::chrono::sys_seconds;

constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();

// A flight that passes the time rules. Times are seconds after the source event (ready + export
// clearance); every one lies in [0, deadline - start], at most 31 days.
struct Candidate {
  std::uint32_t flight = 0;    // index into the input
  std::uint32_t from = 0;      // origin airport
  std::uint32_t to = 0;        // destination airport
  std::int32_t departure = 0;  // its departure
  std::int32_t onward = 0;     // available for an onward flight at `to` (arrival + connection)
  bool delivers = false;       // lands at a destination in time: its head is the sink
  std::uint8_t reach = 0;      // bit 1: reachable from the source; bit 2: reaches the sink
};

// Sorts `items` by key with a stable counting sort per 16-bit digit (the keys here are departure
// offsets: two passes), or std::stable_sort for small inputs.
void SortByDeparture(std::vector<Candidate>& items) {
  const auto by_departure = [](const Candidate& a, const Candidate& b) {
    return a.departure < b.departure;
  };
  if (std::is_sorted(items.begin(), items.end(), by_departure)) return;
  if (items.size() < 4096) {
    std::stable_sort(items.begin(), items.end(), by_departure);
    return;
  }
  std::vector<Candidate> other(items.size());
  std::vector<std::size_t> count(std::size_t{1} << 16);
  for (int shift = 0; shift < 32; shift += 16) {
    std::fill(count.begin(), count.end(), 0);
    const auto digit = [shift](const Candidate& c) {
      return (static_cast<std::uint32_t>(c.departure) >> shift) & 0xFFFFU;
    };
    for (const Candidate& c : items) ++count[digit(c)];
    std::size_t sum = 0;
    for (std::size_t& c : count) sum += std::exchange(c, sum);
    for (const Candidate& c : items) other[count[digit(c)]++] = c;
    items.swap(other);
  }
}

// The runs of equal departure in `c` (sorted by departure), as [begin, end) pairs, and whether a
// run holds a flight available onward at its own departure instant (a zero-minute flight and
// connection): only then can a flight of the run feed another of the same run, and the run is
// scanned until nothing changes.
struct Run {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool instant = false;
};
std::vector<Run> Runs(const std::vector<Candidate>& c) {
  std::vector<Run> runs;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (i == 0 || c[i].departure != c[i - 1].departure) runs.push_back({i, i, false});
    runs.back().end = i + 1;
    runs.back().instant = runs.back().instant || (!c[i].delivers && c[i].onward <= c[i].departure);
  }
  return runs;
}

}  // namespace

Result<ScheduleNetwork> BuildScheduleNetwork(const std::vector<DatedFlight>& flights,
                                             const ScheduleRules& rules, StopCheck& stop) {
  const sys_seconds start = rules.ready + rules.export_clearance;
  const std::size_t airports =
      std::max<std::size_t>({rules.is_destination.size(), rules.connection.size(),
                             rules.import_clearance.size(), std::size_t{rules.origin.value} + 1});
  const auto is_destination = [&](AirportId a) {
    return a.value < rules.is_destination.size() && rules.is_destination[a.value];
  };
  const auto offset = [&](sys_seconds t) { return static_cast<std::int32_t>((t - start).count()); };

  // 1. Flights that fit the time rules on their own, by departure.
  std::vector<Candidate> c;
  c.reserve(flights.size());
  for (std::size_t i = 0; i < flights.size(); ++i) {
    if (auto error = stop.Poll()) return *error;
    const DatedFlight& f = flights[i];
    if (f.payload_kg <= 0 || f.departure < start || f.origin == f.destination) continue;
    if (f.destination == rules.origin || is_destination(f.origin)) continue;
    if (f.origin.value >= airports || f.destination.value >= airports) continue;
    Candidate k;
    k.flight = static_cast<std::uint32_t>(i);
    k.from = f.origin.value;
    k.to = f.destination.value;
    k.departure = offset(f.departure);
    if (is_destination(f.destination)) {
      if (f.arrival + rules.import_clearance[f.destination.value] > rules.deadline) continue;
      k.delivers = true;
      k.onward = offset(f.arrival);
    } else {
      const sys_seconds onward = f.arrival + rules.connection[f.destination.value];
      if (onward > rules.deadline) continue;
      k.onward = offset(onward);
    }
    c.push_back(k);
  }
  // By departure, then arrival, then route (the timetables' order, timetable.h), so the arcs, and
  // so the flow found, do not depend on the order the flights came in. Input from the timetables
  // is in that order already.
  const auto in_order = [&](const Candidate& a, const Candidate& b) {
    const DatedFlight& x = flights[a.flight];
    const DatedFlight& y = flights[b.flight];
    return std::tie(x.departure, x.arrival, x.route.value, a.flight) <
           std::tie(y.departure, y.arrival, y.route.value, b.flight);
  };
  const bool in_order_already = std::is_sorted(c.begin(), c.end(), in_order);
  if (!in_order_already) SortByDeparture(c);
  const std::vector<Run> runs = Runs(c);
  for (const Run& run : runs) {
    if (in_order_already || run.end - run.begin < 2) continue;
    std::sort(c.begin() + static_cast<std::ptrdiff_t>(run.begin),
              c.begin() + static_cast<std::ptrdiff_t>(run.end), in_order);
  }

  // 2. Prune, by two scans in time order (the connection scan's earliest arrival, forwards and
  // backwards): cargo can be at an airport from the first instant a reachable chain brings it
  // there, since it can wait as long as it likes; a flight is reachable when its airport is by its
  // departure. Backwards, the latest departure from an airport on a chain that reaches the sink.
  // Every arc leads forward in time (onward >= departure), so one pass in departure order sees
  // every feeder of a flight before the flight, except feeders of the same instant (the runs).
  constexpr std::int32_t kNever = std::numeric_limits<std::int32_t>::max();
  std::vector<std::int32_t> earliest(airports, kNever);
  earliest[rules.origin.value] = 0;
  for (const Run& run : runs) {
    if (auto error = stop.Poll()) return *error;
    for (bool again = true; again;) {
      again = false;
      for (std::size_t i = run.begin; i < run.end; ++i) {
        Candidate& k = c[i];
        if ((k.reach & 1) != 0 || earliest[k.from] > k.departure) continue;
        k.reach |= 1;
        if (k.delivers) continue;
        earliest[k.to] = std::min(earliest[k.to], k.onward);
        again = again || (run.instant && k.onward <= k.departure);
      }
    }
  }
  constexpr std::int32_t kNone = std::numeric_limits<std::int32_t>::min();
  std::vector<std::int32_t> latest(airports, kNone);
  for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
    if (auto error = stop.Poll()) return *error;
    for (bool again = true; again;) {
      again = false;
      for (std::size_t i = run->begin; i < run->end; ++i) {
        Candidate& k = c[i];
        if ((k.reach & 2) != 0 || !(k.delivers || k.onward <= latest[k.to])) continue;
        k.reach |= 2;
        latest[k.from] = std::max(latest[k.from], k.departure);
        again = again || run->instant;
      }
    }
  }
  std::size_t kept = 0;
  for (const Candidate& k : c) {
    if (k.reach == 3) c[kept++] = k;
  }
  c.resize(kept);

  // 3. Events per airport in time order: the departures of kept flights (already in time order)
  // and the onward instants of those that land short of a destination, bucketed by airport and
  // sorted within each bucket. At one instant arrivals come before departures (one event).
  std::vector<std::uint32_t> first_departure(airports + 1, 0);
  std::vector<std::uint32_t> first_arrival(airports + 1, 0);
  for (const Candidate& k : c) {
    ++first_departure[k.from + 1];
    if (!k.delivers) ++first_arrival[k.to + 1];
  }
  for (std::size_t a = 0; a < airports; ++a) {
    first_departure[a + 1] += first_departure[a];
    first_arrival[a + 1] += first_arrival[a];
  }
  // time << 32 | candidate index
  std::vector<std::uint64_t> departures(first_departure.back());
  std::vector<std::uint64_t> arrivals(first_arrival.back());
  const auto packed = [](std::int32_t time, std::uint32_t i) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(time)) << 32) | i;
  };
  {
    std::vector<std::uint32_t> next_departure(first_departure.begin(), first_departure.end() - 1);
    std::vector<std::uint32_t> next_arrival(first_arrival.begin(), first_arrival.end() - 1);
    for (std::uint32_t i = 0; i < c.size(); ++i) {
      departures[next_departure[c[i].from]++] = packed(c[i].departure, i);
      if (!c[i].delivers) arrivals[next_arrival[c[i].to]++] = packed(c[i].onward, i);
    }
  }

  // 4. Nodes. Consecutive events of an airport share one node unless an arrival follows a
  // departure: an event no flight arrives at is entered only over the (unlimited) ground arc from
  // its predecessor, and one no flight leaves is left only over the ground arc to its successor,
  // so contracting that arc changes no flow. A node is a run of arrivals followed by a run of
  // departures; consecutive nodes of an airport are joined by a ground arc. The origin has no
  // arrivals, so it is one node: the source.
  ScheduleNetwork out;
  // Per kept flight (in the order of c): its tail and head nodes. Apart from c, so the scattered
  // writes of the pass below hit 8 bytes a flight rather than a whole Candidate.
  std::vector<std::uint32_t> tail(c.size(), kUnset);
  std::vector<std::uint32_t> head(c.size(), kUnset);
  struct Chain {
    std::uint32_t airport = 0;
    std::uint32_t first = 0;  // nodes first, first + 1, ... in time order
    std::uint32_t size = 0;
  };
  std::vector<Chain> chains;
  std::uint32_t nodes = 0;
  std::uint32_t source = kUnset;
  for (std::uint32_t a = 0; a < airports; ++a) {
    if (auto error = stop.Poll()) return *error;
    const std::uint32_t d_end = first_departure[a + 1];
    const std::uint32_t r_end = first_arrival[a + 1];
    std::uint32_t d = first_departure[a];
    std::uint32_t r = first_arrival[a];
    if (a == rules.origin.value) {
      chains.push_back({a, nodes, 1});
      source = nodes++;
      for (; d < d_end; ++d) tail[static_cast<std::uint32_t>(departures[d])] = source;
      continue;
    }
    if (d == d_end && r == r_end) continue;
    std::sort(arrivals.begin() + r, arrivals.begin() + r_end);
    bool open = false;
    bool departs = false;
    const auto node = [&](bool arrival) {
      if (!open || (arrival && departs)) {
        if (!open) chains.push_back({a, nodes, 0});
        ++chains.back().size;
        ++nodes;
        open = true;
        departs = false;
      }
      return nodes - 1;
    };
    while (d < d_end || r < r_end) {
      // Departures are in time order already; at one instant, arrivals first.
      if (r < r_end && (d == d_end || (arrivals[r] >> 32) <= (departures[d] >> 32))) {
        head[static_cast<std::uint32_t>(arrivals[r++])] = node(true);
      } else {
        tail[static_cast<std::uint32_t>(departures[d++])] = node(false);
        departs = true;
      }
    }
  }
  const std::uint32_t sink = nodes;
  out.events = nodes;
  // Shortcuts: waiting is transitive and ground arcs are unlimited, so adding ground arcs from
  // node i to node i + 2^j of a chain (i a multiple of 2^j) changes no flow value and no min cut,
  // but any wait becomes a path of O(log chain) arcs instead of one arc per node waited through.
  // Dinic needs a phase per distinct augmenting-path length; on world hub pairs, paths that wait
  // through hundreds of nodes at a hub made thousands of phases (one pair: 11 s). About one extra
  // arc per node.
  std::size_t arc_count = c.size();
  for (const Chain& chain : chains) {
    for (std::uint32_t step = 1; step < chain.size; step *= 2) arc_count += (chain.size - 1) / step;
  }
  std::vector<FlowArcSpec> arcs;
  arcs.reserve(arc_count);
  // Ground arcs from node i to i + step of a chain, i a multiple of step.
  const auto ground = [&arcs](const Chain& chain, std::uint32_t step) {
    for (std::uint32_t i = 0; i + step < chain.size; i += step) {
      arcs.push_back({chain.first + i,
                      chain.first + i + step,
                      kUnlimitedKg,
                      0,
                      {ArcKind::kGround, chain.airport}});
    }
  };
  for (const Chain& chain : chains) ground(chain, 1);  // consecutive nodes
  for (const Chain& chain : chains) {
    for (std::uint32_t step = 2; step < chain.size; step *= 2) ground(chain, step);
  }
  out.flights.reserve(c.size());
  for (std::size_t i = 0; i < c.size(); ++i) {
    const Candidate& k = c[i];
    const DatedFlight& f = flights[k.flight];
    const std::int64_t cost = f.route.value < rules.cost_per_kg_micros.size()
                                  ? rules.cost_per_kg_micros[f.route.value]
                                  : 0;
    arcs.push_back({tail[i],
                    k.delivers ? sink : head[i],
                    f.payload_kg,
                    cost,
                    {ArcKind::kFlight, static_cast<std::uint32_t>(out.flights.size())}});
    out.flights.push_back(f);
  }
  out.network = FlowNetwork::FromArcs(nodes + 1, source, sink, arcs);
  return out;
}

}  // namespace aircargo::routes
