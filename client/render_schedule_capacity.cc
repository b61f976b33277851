#include "client/render_schedule_capacity.h"

#include <sstream>
#include <vector>

#include "client/labels.h"
#include "client/render_capacity.h"
#include "client/render_itinerary.h"
#include "client/table.h"
#include "client/units.h"

namespace aircargo::client {
namespace {

// The clock part of a local time "2025-06-02 09:00 +08:00" -> "06-02 09:00 +08:00".
std::string ShortLocal(const v1::ItineraryTime& time) {
  const std::string& local = time.local();
  return local.size() > 5 ? local.substr(5) : local;
}

std::string BookingTable(const google::protobuf::RepeatedPtrField<v1::FlightBooking>& bookings,
                         bool with_booked) {
  std::vector<Column> columns{{"ROUTE"},           {"DATE"}, {"FROM"}, {"DEPARTS (LOCAL)"}, {"TO"},
                              {"ARRIVES (LOCAL)"}, {"BASIS"}};
  if (with_booked) columns.push_back({"BOOKED T", Align::kRight});
  columns.push_back({"PAYLOAD T", Align::kRight});
  if (with_booked) columns.push_back({"UTILISATION", Align::kRight});
  Table table(columns);
  for (const v1::FlightBooking& b : bookings) {
    std::vector<std::string> row{b.route_id(),
                                 b.flight_date(),
                                 b.origin(),
                                 ShortLocal(b.departure()),
                                 b.destination(),
                                 ShortLocal(b.arrival()),
                                 std::string(BasisShortLabel(b.basis()))};
    if (with_booked) row.push_back(FormatTonnes(b.booked_kg()));
    row.push_back(FormatTonnes(b.payload_kg()));
    if (with_booked) row.push_back(FormatPercent(b.utilisation()));
    table.AddRow(row);
  }
  return table.Render();
}

}  // namespace

std::string ScheduleReasonName(v1::ScheduleCapacityReason reason) {
  if (reason == v1::SCHEDULE_CAPACITY_REASON_UNSPECIFIED) return "";
  const std::string name = v1::ScheduleCapacityReason_Name(reason);
  const std::string prefix = "SCHEDULE_CAPACITY_REASON_";
  return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
}

std::string RenderScheduleCapacity(const v1::ComputeScheduleCapacityResponse& response,
                                   const std::string& origin) {
  std::ostringstream out;
  std::string destinations;
  for (int i = 0; i < response.destinations_size(); ++i) {
    destinations += (i == 0 ? "" : ", ") + response.destinations(i);
  }
  out << origin << " -> " << destinations << ": " << FormatTonnes(response.max_kg())
      << " t delivered by the deadline\n";
  out << "  ready     " << response.ready().local() << " at " << response.ready().airport() << "  ("
      << response.ready().utc() << ")\n";
  out << "  deadline  " << response.deadline().local() << " at " << response.deadline().airport()
      << "  (" << response.deadline().utc() << ")\n";
  out << "  static weekly figure " << FormatTonnes(response.static_weekly_kg())
      << " t/week, prorated to the window " << FormatTonnes(response.static_window_kg())
      << " t (weekly averages, terminal limits applied)\n";
  out << "  " << FormatCount(response.flights_in_window()) << " dated flights in the window, "
      << FormatCount(response.flights_in_network()) << " can carry cargo in time\n";
  if (response.max_kg() == 0) {
    out << "\nNothing arrives in time: " << ScheduleReasonName(response.reason());
    if (!response.reason_detail().empty()) out << ": " << response.reason_detail();
    out << '\n';
  } else {
    out << "\nBooking plan (flights carrying cargo in one maximum plan):\n"
        << BookingTable(response.bookings(), true);
    out << "\nBottleneck (minimum cut): the saturated flights whose payloads add up to the "
           "maximum:\n"
        << BookingTable(response.min_cut(), false);
  }
  if (response.has_plan()) {
    const v1::ScheduleBookingPlan& plan = response.plan();
    out << "\nCheapest plan for " << FormatTonnes(plan.demand_kg()) << " t: ships "
        << FormatTonnes(plan.shipped_kg()) << " t";
    if (plan.shortfall_kg() > 0) out << ", shortfall " << FormatTonnes(plan.shortfall_kg()) << " t";
    out << ", cost " << FormatMoney(plan.total_cost_micros())
        << (plan.cost_saturated() ? " (saturated)" : "") << '\n';
    if (plan.bookings_size() > 0) out << BookingTable(plan.bookings(), true);
  }
  std::vector<v1::EvidenceBasis> bases;
  for (const v1::FlightBooking& b : response.bookings()) bases.push_back(b.basis());
  const std::string note = BasisFootnote(bases, "flights booked");
  if (!note.empty()) out << '\n' << note;
  return out.str();
}

}  // namespace aircargo::client
