// FlowNetwork: the one place that turns a ScenarioView into a flow network with a residual graph.
//
// Nodes are airports; an airport with a terminal limit (throughput_kg_per_week > 0) is split into
// an "in" and an "out" node joined by a throughput arc of that capacity, so the limit binds every
// kilogram handled there (the origin's and destinations' too). Each usable route is an arc
// out(origin) -> in(destination) with its weekly capacity (kg/week, after scenario factors) and its
// cost_per_kg_micros. With several destinations a super-sink is added, fed by uncapacitated sink
// links from each destination. Arcs into the source or out of the sink are left out (they never
// carry useful flow).
//
// Arcs come in pairs: arc 2k is the forward arc of pair k, 2k+1 its reverse (residual) arc, so
// Reverse(a) == a ^ 1. Every algorithm in routes/capacity works on this residual graph; the Boost
// baselines (routes/capacity/boost_flow.h) convert it.
//
// Two ways to get one. Build / BuildForOrigin / FromArcs make a self-contained network (a pass over
// the route records). A FlowTemplate (routes/capacity/flow_template.h) lays the origin-independent
// structure out once per view, and FlowTemplate::Instantiate turns a network the caller keeps
// (FlowWorkspace::network) into a request's network by resetting only its residuals and
// capacities; there the arcs Build leaves out are present at capacity 0 (no algorithm can push on
// them or count them in a cut, so the answers are Build's), and so are sink links of the airports
// that are not destinations. A pair at capacity 0 carries nothing: callers that count pairs skip
// those. The structure (nodes, arcs, adjacency, costs, labels) is immutable and shared by copies;
// the residuals and capacities belong to each network.
//
// Thread safety: not thread safe to mutate; copies are independent (they share only the immutable
// structure). A network from a template points into it: the template must outlive its use.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "routes/ids.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::routes {

// Exact sums of kg x micros (up to 1e12 x 1e9 per route). __extension__ keeps -Wpedantic quiet.
__extension__ typedef __int128 Int128;

// Capacity of the uncapacitated sink links: above any real total (67k routes x 7e10 kg < 5e15).
inline constexpr std::int64_t kUnlimitedKg = std::numeric_limits<std::int64_t>::max() / 4;

enum class ArcKind : std::uint8_t {
  kRoute,       // a route; id = RouteId
  kThroughput,  // an airport's terminal limit; id = AirportId
  kSinkLink,    // destination -> super-sink; id = AirportId of the destination
  // Time-expanded networks (FlowNetwork::FromArcs, routes/capacity/schedule_network.h):
  kFlight,  // a dated flight; id = its index in the caller's flight list
  kGround,  // cargo waiting at an airport between two events; id = AirportId
};

struct ArcLabel {
  ArcKind kind = ArcKind::kRoute;
  std::uint32_t id = 0;
};

// One arc of a network given as a plain list (FlowNetwork::FromArcs).
struct FlowArcSpec {
  std::uint32_t tail = 0;
  std::uint32_t head = 0;
  std::int64_t capacity = 0;
  std::int64_t cost = 0;  // micros per kg, >= 0
  ArcLabel label;
};

class FlowTemplate;

class FlowNetwork {
 public:
  // An empty network (no nodes) for FlowTemplate::Instantiate to fill.
  FlowNetwork() = default;

  // Validates the endpoints: destinations non-empty (INVALID_ARGUMENT "destinations"), airports in
  // range (NOT_FOUND), origin not among the destinations (INVALID_ARGUMENT). Duplicate destinations
  // count once.
  static Result<FlowNetwork> Build(const ScenarioView& view, AirportId origin,
                                   std::span<const AirportId> destinations);

  // One network for many destinations of one origin (CompareScenarios): every usable route except
  // those into the origin, no sink yet. Call SetSink before solving; the maximum flow to a
  // destination equals that of Build(view, origin, {destination}) (arcs out of the sink never lie
  // on a shortest augmenting path, and the maximum is unique). NOT_FOUND for an origin out of
  // range.
  static Result<FlowNetwork> BuildForOrigin(const ScenarioView& view, AirportId origin);
  // A network given as nodes 0..node_count-1 and an arc list (the time-expanded schedule network):
  // no airports, so RoutePair/ThroughputPair answer -1 and InNode/OutNode must not be called. The
  // caller guarantees tails, heads, source and sink < node_count and capacities >= 0.
  static FlowNetwork FromArcs(std::uint32_t node_count, std::uint32_t source, std::uint32_t sink,
                              std::span<const FlowArcSpec> arcs);
  // Makes `destination`'s (out) node the sink; zero flow is the caller's business (ResetFlow).
  void SetSink(AirportId destination) { sink_ = out_node_[destination.value]; }

