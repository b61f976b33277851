// Derived data never outlives its snapshot (issue 13): on the OpenFlights world network with a
// seeded weekly schedule (skipped when /work/shared/data/openflights is absent, a failure under
// CI=true), every planning RPC is asked once so that whatever aircargod derives and shares per
// snapshot (the shared scenario views, their flow and path indexes, timetables, the compute slots'
// workspaces) is built and warm; then one write changes the network (a route of the answers is
// deleted, another's payload grows by half, a new route opens), and every RPC is asked again. Each
// answer after the swap must equal, byte for byte, the answer of a fresh server started from
// scratch on the edited network (the network the write made, built independently with
// ApplyNetworkEdits): nothing derived from the old snapshot may leak into an answer about the new
// one.
#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"
#include "bench/world_schedule.h"
#include "formats/network_edits.h"
#include "server/server.h"
#include "tests/shared_data.h"

namespace aircargo::server {
namespace {

using google::protobuf::Message;
using google::protobuf::util::MessageDifferencer;

// One planning call: its name and how to make it on a stub (fills `response`).
struct Call {
  std::string name;
  std::function<grpc::Status(v1::PlannerService::Stub&, Message*)> run;
  std::function<std::unique_ptr<Message>()> make_response;
};

template <typename Request, typename Response>
Call MakeCall(std::string name, Request request,
              grpc::Status (v1::PlannerService::Stub::*method)(grpc::ClientContext*, const Request&,
                                                               Response*)) {
  return Call{std::move(name),
              [request, method](v1::PlannerService::Stub& stub, Message* response) {
                grpc::ClientContext context;
                return (stub.*method)(&context, request, static_cast<Response*>(response));
              },
              [] { return std::make_unique<Response>(); }};
}

std::shared_ptr<grpc::Channel> Channel(Server& server) {
  return server.grpc_server().InProcessChannel(grpc::ChannelArguments());
}

std::unique_ptr<Server> StartServer(std::shared_ptr<const routes::Network> network) {
  std::string error;
  // The answers are the point, not the compute budget: a loaded machine must not turn a slow
  // answer into RESOURCE_EXHAUSTED.
  ServerOptions options{.listen = "", .threads = 2};
  options.compute_budget = std::chrono::minutes(10);
  auto server = Server::Start(std::move(network), options, &error);
  EXPECT_NE(server, nullptr) << error;
  return server;
}

// Every planning RPC on a few pairs of the world network, at fixed times (no "now").
std::vector<Call> PlanningCalls() {
  std::vector<Call> calls;
  for (const auto& [origin, destination] :
       std::vector<std::pair<std::string, std::string>>{{"PEK", "JFK"}, {"SHE", "FRA"}}) {
    v1::FindPathsRequest paths;
    paths.set_origin(origin);
    paths.set_destination(destination);
    paths.set_k(3);
    calls.push_back(MakeCall("FindPaths " + origin + "-" + destination, paths,
                             &v1::PlannerService::Stub::FindPaths));
    paths.set_objective(v1::PATH_OBJECTIVE_TRANSIT_TIME);
    paths.set_k(1);
    paths.mutable_scenario()->set_include_planned(true);
    calls.push_back(MakeCall("FindPaths transit, planned " + origin + "-" + destination, paths,
                             &v1::PlannerService::Stub::FindPaths));

    v1::ComputeCapacityRequest capacity;
    capacity.set_origin(origin);
    capacity.add_destinations(destination);
    calls.push_back(MakeCall("ComputeCapacity " + origin + "-" + destination, capacity,
                             &v1::PlannerService::Stub::ComputeCapacity));

    v1::PlanFlowRequest flow;
    flow.set_origin(origin);
    flow.add_destinations(destination);
    flow.set_demand_kg_per_week(20'000);
    calls.push_back(MakeCall("PlanFlow " + origin + "-" + destination, flow,
                             &v1::PlannerService::Stub::PlanFlow));

    v1::PlanItineraryRequest itinerary;
    itinerary.set_origin(origin);
    itinerary.set_destination(destination);
    itinerary.set_ready_time("2025-06-02T01:00:00Z");
    itinerary.set_k(2);
    calls.push_back(MakeCall("PlanItinerary " + origin + "-" + destination, itinerary,
                             &v1::PlannerService::Stub::PlanItinerary));
  }

  v1::ComputeCapacityRequest several;
  several.set_origin("PEK");
  for (const char* d : {"JFK", "ORD", "LAX"}) several.add_destinations(d);
  calls.push_back(MakeCall("ComputeCapacity PEK-3 destinations", several,
                           &v1::PlannerService::Stub::ComputeCapacity));

  v1::AnalyzeClosuresRequest closures;
  closures.set_origin("SHE");
  closures.add_destinations("FRA");
  closures.set_limit(5);
  calls.push_back(
      MakeCall("AnalyzeClosures SHE-FRA", closures, &v1::PlannerService::Stub::AnalyzeClosures));

  // Six destinations of one origin: CompareScenarios shares one flow network and one-to-all
  // searches per origin and scenario.
  v1::CompareScenariosRequest compare;
  compare.mutable_alternative()->set_include_planned(true);
  for (const char* d : {"FRA", "JFK", "ICN", "NRT", "LHR", "ORD"}) {
    auto* pair = compare.add_pairs();
    pair->set_origin("PEK");
    pair->set_destination(d);
  }
  calls.push_back(MakeCall("CompareScenarios PEK-6 destinations", compare,
                           &v1::PlannerService::Stub::CompareScenarios));

  v1::PlanDemandRequest demand;
  for (const char* d : {"JFK", "FRA"}) {
    auto* one = demand.add_demands();
    one->set_origin("PEK");
    one->set_destination(d);
    one->set_kg_per_week(200'000);
  }
  calls.push_back(
      MakeCall("PlanDemand PEK-2 destinations", demand, &v1::PlannerService::Stub::PlanDemand));

  v1::ComputeScheduleCapacityRequest schedule;
  schedule.set_origin("SHE");
  schedule.add_destinations("ICN");
  schedule.set_ready_time("2025-06-02T00:00:00Z");
  schedule.set_deadline_time("2025-06-02T12:00:00Z");
  schedule.set_demand_kg(10'000);
  calls.push_back(MakeCall("ComputeScheduleCapacity SHE-ICN", schedule,
                           &v1::PlannerService::Stub::ComputeScheduleCapacity));
  return calls;
}

struct Answer {
  grpc::StatusCode code = grpc::StatusCode::OK;
  std::string message;
  std::unique_ptr<Message> response;
};

std::vector<Answer> Ask(Server& server, const std::vector<Call>& calls) {
  auto stub = v1::PlannerService::NewStub(Channel(server));
  std::vector<Answer> answers;
  for (const Call& call : calls) {
    Answer answer;
    answer.response = call.make_response();
    const grpc::Status status = call.run(*stub, answer.response.get());
    answer.code = status.error_code();
    answer.message = status.error_message();
    EXPECT_TRUE(status.ok()) << call.name << ": " << status.error_message();
    answers.push_back(std::move(answer));
  }
  return answers;
}

// The edits: delete the first route of PEK -> JFK's shortest path, give the first other route of
// its alternatives half as much payload again, and open a new route SHE -> JFK.
google::protobuf::RepeatedPtrField<v1::NetworkEdit> Edits(const routes::Network& network,
                                                          const v1::FindPathsResponse& pek_jfk) {
  google::protobuf::RepeatedPtrField<v1::NetworkEdit> edits;
  const std::string& deleted = pek_jfk.paths(0).legs(0).route_id();
  edits.Add()->mutable_delete_route()->set_route_id(deleted);
  std::string more;
  for (const auto& path : pek_jfk.paths()) {
    for (const auto& leg : path.legs()) {
      if (more.empty() && leg.route_id() != deleted) more = leg.route_id();
    }
  }
  if (const auto id = network.FindRoute(more)) {
    auto* update = edits.Add()->mutable_update_route();
    update->mutable_route()->set_id(more);
    update->mutable_route()->set_payload_kg(network.route(*id).payload_kg * 3 / 2);
    update->mutable_update_mask()->add_paths("payload_kg");
  }
  auto* route = edits.Add()->mutable_create_route()->mutable_route();
  route->set_id("SHE-JFK-TEST");
  route->set_origin("SHE");
  route->set_destination("JFK");
  route->set_carrier("ZZ");
  route->set_mode(v1::MODE_FREIGHTER);
  route->set_aircraft("B777F");
  route->set_payload_kg(100'000);
  route->set_flights_per_week(3);
  route->set_block_minutes(800);
  route->set_cost_per_kg_micros(2'500'000);
  route->set_status(v1::ROUTE_STATUS_OPERATING);
  route->set_source("snapshot_swap_test");
  for (const v1::Weekday day : {v1::MONDAY, v1::WEDNESDAY, v1::FRIDAY}) {
    auto* departure = route->add_departures();
    departure->set_weekday(day);
    departure->set_local_time("02:00");
  }
  return edits;
}

TEST(SnapshotSwapTest, EveryPlanningAnswerAfterAWriteEqualsAFreshServersOnTheEditedNetwork) {
  AIRCARGO_REQUIRE_SHARED_FILE(std::string(AIRCARGO_OPENFLIGHTS_DIR) + "/routes.dat");
  const std::shared_ptr<const routes::Network> world = bench::WorldWithSeededSchedule();
  ASSERT_NE(world, nullptr);
  const std::vector<Call> calls = PlanningCalls();

  // Warm every per-snapshot structure.
  auto server = StartServer(world);
  ASSERT_NE(server, nullptr);
  const std::vector<Answer> before = Ask(*server, calls);
  ASSERT_TRUE(before.at(0).response);

  const auto edits =
      Edits(*world, static_cast<const v1::FindPathsResponse&>(*before.at(0).response));
  ASSERT_EQ(edits.size(), 3) << "a delete, an update and a create";
  v1::ApplyEditsRequest write;
  write.mutable_write()->set_expected_version(world->version());
  *write.mutable_edits() = edits;
  v1::EditResponse written;
  grpc::ClientContext context;
  const grpc::Status status =
      v1::NetworkEditService::NewStub(Channel(*server))->ApplyEdits(&context, write, &written);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(written.network_version(), world->version() + 1);

  auto edited = formats::ApplyNetworkEdits(*world, edits, formats::EditPaths(edits, true),
                                           world->version() + 1);
  ASSERT_TRUE(edited.ok()) << edited.error().ToString();
  auto fresh = StartServer(*edited);
  ASSERT_NE(fresh, nullptr);

  const std::vector<Answer> after = Ask(*server, calls);
  const std::vector<Answer> expected = Ask(*fresh, calls);
  int changed = 0;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    SCOPED_TRACE(calls[i].name);
    ASSERT_EQ(after[i].code, expected[i].code) << after[i].message;
    EXPECT_EQ(after[i].message, expected[i].message);
    std::string difference;
    MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&difference);
    EXPECT_TRUE(differencer.Compare(*expected[i].response, *after[i].response)) << difference;
    // The same question before the write, with the version set to the new one: did it change?
    std::unique_ptr<Message> old(before[i].response->New());
    old->CopyFrom(*before[i].response);
    const auto* version = old->GetDescriptor()->FindFieldByName("network_version");
    ASSERT_NE(version, nullptr);
    old->GetReflection()->SetInt64(old.get(), version, written.network_version());
    if (!MessageDifferencer::Equals(*old, *after[i].response)) ++changed;
  }
  // The write must have changed answers, or the comparison above proves nothing.
  EXPECT_GE(changed, 4) << "answers changed by the write";
}

}  // namespace
}  // namespace aircargo::server
