// FlowTemplate: the origin-independent layout of a view's flow network, laid out once so that a
// request's residual network is a reset of buffers the caller already owns, not a pass over the
// route records.
//
// It holds what FlowNetwork::Build would produce for any origin and destinations of the view:
// the nodes (an airport with a terminal limit split into in and out nodes), the throughput pairs
// in airport order, one arc pair for every usable route (self-loops aside) in route id order, one
// sink link per airport (airport order) into a reserved super-sink node, the CSR adjacency, costs,
// labels and the route -> pair map. Instantiate then gives a FlowNetwork the request's residuals:
// every capacity as in the template, the arcs Build leaves out for this request (routes into the
// source, and with one destination routes out of the sink) at capacity 0, and with several
// destinations their sink links enabled (kUnlimitedKg); the source's and the sink's own arc lists
// are trimmed to Build's (kept in the network, so a hub endpoint does not rescan its dead arcs in
// every phase). Arcs at capacity 0 carry nothing and are
// never in a cut, and the arcs that remain keep Build's relative order at every node, so max flow,
// min cut, min-cost flow and path decompositions answer exactly as on Build's network
// (tests/routes/capacity/flow_template_test.cc checks it against Build and Boost).
//
// The network the caller passes (usually FlowWorkspace::network) keeps its buffers: when it was
// last instantiated from the same template and its change journal is complete, only the pairs the
// previous request disabled, enabled or pushed flow on are restored; otherwise the residuals are
// copied in full (no allocation once the buffers have grown to the network's size).
//
// Lifetime: the view must outlive the template, and the template every network instantiated from
// it (the networks point into its arrays). aircargod keeps one per shared view
// (server/scenario_views.h), built on first use and dropped with the view.
//
// Thread safety: immutable after construction; any number of threads may Instantiate from one
// template at once, each into its own FlowNetwork.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "routes/capacity/flow_network.h"
#include "routes/ids.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::routes {

class FlowTemplate {
 public:
  // One pass over the view's routes (about what one FlowNetwork::Build costs).
  explicit FlowTemplate(const ScenarioView& view);
  // The template of `view` as a delta over `base`: base's layout, shared (no pass over the route
  // records), with `view`'s capacities; the routes `view` leaves out keep their arcs at capacity 0,
  // which carry nothing and are never in a cut, so every answer is the one a template of its own
  // would give (tests/routes/capacity/flow_template_test.cc). Null unless
  // view.UsesOnlyRoutesOf(base.view()) (same network and routes, nothing usable that base's view
  // cannot use). `base` may be dropped before the result; its view may not (the layout's route ids
  // are its).
  static std::unique_ptr<const FlowTemplate> Over(const FlowTemplate& base,
                                                  const ScenarioView& view);
  FlowTemplate(const FlowTemplate&) = delete;
  FlowTemplate& operator=(const FlowTemplate&) = delete;

  const ScenarioView& view() const { return *view_; }
  // True when both lay out one shared structure (one derived from the other, or from one base).
  bool SharesLayoutWith(const FlowTemplate& other) const { return layout_ == other.layout_; }
  std::uint32_t node_count() const { return node_count_; }
  std::uint32_t pair_count() const { return static_cast<std::uint32_t>(capacity_.size()); }

  // `network` becomes the residual network of FlowNetwork::Build(view, origin, destinations), at
  // zero flow. Errors are Build's (same codes, fields and messages); `network` is unchanged then.
  std::optional<Error> Instantiate(AirportId origin, std::span<const AirportId> destinations,
                                   FlowNetwork& network) const;
  // As FlowNetwork::BuildForOrigin (no sink until SetSink). NOT_FOUND for an origin out of range.
  std::optional<Error> InstantiateForOrigin(AirportId origin, FlowNetwork& network) const;

 private:
  FlowTemplate(const FlowTemplate& base, const ScenarioView& view);
  // Zero flow and the template's capacities, by the journal when it can.
  void Reset(FlowNetwork& network) const;
  // Capacity 0 for the routes into `node` (reverse route arcs leaving it) or out of it, and
  // `node`'s list of arcs without them (and without disabled sink links) as trimmed list `k`.
  void DisableRoutes(FlowNetwork& network, std::uint32_t node, bool into, std::size_t k) const;

  const ScenarioView* view_;
  std::uint64_t id_;  // unique per template, so a network knows whose journal it holds
  std::shared_ptr<const FlowNetwork::Layout> layout_;  // shared by the templates derived from it
  std::vector<std::int64_t> capacity_;                 // per pair; sink links 0
  double cost_per_km_ = 0;  // CostBound's rate over the arcs with capacity (the layout's, or more)
  std::int64_t rate_pair_ = -1;  // a pair whose cost per km of chord is that rate; -1: none
  std::uint32_t node_count_ = 0;
  std::uint32_t super_sink_ = 0;
  std::uint32_t first_sink_link_ = 0;  // the pair of airport 0's sink link
  std::uint32_t journal_limit_ = 0;
};

}  // namespace aircargo::routes