  std::uint32_t node_count() const { return node_count_; }
  std::uint32_t source() const { return source_; }
  std::uint32_t sink() const { return sink_; }
  std::uint32_t pair_count() const { return pair_count_; }
  std::uint32_t arc_count() const { return 2 * pair_count_; }

  // Arcs leaving `node` (forward and reverse), as arc indices. In a network from a template, the
  // source's and the sink's lists leave out the arcs Build has not (kept per request, in order).
  std::span<const std::uint32_t> OutArcs(std::uint32_t node) const {
    if (node == trimmed_node_[0] || node == trimmed_node_[1]) {
      const std::size_t k = node == trimmed_node_[0] ? 0 : 1;
      return {trimmed_.data() + trimmed_begin_[k], trimmed_.data() + trimmed_begin_[k + 1]};
    }
    return {adjacency_ + first_[node], adjacency_ + first_[node + 1]};
  }
  static std::uint32_t Reverse(std::uint32_t arc) { return arc ^ 1U; }
  static bool IsForward(std::uint32_t arc) { return (arc & 1U) == 0; }
  std::uint32_t Head(std::uint32_t arc) const { return head_[arc]; }
  std::uint32_t Tail(std::uint32_t arc) const { return head_[arc ^ 1U]; }
  // Cost per kg (micros); the reverse arc has the negated cost.
  std::int64_t Cost(std::uint32_t arc) const {
    return IsForward(arc) ? cost_[arc >> 1] : -cost_[arc >> 1];
  }
  std::int64_t Residual(std::uint32_t arc) const { return residual_[arc]; }
  void Push(std::uint32_t arc, std::int64_t kg) {
    residual_[arc] -= kg;
    residual_[arc ^ 1U] += kg;
    if (tracking_) Touch(arc >> 1);
  }

  // The forward arcs leaving / entering `node` with the node at their other end and their cost,
  // laid out contiguously: the min-cost flow's searches read them instead of OutArcs while no flow
  // is on the reverse arcs. Arcs at capacity 0 are included: check Residual(arc). Not trimmed
  // like OutArcs: every forward arc the source's and sink's lists leave out is at capacity 0.
  // Laid out by Build and FlowTemplate; a network from FromArcs (the time-expanded schedule
  // network, millions of arcs, solved mostly by max flow) has none: has_arc_ends() is false.
  bool has_arc_ends() const { return has_arc_ends_; }
  struct ArcEnd {
    std::uint32_t arc = 0;
    std::uint32_t node = 0;  // the head of a leaving arc, the tail of an entering one
    std::int64_t cost = 0;
  };
  std::span<const ArcEnd> ForwardArcs(std::uint32_t node) const {
    return {leaving_ + leaving_first_[node], leaving_ + leaving_first_[node + 1]};
  }
  std::span<const ArcEnd> EnteringArcs(std::uint32_t node) const {
    return {entering_ + entering_first_[node], entering_ + entering_first_[node + 1]};
  }

  // A lower bound on the cost (micros per kg) of every path from `from` to `to` over forward arcs:
  // the network's least cost per km of straight line times the chord between the two nodes'
  // airports, floored. Consistent: CostBound(s, head) <= CostBound(s, tail) + Cost(arc) for every
  // forward arc, exactly in integers, so it can guide a search (min_cost_flow.cc). 0 in a network
  // without airports (FromArcs), for the super-sink, and when some arc is free across a distance.
  std::int64_t CostBound(std::uint32_t from, std::uint32_t to) const;

  // Pair k: its label, original capacity and current flow (capacity - forward residual).
  const ArcLabel& label(std::uint32_t pair) const { return labels_[pair]; }
  std::int64_t capacity(std::uint32_t pair) const { return capacity_[pair]; }
  std::int64_t flow(std::uint32_t pair) const { return capacity_[pair] - residual_[2 * pair]; }

  // The pair of a route / an airport's throughput arc, or -1 when the network has none (in a
  // network from a template, a route Build leaves out has a pair at capacity 0).
  std::int64_t RoutePair(RouteId route) const;
  std::int64_t ThroughputPair(AirportId airport) const;
  // The in / out node of an airport (equal unless the airport is split).
  std::uint32_t InNode(AirportId airport) const { return in_node_[airport.value]; }
  std::uint32_t OutNode(AirportId airport) const { return out_node_[airport.value]; }

  // Zero flow everywhere. In a network from a template, costs what the solves since the last reset
  // touched, not a pass over every pair.
  void ResetFlow();
  // Sets a pair's flow (0..capacity); the caller keeps flow conserved.
  void SetFlow(std::uint32_t pair, std::int64_t kg) {
    residual_[2 * pair] = capacity_[pair] - kg;
    residual_[2 * pair + 1] = kg;
    if (tracking_) Touch(pair);
  }
  // Changes a pair's capacity and zeroes its flow (call ResetFlow before solving again).
  void SetCapacity(std::uint32_t pair, std::int64_t capacity);

