// Fuzz target: every PlannerService request, from bytes to answer: the first byte selects the RPC
// (FindPaths, PlanItinerary, ComputeCapacity, PlanFlow, AnalyzeClosures, CompareScenarios; modulo
// 6), the rest is parsed as its request message, which the handler validates, converts to the
// core's query (scenario included) and executes on the embedded Shenyang network.
#include <cstddef>
#include <cstdint>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "fuzz/service_fuzz.h"
#include "server/planner_service.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aircargo;
  using server::PlannerServiceImpl;
  if (size == 0) return 0;
  static PlannerServiceImpl service(fuzz::Snapshots());
  const std::uint8_t* body = data + 1;
  const std::size_t body_size = size - 1;
  switch (data[0] % 6) {
    case 0:
      fuzz::RunRpc<v1::FindPathsRequest, v1::FindPathsResponse>(
          service, &PlannerServiceImpl::FindPaths, body, body_size);
      break;
    case 1:
      fuzz::RunRpc<v1::PlanItineraryRequest, v1::PlanItineraryResponse>(
          service, &PlannerServiceImpl::PlanItinerary, body, body_size);
      break;
    case 2:
      fuzz::RunRpc<v1::ComputeCapacityRequest, v1::ComputeCapacityResponse>(
          service, &PlannerServiceImpl::ComputeCapacity, body, body_size);
      break;
    case 3:
      fuzz::RunRpc<v1::PlanFlowRequest, v1::PlanFlowResponse>(
          service, &PlannerServiceImpl::PlanFlow, body, body_size);
      break;
    case 4:
      fuzz::RunRpc<v1::AnalyzeClosuresRequest, v1::AnalyzeClosuresResponse>(
          service, &PlannerServiceImpl::AnalyzeClosures, body, body_size);
      break;
    default:
      fuzz::RunRpc<v1::CompareScenariosRequest, v1::CompareScenariosResponse>(
          service, &PlannerServiceImpl::CompareScenarios, body, body_size);
      break;
  }
  return 0;
}
