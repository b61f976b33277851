#include "server/convert.h"

#include <string>

#include "formats/network_proto.h"
#include "routes/calendar.h"

namespace aircargo::server {

grpc::StatusCode ToStatusCode(routes::ErrorCode code) {
  switch (code) {
    case routes::ErrorCode::kInvalidArgument:
      return grpc::StatusCode::INVALID_ARGUMENT;
    case routes::ErrorCode::kNotFound:
      return grpc::StatusCode::NOT_FOUND;
    case routes::ErrorCode::kFailedPrecondition:
      return grpc::StatusCode::FAILED_PRECONDITION;
    case routes::ErrorCode::kResourceExhausted:
      return grpc::StatusCode::RESOURCE_EXHAUSTED;
    case routes::ErrorCode::kDeadlineExceeded:
      return grpc::StatusCode::DEADLINE_EXCEEDED;
    case routes::ErrorCode::kCancelled:
      return grpc::StatusCode::CANCELLED;
    case routes::ErrorCode::kInternal:
      return grpc::StatusCode::INTERNAL;
    case routes::ErrorCode::kAborted:
      return grpc::StatusCode::ABORTED;
    case routes::ErrorCode::kOutOfRange:
      return grpc::StatusCode::OUT_OF_RANGE;
    case routes::ErrorCode::kUnauthenticated:
      return grpc::StatusCode::UNAUTHENTICATED;
    case routes::ErrorCode::kUnavailable:
      return grpc::StatusCode::UNAVAILABLE;
    case routes::ErrorCode::kAlreadyExists:
      return grpc::StatusCode::ALREADY_EXISTS;
  }
  return grpc::StatusCode::INTERNAL;
}

grpc::Status ToStatus(const routes::Error& error) {
  return grpc::Status(ToStatusCode(error.code), error.ToString());
}

grpc::Status ToStatus(const routes::Error& error, std::chrono::milliseconds compute_budget,
                      bool budget_set_the_deadline) {
  if (error.code == routes::ErrorCode::kDeadlineExceeded && budget_set_the_deadline) {
    return ToStatus(routes::MakeError(
        routes::ErrorCode::kResourceExhausted, "compute",
        "the request needed more than the server's compute budget of " +
            std::to_string(compute_budget.count()) +
            " ms; narrow it (fewer destinations or pairs, a closer origin, more constraints)"));
  }
  return ToStatus(error);
}

grpc::Status InternalErrorStatus(std::uint64_t request_id) {
  return ToStatus(routes::MakeError(routes::ErrorCode::kInternal, "",
                                    "internal error (request id " + std::to_string(request_id) +
                                        "); the server log has the details"));
}

v1::NetworkSummary ToProto(const routes::NetworkSummary& s) {
  v1::NetworkSummary out;
  out.set_airport_count(s.airport_count);
  out.set_route_count(s.route_count);
  const auto totals = [](const routes::StatusTotals& t, v1::StatusTotals* p) {
    p->set_route_count(t.route_count);
    p->set_weekly_capacity_kg(t.weekly_capacity_kg);
  };
  totals(s.operating, out.mutable_operating());
  totals(s.planned, out.mutable_planned());
  totals(s.suspended, out.mutable_suspended());
  totals(s.ended, out.mutable_ended());
  if (s.as_of) out.set_as_of(routes::FormatIsoDate(*s.as_of));
  const auto by_basis = [](const auto& split, auto* list) {
    for (std::size_t b = 0; b < split.size(); ++b) {
      if (split[b].route_count == 0) continue;
      v1::BasisTotals* t = list->Add();
      t->set_basis(formats::ToProto(static_cast<routes::EvidenceBasis>(b)));
      t->set_route_count(split[b].route_count);
      t->set_weekly_capacity_kg(split[b].weekly_capacity_kg);
    }
  };
  by_basis(s.operating_by_basis, out.mutable_operating_by_basis());
  by_basis(s.planned_by_basis, out.mutable_planned_by_basis());
  out.set_carrier_count(s.carrier_count);
  out.set_country_count(s.country_count);
  return out;
}

}  // namespace aircargo::server
