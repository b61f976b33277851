#include "routes/capacity/flow_paths.h"

#include <algorithm>
#include <limits>

namespace aircargo::routes {

Result<std::vector<FlowPath>> DecomposeFlow(const FlowNetwork& network, StopCheck& stop) {
  std::vector<std::int64_t> flow(network.pair_count());
  for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) flow[pair] = network.flow(pair);
  std::vector<FlowPath> paths;
  std::vector<std::uint32_t> next(network.node_count(), 0);  // first arc index worth trying
  std::vector<int> on_path(network.node_count(), -1);        // position of the node in `nodes`
  std::vector<std::uint32_t> arcs;
  std::vector<std::uint32_t> nodes;
  const auto next_arc = [&](std::uint32_t v) -> std::int64_t {
    const auto out = network.OutArcs(v);
    for (std::uint32_t& i = next[v]; i < out.size(); ++i) {
      if (FlowNetwork::IsForward(out[i]) && flow[out[i] >> 1] > 0) return out[i];
    }
    return -1;
  };
  for (;;) {
    arcs.clear();
    for (std::uint32_t v : nodes) on_path[v] = -1;
    nodes.assign(1, network.source());
    on_path[network.source()] = 0;
    std::uint32_t v = network.source();
    bool done = false;
    while (v != network.sink()) {
      if (auto error = stop.Poll()) return *error;
      const std::int64_t arc = next_arc(v);
      if (arc < 0) {  // conservation leaves this only at the source, once all flow is out
        done = true;
        break;
      }
      const std::uint32_t w = network.Head(static_cast<std::uint32_t>(arc));
      if (on_path[w] >= 0) {  // a cycle: cancel it and go on from w
        const auto from = static_cast<std::size_t>(on_path[w]);
        std::int64_t delta = flow[arc >> 1];
        for (std::size_t i = from; i < arcs.size(); ++i) {
          delta = std::min(delta, flow[arcs[i] >> 1]);
        }
        flow[arc >> 1] -= delta;
        for (std::size_t i = from; i < arcs.size(); ++i) flow[arcs[i] >> 1] -= delta;
        for (std::size_t i = from + 1; i < nodes.size(); ++i) on_path[nodes[i]] = -1;
        arcs.resize(from);
        nodes.resize(from + 1);
        v = w;
        continue;
      }
      arcs.push_back(static_cast<std::uint32_t>(arc));
      nodes.push_back(w);
      on_path[w] = static_cast<int>(nodes.size() - 1);
      v = w;
    }
    if (done) break;
    FlowPath path;
    path.kg = std::numeric_limits<std::int64_t>::max();
    for (std::uint32_t arc : arcs) path.kg = std::min(path.kg, flow[arc >> 1]);
    for (std::uint32_t arc : arcs) {
      flow[arc >> 1] -= path.kg;
      path.pairs.push_back(arc >> 1);
    }
    paths.push_back(std::move(path));
  }
  return paths;
}

}  // namespace aircargo::routes
