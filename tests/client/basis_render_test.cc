// Every planning answer shows the evidence basis of each leg (a short BASIS column) and a one-line
// footnote when it rests on anything weaker than announced; the network summary splits capacity
// by basis; compare says how many of the routes it adds are candidates.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "client/labels.h"
#include "client/render_capacity.h"
#include "client/render_compare.h"
#include "client/render_itinerary.h"
#include "client/render_network.h"
#include "client/render_paths.h"

namespace aircargo::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(BasisLabels, EveryLevelHasAShortAndALongLabel) {
  const std::vector<std::pair<v1::EvidenceBasis, std::string>> expected = {
      {v1::EVIDENCE_BASIS_SOURCED, "src"},    {v1::EVIDENCE_BASIS_ANNOUNCED, "ann"},
      {v1::EVIDENCE_BASIS_INFERRED, "inf"},   {v1::EVIDENCE_BASIS_ASSUMED, "asm"},
      {v1::EVIDENCE_BASIS_CANDIDATE, "cand"}, {v1::EVIDENCE_BASIS_ILLUSTRATIVE, "illus"},
      {v1::EVIDENCE_BASIS_UNSPECIFIED, "-"},
  };
  EXPECT_EQ(static_cast<int>(expected.size()), v1::EvidenceBasis_descriptor()->value_count());
  for (const auto& [basis, short_label] : expected) {
    EXPECT_EQ(BasisShortLabel(basis), short_label);
    // The long label is the enum name's tail in lower case.
    std::string name = v1::EvidenceBasis_Name(basis).substr(std::string("EVIDENCE_BASIS_").size());
    for (char& c : name) c = static_cast<char>(c - 'A' + 'a');
    EXPECT_EQ(BasisLabel(basis), basis == v1::EVIDENCE_BASIS_UNSPECIFIED ? "-" : name);
  }
  EXPECT_EQ(BasisShortLabel(static_cast<v1::EvidenceBasis>(42)), "?");
}

TEST(BasisFootnote, SaysHowManyItemsRestOnWeakEvidenceAndOnWhich) {
  EXPECT_EQ(BasisFootnote({v1::EVIDENCE_BASIS_SOURCED, v1::EVIDENCE_BASIS_ANNOUNCED}, "legs"), "");
  EXPECT_EQ(BasisFootnote({}, "legs"), "");
  EXPECT_EQ(BasisFootnote({v1::EVIDENCE_BASIS_ILLUSTRATIVE, v1::EVIDENCE_BASIS_SOURCED,
                           v1::EVIDENCE_BASIS_ASSUMED, v1::EVIDENCE_BASIS_ILLUSTRATIVE,
                           v1::EVIDENCE_BASIS_UNSPECIFIED},
                          "legs"),
            "Note: 4 of 5 legs rest on evidence weaker than announced (1 asm, 2 illus, 1 not "
            "stated); levels: docs/data.md\n");
}

v1::FindPathsResponse TwoLegPath() {
  v1::FindPathsResponse response;
  v1::PathPlan* plan = response.add_paths();
  v1::PathLeg* first = plan->add_legs();
  first->set_route_id("SHE-ICN-CZ");
  first->set_origin("SHE");
  first->set_destination("ICN");
  first->set_basis(v1::EVIDENCE_BASIS_SOURCED);
  v1::PathLeg* second = plan->add_legs();
  second->set_route_id("ICN-LAX-KE");
  second->set_origin("ICN");
  second->set_destination("LAX");
  second->set_basis(v1::EVIDENCE_BASIS_ILLUSTRATIVE);
  plan->set_leg_count(2);
  return response;
}

TEST(PathsRender, ShowsEachLegsBasisAndTheFootnote) {
  const std::string text = RenderPaths(TwoLegPath(), "SHE", "LAX");
  EXPECT_THAT(text, HasSubstr("basis"));
  EXPECT_THAT(text, HasSubstr(" src "));
  EXPECT_THAT(text, HasSubstr(" illus "));
  EXPECT_THAT(text,
              HasSubstr("Note: 1 of 2 legs rest on evidence weaker than announced (1 illus)"));
  v1::FindPathsResponse strong = TwoLegPath();
  strong.mutable_paths(0)->mutable_legs(1)->set_basis(v1::EVIDENCE_BASIS_ANNOUNCED);
  EXPECT_THAT(RenderPaths(strong, "SHE", "LAX"), Not(HasSubstr("Note:")));
}

