// An independent time-expanded max flow / min-cost flow for the schedule capacity tests: built
// from a plain list of dated flights (instants in seconds) with std::map events and solved with
// Boost's push-relabel and successive shortest paths. It shares nothing with
// routes/capacity/schedule_network.cc: no pruning, no time filters besides the delivery rule (the
// structure alone makes early or late flights useless), flights into the origin kept.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace aircargo::routes::test {

struct PlainFlight {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::int64_t departure = 0;  // seconds (UTC)
  std::int64_t arrival = 0;
  std::int64_t kg = 0;
  std::int64_t cost = 0;  // micros per kg
};

struct PlainRules {
  std::uint32_t origin = 0;
  std::uint32_t destination = 0;
  std::int64_t ready = 0;
  std::int64_t deadline = 0;
  std::int64_t export_seconds = 0;               // at the origin
  std::vector<std::int64_t> connection_seconds;  // by airport
  std::vector<std::int64_t> import_seconds;      // by airport
};

struct OracleAnswer {
  std::int64_t max_kg = 0;
  std::int64_t plan_kg = 0;  // min(demand, max)
  double plan_cost = 0;      // exact below 2^53
};

inline OracleAnswer SolveByOracle(const std::vector<PlainFlight>& flights, const PlainRules& rules,
                                  std::int64_t demand) {
  using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using Graph = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS, boost::no_property,
      boost::property<
          boost::edge_capacity_t, std::int64_t,
          boost::property<boost::edge_residual_capacity_t, std::int64_t,
                          boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                          boost::property<boost::edge_weight_t, double>>>>>;
  constexpr std::int64_t kBig = std::int64_t{1} << 50;

  // Events: (airport, instant) -> vertex; vertex 0 is the super-source, 1 the sink.
  std::map<std::pair<std::uint32_t, std::int64_t>, int> events;
  int next = 2;
  const auto event = [&](std::uint32_t airport, std::int64_t t) {
    auto [it, fresh] = events.try_emplace({airport, t}, next);
    if (fresh) ++next;
    return it->second;
  };
  struct Arc {
    int from, to;
    std::int64_t cap;
    double cost;
  };
  std::vector<Arc> arcs;
  const int start = event(rules.origin, rules.ready + rules.export_seconds);
  for (const PlainFlight& f : flights) {
    const int tail = event(f.from, f.departure);
    if (f.to == rules.destination) {
      if (f.arrival + rules.import_seconds[f.to] <= rules.deadline) {
        arcs.push_back({tail, 1, f.kg, static_cast<double>(f.cost)});
      }
    } else {
      arcs.push_back({tail, event(f.to, f.arrival + rules.connection_seconds[f.to]), f.kg,
                      static_cast<double>(f.cost)});
    }
  }
  for (auto it = events.begin(); it != events.end(); ++it) {
    auto after = std::next(it);
    if (after != events.end() && after->first.first == it->first.first) {
      arcs.push_back({it->second, after->second, kBig, 0.0});
    }
  }

  Graph g(next);
  auto capacity = boost::get(boost::edge_capacity, g);
  auto residual = boost::get(boost::edge_residual_capacity, g);
  auto reverse = boost::get(boost::edge_reverse, g);
  auto weight = boost::get(boost::edge_weight, g);
  std::vector<Traits::edge_descriptor> forward;
  const auto add = [&](int a, int b, std::int64_t cap, double cost) {
    auto e = boost::add_edge(a, b, g).first;
    auto r = boost::add_edge(b, a, g).first;
    capacity[e] = cap;
    capacity[r] = 0;
    weight[e] = cost;
    weight[r] = -cost;
    reverse[e] = r;
    reverse[r] = e;
    forward.push_back(e);
    return e;
  };
  for (const Arc& a : arcs) add(a.from, a.to, a.cap, a.cost);
  const auto source_arc = add(0, start, kBig, 0.0);

  OracleAnswer answer;
  answer.max_kg = boost::push_relabel_max_flow(g, 0, 1);
  capacity[source_arc] = demand;
  boost::successive_shortest_path_nonnegative_weights(g, 0, 1);
  for (auto e : forward) {
    const std::int64_t flow = capacity[e] - residual[e];
    answer.plan_cost += static_cast<double>(flow) * weight[e];
  }
  answer.plan_kg = capacity[source_arc] - residual[source_arc];
  return answer;
}

}  // namespace aircargo::routes::test
