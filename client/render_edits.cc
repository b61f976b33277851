#include "client/render_edits.h"

#include <google/protobuf/util/time_util.h>

#include <string>

#include "client/labels.h"

namespace aircargo::client {
namespace {

std::string Time(const google::protobuf::Timestamp& time) {
  std::string text = google::protobuf::util::TimeUtil::ToString(time);
  // Whole seconds are enough to read the log: "2026-12-01T22:50:00Z".
  const auto dot = text.find('.');
  if (dot != std::string::npos) text = text.substr(0, dot) + "Z";
  return text;
}

std::string RecordLine(const v1::EditRecord& record) {
  std::string edits;
  for (const auto& edit : record.edits()) edits += (edits.empty() ? "" : "; ") + DescribeEdit(edit);
  return "version " + std::to_string(record.version()) + "  " + Time(record.time()) + "  " +
         record.author() + "  " + edits;
}

}  // namespace

std::string RenderEditResponse(const v1::EditResponse& response, const std::string& what) {
  return what + ": network version " + std::to_string(response.network_version()) +
         (response.replayed() ? " (a retry of a write already applied)" : "") + "\n";
}

std::string DescribeEdit(const v1::NetworkEdit& edit) {
  switch (edit.edit_case()) {
    case v1::NetworkEdit::kUpsertAirport:
      return "upsert_airport " + edit.upsert_airport().airport().iata();
    case v1::NetworkEdit::kDeleteAirport:
      return "delete_airport " + edit.delete_airport().iata();
    case v1::NetworkEdit::kCreateRoute:
      return "create_route " + edit.create_route().route().id();
    case v1::NetworkEdit::kUpdateRoute: {
      std::string fields;
      for (const auto& p : edit.update_route().update_mask().paths()) {
        const auto* field = v1::Route::descriptor()->FindFieldByName(p);
        std::string value;
        if (field != nullptr && !field->is_repeated() &&
            field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
          const auto& route = edit.update_route().route();
          const auto* reflection = route.GetReflection();
          switch (field->cpp_type()) {
            case google::protobuf::FieldDescriptor::CPPTYPE_INT32:
              value = std::to_string(reflection->GetInt32(route, field));
              break;
            case google::protobuf::FieldDescriptor::CPPTYPE_INT64:
              value = std::to_string(reflection->GetInt64(route, field));
              break;
            case google::protobuf::FieldDescriptor::CPPTYPE_STRING:
              value = reflection->GetString(route, field);
              break;
            case google::protobuf::FieldDescriptor::CPPTYPE_ENUM:
              value = reflection->GetEnum(route, field)->name();
              break;
            default:
              break;
          }
        }
        fields += (fields.empty() ? "" : ", ") + p + (value.empty() ? "" : "=" + value);
      }
      return "update_route " + edit.update_route().route().id() + " (" + fields + ")";
    }
    case v1::NetworkEdit::kDeleteRoute:
      return "delete_route " + edit.delete_route().route_id();
    case v1::NetworkEdit::kSetRouteStatus:
      return "set_route_status " + edit.set_route_status().route_id() + " " +
             std::string(RouteStatusLabel(edit.set_route_status().status())) + " (\"" +
             edit.set_route_status().reason() + "\")";
    case v1::NetworkEdit::EDIT_NOT_SET:
      break;
  }
  return "(empty edit)";
}

std::string RenderHistory(const v1::ListEditsResponse& response) {
  std::string out;
  for (const auto& record : response.edits()) out += RecordLine(record) + "\n";
  if (response.edits().empty())
    out += "no edits";
  else
    out += std::to_string(response.edits_size()) + " edits";
  out += "; network version " + std::to_string(response.network_version()) +
         ", oldest kept version " + std::to_string(response.oldest_version()) + "\n";
  return out;
}

std::string RenderWatchEvent(const v1::WatchNetworkResponse& event) {
  if (event.has_change()) return RecordLine(event.change()) + "\n";
  return "heartbeat: network version " + std::to_string(event.head_version()) + "\n";
}

}  // namespace aircargo::client