TEST(CapacityRender, ShowsTheBasisOfCutRoutesAndFlowsWithTheFootnote) {
  v1::ComputeCapacityResponse response;
  response.set_max_flow_kg_per_week(100'000);
  v1::Bottleneck* cut = response.add_min_cut();
  cut->set_kind(v1::CAPACITY_ELEMENT_KIND_ROUTE);
  cut->set_route_id("SHE-MIA-CA");
  cut->set_capacity_kg_per_week(100'000);
  cut->set_basis(v1::EVIDENCE_BASIS_ANNOUNCED);
  v1::RouteFlow* flow = response.add_route_flows();
  flow->set_route_id("MIA-BOG-AV");
  flow->set_flow_kg_per_week(100'000);
  flow->set_capacity_kg_per_week(178'500);
  flow->set_basis(v1::EVIDENCE_BASIS_ILLUSTRATIVE);
  const std::string text = RenderCapacity(response, "SHE");
  EXPECT_THAT(text, HasSubstr("BASIS"));
  EXPECT_THAT(text, HasSubstr("SHE-MIA-CA  "));
  EXPECT_THAT(text, HasSubstr(" ann "));
  EXPECT_THAT(text, HasSubstr(" illus "));
  EXPECT_THAT(text, HasSubstr("Note: 1 of 1 routes carrying flow rest on evidence weaker than "
                              "announced (1 illus)"));
}

TEST(FlowRender, ListsTheBasisOfEveryRouteOfAPath) {
  v1::PlanFlowResponse response;
  response.set_demand_kg_per_week(10'000);
  response.set_shipped_kg_per_week(10'000);
  v1::PlannedPath* path = response.add_paths();
  path->add_airports("SHE");
  path->add_airports("ICN");
  path->add_airports("LAX");
  path->add_route_ids("SHE-ICN-CZ");
  path->add_route_ids("ICN-LAX-KE");
  path->add_bases(v1::EVIDENCE_BASIS_SOURCED);
  path->add_bases(v1::EVIDENCE_BASIS_ILLUSTRATIVE);
  EXPECT_THAT(RenderFlowPlan(response, "SHE"), HasSubstr("src,illus"));
}

TEST(ItineraryRender, ShowsEachLegsBasisAndTheFootnote) {
  v1::PlanItineraryRequest request;
  request.set_destination("YVR");
  v1::PlanItineraryResponse response;
  v1::ItineraryLeg* leg = response.add_itineraries()->add_legs();
  leg->set_route_id("SHE-YVR-W8");
  leg->set_basis(v1::EVIDENCE_BASIS_ASSUMED);
  const std::string text = RenderItineraries(request, response);
  EXPECT_THAT(text, HasSubstr("SHE-YVR-W8"));
  EXPECT_THAT(text, HasSubstr("basis asm"));
  EXPECT_THAT(text, HasSubstr("Note: 1 of 1 legs rest on evidence weaker than announced (1 asm)"));
}

TEST(NetworkRender, SplitsOperatingAndPlannedCapacityByBasis) {
  v1::GetNetworkResponse response;
  v1::NetworkSummary* s = response.mutable_summary();
  s->mutable_operating()->set_route_count(3);
  s->mutable_operating()->set_weekly_capacity_kg(1'000'000);
  v1::BasisTotals* src = s->add_operating_by_basis();
  src->set_basis(v1::EVIDENCE_BASIS_SOURCED);
  src->set_route_count(1);
  src->set_weekly_capacity_kg(250'000);
  v1::BasisTotals* illus = s->add_operating_by_basis();
  illus->set_basis(v1::EVIDENCE_BASIS_ILLUSTRATIVE);
  illus->set_route_count(2);
  illus->set_weekly_capacity_kg(750'000);
  const std::string text = RenderNetworkSummary(response);
  EXPECT_THAT(text, HasSubstr("src 1 250.0 t (25.0 %); illus 2 750.0 t (75.0 %)"));
  EXPECT_THAT(text, HasSubstr("Note: 2 of 3 operating routes rest on evidence weaker than "
                              "announced (2 illus)"));
}

TEST(CompareRender, LabelsTheBasisColumnAndCountsTheCandidatesItAdds) {
  v1::CompareScenariosResponse response;
  v1::PairComparison* p = response.add_pairs();
  p->set_origin("SHE");
  p->set_destination("OVB");
  p->mutable_alternative()->set_reachable(true);
  p->mutable_alternative()->set_weakest_basis(v1::EVIDENCE_BASIS_CANDIDATE);
  p->set_newly_reachable(true);
  v1::BasisTotals* ann = response.add_added_routes_by_basis();
  ann->set_basis(v1::EVIDENCE_BASIS_ANNOUNCED);
  ann->set_route_count(2);
  ann->set_weekly_capacity_kg(100'000);
  v1::BasisTotals* cand = response.add_added_routes_by_basis();
  cand->set_basis(v1::EVIDENCE_BASIS_CANDIDATE);
  cand->set_route_count(14);
  cand->set_weekly_capacity_kg(900'000);
  const std::string text = RenderComparison(response, "today", "+planned");
  EXPECT_THAT(text, HasSubstr("BASIS +planned"));
  EXPECT_THAT(text, HasSubstr(" cand "));
  EXPECT_THAT(text, HasSubstr("The +planned scenario adds 16 routes (2 ann, 14 cand), 1,000.0 "
                              "t/week; 14 of them are candidates (no flight announced)"));
  EXPECT_THAT(text, HasSubstr("Note: 1 of 1 reachable pairs (+planned, weakest leg) rest on"));
}

}  // namespace
}  // namespace aircargo::client
