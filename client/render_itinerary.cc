#include "client/render_itinerary.h"

#include <sstream>
#include <vector>

#include "client/labels.h"
#include "client/units.h"

namespace aircargo::client {
namespace {

// "2025-06-02 09:00 +08:00 (2025-06-02T01:00:00Z)".
std::string Both(const v1::ItineraryTime& time) { return time.local() + "  (" + time.utc() + ")"; }

void RenderItinerary(std::ostringstream& out, const v1::Itinerary& it) {
  const v1::ItineraryClearance& exp = it.export_clearance();
  const v1::ItineraryClearance& imp = it.import_clearance();
  out << "  ready             " << it.ready().airport() << "  " << Both(it.ready()) << '\n';
  out << "  export clearance  " << exp.airport() << "  until " << exp.end().local() << "  ("
      << FormatWait(exp.duration_minutes()) << ")\n";
  for (int i = 0; i < it.legs_size(); ++i) {
    const v1::ItineraryLeg& leg = it.legs(i);
    if (leg.wait_minutes() > 0) {
      out << "  >> wait " << FormatWait(leg.wait_minutes()) << " at " << leg.origin();
      if (leg.connection_minutes() > 0) {
        out << " (after the " << FormatWait(leg.connection_minutes()) << " minimum connection)";
      }
      out << '\n';
    } else if (leg.connection_minutes() > 0) {
      out << "  connect at " << leg.origin() << " (minimum " << FormatWait(leg.connection_minutes())
          << ")\n";
    }
    out << "  leg " << (i + 1) << "  " << leg.route_id() << "  " << leg.carrier() << ' '
        << leg.aircraft() << "  basis " << BasisShortLabel(leg.basis()) << "  flight date "
        << leg.flight_date() << "  block " << FormatWait(leg.block_minutes()) << '\n';
    out << "         dep " << leg.origin() << "  " << Both(leg.departure()) << '\n';
    out << "         arr " << leg.destination() << "  " << Both(leg.arrival()) << '\n';
  }
  out << "  import clearance  " << imp.airport() << "  until " << imp.end().local() << "  ("
      << FormatWait(imp.duration_minutes()) << ")\n";
  out << "  delivered         " << it.delivered().airport() << "  " << Both(it.delivered()) << '\n';
}

std::string Header(int index, const v1::Itinerary& it, bool with_deadline) {
  std::string line = "Itinerary " + std::to_string(index) + ": delivered " +
                     it.delivered().local() + " at " + it.delivered().airport() +
                     ", door to door " + FormatWait(it.door_to_door_minutes()) + ", " +
                     std::to_string(it.legs_size()) + (it.legs_size() == 1 ? " leg" : " legs");
  if (it.total_wait_minutes() > 0) line += ", waiting " + FormatWait(it.total_wait_minutes());
  if (with_deadline && !it.meets_arrive_by()) line += " (LATE for --arrive-by)";
  return line + '\n';
}

}  // namespace

std::string FormatWait(std::int64_t minutes) {
  const bool negative = minutes < 0;
  if (negative) minutes = -minutes;
  const std::int64_t days = minutes / 1440;
  const std::int64_t hours = minutes % 1440 / 60;
  const std::int64_t mins = minutes % 60;
  std::string out = negative ? "-" : "";
  auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (days > 0) {
    out += std::to_string(days) + "d";
    if (hours > 0 || mins > 0) out += " " + std::to_string(hours) + "h";
    if (mins > 0) out += " " + two(mins) + "m";
  } else if (hours > 0) {
    out += std::to_string(hours) + "h " + two(mins) + "m";
  } else {
    out += std::to_string(mins) + "m";
  }
  return out;
}

std::string ItineraryReasonName(v1::ItineraryReason reason) {
  if (reason == v1::ITINERARY_REASON_UNSPECIFIED) return "";
  const std::string name = v1::ItineraryReason_Name(reason);
  const std::string prefix = "ITINERARY_REASON_";
  return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
}

std::string RenderItineraries(const v1::PlanItineraryRequest& request,
                              const v1::PlanItineraryResponse& response) {
  std::ostringstream out;
  const bool with_deadline = response.has_arrive_by();
  out << response.ready().airport() << " -> " << request.destination() << ": ready "
      << Both(response.ready());
  if (request.shipment_kg() > 0) out << ", " << FormatTonnes(request.shipment_kg()) << " t";
  out << ", horizon " << FormatWait(response.horizon_minutes()) << '\n';
  if (with_deadline) out << "Deliver by " << Both(response.arrive_by()) << '\n';

  if (response.itineraries_size() == 0) {
    out << "\nNo itinerary: " << ItineraryReasonName(response.reason());
    if (!response.reason_detail().empty()) out << ": " << response.reason_detail();
    out << '\n';
  }
  for (int i = 0; i < response.itineraries_size(); ++i) {
    out << '\n' << Header(i + 1, response.itineraries(i), with_deadline);
    RenderItinerary(out, response.itineraries(i));
  }
  if (with_deadline) {
    if (response.has_latest_ready()) {
      const v1::ItineraryLatestReady& latest = response.latest_ready();
      out << "\nLatest hand-over at " << latest.ready().airport() << " for delivery by "
          << response.arrive_by().local() << ": " << Both(latest.ready()) << '\n';
      out << "Then: "
          << Header(1, latest.itinerary(), false).substr(std::string("Itinerary 1: ").size());
      RenderItinerary(out, latest.itinerary());
    } else {
      out << "\nNo hand-over time delivers by " << response.arrive_by().local() << ": "
          << ItineraryReasonName(response.latest_ready_reason()) << '\n';
    }
  }
  std::vector<v1::EvidenceBasis> bases;
  for (const v1::Itinerary& it : response.itineraries()) {
    for (const v1::ItineraryLeg& leg : it.legs()) bases.push_back(leg.basis());
  }
  if (response.has_latest_ready()) {
    for (const v1::ItineraryLeg& leg : response.latest_ready().itinerary().legs()) {
      bases.push_back(leg.basis());
    }
  }
  const std::string note = BasisFootnote(bases, "legs");
  if (!note.empty()) out << '\n' << note;
  if (response.skipped_routes_size() > 0) {
    out << '\n'
        << "Skipped " << response.skipped_routes_size()
        << (response.skipped_routes_size() == 1 ? " route" : " routes")
        << " whose payload per flight is below the shipment (see --json)\n";
  }
  return out.str();
}

}  // namespace aircargo::client