  // The pairs carrying flow (> 0), ascending, into `pairs` (cleared first). In a network from a
  // template, costs what the solves touched.
  void PairsWithFlow(std::vector<std::uint32_t>& pairs) const;

 private:
  friend class FlowTemplate;

  // The immutable structure: shared by copies, or owned by a FlowTemplate.
  struct Layout {
    std::vector<std::uint32_t> first;      // node -> first index in adjacency (node_count + 1)
    std::vector<std::uint32_t> adjacency;  // arc indices grouped by tail
    std::vector<std::uint32_t> head;       // per arc
    std::vector<std::int64_t> cost;        // per pair
    std::vector<ArcLabel> labels;          // per pair
    std::vector<std::int64_t> route_pair;  // per route id of the view; -1 when absent
    std::vector<std::uint32_t> in_node;    // per airport
    std::vector<std::uint32_t> out_node;   // per airport
    // CostBound: per node, its airport on a sphere of the Earth's radius (km; NaN for the
    // super-sink), and the least cost per km of chord over the forward arcs (0: no bound).
    std::vector<std::array<double, 3>> position;
    double cost_per_km = 0;
    // ForwardArcs / EnteringArcs: per node, the first index (node_count + 1), and the arcs.
    std::vector<std::uint32_t> leaving_first;
    std::vector<ArcEnd> leaving;
    std::vector<std::uint32_t> entering_first;
    std::vector<ArcEnd> entering;
  };

  static FlowNetwork Assemble(const ScenarioView& view, AirportId origin,
                              const std::vector<AirportId>& targets, bool with_sink);
  // The endpoint checks of Build (and FlowTemplate::Instantiate), in the same order.
  static std::optional<Error> CheckEndpoints(const Network& network, AirportId origin,
                                             std::span<const AirportId> destinations);
  // Fills the layout's leaving and entering arc lists from the CSR adjacency.
  static void LayOutForwardArcs(Layout& layout, std::uint32_t node_count);
  // Fills layout.position and layout.cost_per_km once the nodes and pairs are laid out.
  static void SetCostBound(const Network& network, Layout& layout, std::uint32_t node_count);
  // Pair's cost per km of chord between its ends (with the 1 mm slack), once positions are set:
  // infinity without a chord or into a node without a position, 0 out of one.
  static double CostRate(const Layout& layout, std::uint32_t pair);
  // Points the accessors at `layout` (owned by owned_ or by a template).
  void Point(const Layout& layout, std::uint32_t node_count);
  // Notes a pair that differs from the template's zero flow state; gives up tracking (the next
  // reset is a full one) rather than grow the journal past the capacity it was given.
  void Touch(std::uint32_t pair) {
    if (touched_.size() < touched_.capacity()) {
      touched_.push_back(pair);
    } else {
      tracking_ = false;
    }
  }

  std::shared_ptr<const Layout> owned_;  // null when the layout belongs to a FlowTemplate
  const Layout* layout_ = nullptr;
  double cost_per_km_ = 0;  // the layout's, or a derived template's (FlowTemplate::Over)
  const std::uint32_t* first_ = nullptr;
  const std::uint32_t* adjacency_ = nullptr;
  bool has_arc_ends_ = false;
  const std::uint32_t* leaving_first_ = nullptr;
  const ArcEnd* leaving_ = nullptr;
  const std::uint32_t* entering_first_ = nullptr;
  const ArcEnd* entering_ = nullptr;
  const std::uint32_t* head_ = nullptr;
  const std::int64_t* cost_ = nullptr;
  const ArcLabel* labels_ = nullptr;
  const std::uint32_t* in_node_ = nullptr;
  const std::uint32_t* out_node_ = nullptr;
  std::uint32_t node_count_ = 0;
  std::uint32_t pair_count_ = 0;
  std::uint32_t source_ = 0;
  std::uint32_t sink_ = 0;
  std::vector<std::int64_t> residual_;  // per arc
  std::vector<std::int64_t> capacity_;  // per pair

  // From a template: which one (0: none), its capacities, and while tracking_, every pair whose
  // capacity or flow may differ from the template's (with repeats).
  // Trimmed adjacency of up to two nodes (a template's source and sink): trimmed_node_[k]'s arcs
  // are trimmed_[trimmed_begin_[k] .. trimmed_begin_[k + 1]); kNoNode when unused.
  static constexpr std::uint32_t kNoNode = 0xffffffffu;
  std::uint32_t trimmed_node_[2] = {kNoNode, kNoNode};
  std::uint32_t trimmed_begin_[3] = {0, 0, 0};
  std::vector<std::uint32_t> trimmed_;

  std::uint64_t template_id_ = 0;
  const std::int64_t* base_capacity_ = nullptr;
  bool tracking_ = false;
  std::vector<std::uint32_t> touched_;
};

}  // namespace aircargo::routes
