// Fuzz target: every NetworkService request: the first byte selects the RPC (GetNetwork,
// ListAirports, GetAirport, ListRoutes; modulo 4), the rest is parsed as its request message and
// answered from the embedded Shenyang network.
#include <cstddef>
#include <cstdint>

#include "aircargo/v1/network_service.grpc.pb.h"
#include "fuzz/service_fuzz.h"
#include "server/network_service.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aircargo;
  using server::NetworkServiceImpl;
  if (size == 0) return 0;
  static NetworkServiceImpl service(fuzz::Snapshots());
  const std::uint8_t* body = data + 1;
  const std::size_t body_size = size - 1;
  switch (data[0] % 4) {
    case 0:
      fuzz::RunRpc<v1::GetNetworkRequest, v1::GetNetworkResponse>(
          service, &NetworkServiceImpl::GetNetwork, body, body_size);
      break;
    case 1:
      fuzz::RunRpc<v1::ListAirportsRequest, v1::ListAirportsResponse>(
          service, &NetworkServiceImpl::ListAirports, body, body_size);
      break;
    case 2:
      fuzz::RunRpc<v1::GetAirportRequest, v1::GetAirportResponse>(
          service, &NetworkServiceImpl::GetAirport, body, body_size);
      break;
    default:
      fuzz::RunRpc<v1::ListRoutesRequest, v1::ListRoutesResponse>(
          service, &NetworkServiceImpl::ListRoutes, body, body_size);
      break;
  }
  return 0;
}
