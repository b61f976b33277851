#include "formats/network_edits.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/field_mask_util.h>

#include <charconv>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "formats/network_proto.h"
#include "routes/ascii.h"

namespace aircargo::formats {
namespace {

using google::protobuf::FieldMask;
using google::protobuf::util::FieldMaskUtil;

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// One airport or route of the network being edited: where it came from, for error paths.
template <typename Message>
struct Element {
  Message message;
  std::string path;  // the request path of the edit that last wrote it; empty: untouched
  bool deleted = false;
};

// Applies the edits to lists of elements, collecting problems that need no rebuild to find.
class Editor {
 public:
  Editor(v1::Network&& base) {
    name_ = base.name();
    description_ = base.description();
    for (v1::Airport& a : *base.mutable_airports()) {
      airport_index_[a.iata()] = airports_.size();
      airports_.push_back({std::move(a), "", false});
    }
    for (v1::Route& r : *base.mutable_routes()) {
      route_index_[r.id()] = routes_.size();
      routes_.push_back({std::move(r), "", false});
    }
  }

  void Apply(const v1::NetworkEdit& edit, const std::string& path) {
    switch (edit.edit_case()) {
      case v1::NetworkEdit::kUpsertAirport:
        return Upsert(edit.upsert_airport(), path);
      case v1::NetworkEdit::kDeleteAirport:
        return Delete(edit.delete_airport(), path);
      case v1::NetworkEdit::kCreateRoute:
        return Create(edit.create_route(), path);
      case v1::NetworkEdit::kUpdateRoute:
        return Update(edit.update_route(), path);
      case v1::NetworkEdit::kDeleteRoute:
        return Delete(edit.delete_route(), path);
      case v1::NetworkEdit::kSetRouteStatus:
        return SetStatus(edit.set_route_status(), path);
      case v1::NetworkEdit::EDIT_NOT_SET:
        return Add(path,
                   "names no edit (set one of upsert_airport, delete_airport, create_route, "
                   "update_route, delete_route, set_route_status)");
    }
    Add(path, "unknown edit kind " + std::to_string(edit.edit_case()));
  }

  // The edited network as a message, and the path of each element for mapping build problems.
  v1::Network Take(std::int64_t version, std::vector<std::string>* airport_paths,
                   std::vector<std::string>* route_paths) {
    v1::Network out;
    out.set_name(name_);
    out.set_description(description_);
    out.set_version(version);
    for (auto& a : airports_) {
      if (a.deleted) continue;
      airport_paths->push_back(a.path.empty() ? "" : a.path + ".airport");
      *out.add_airports() = std::move(a.message);
    }
    for (auto& r : routes_) {
      if (r.deleted) continue;
      route_paths->push_back(r.path.empty() ? "" : r.path + ".route");
      *out.add_routes() = std::move(r.message);
    }
    return out;
  }

  std::vector<routes::FieldViolation>& problems() { return problems_; }
  // The edit that deleted airport `iata`, if one did.
  const std::string* DeletedBy(const std::string& iata) const {
    const auto it = deleted_airports_.find(iata);
    return it == deleted_airports_.end() ? nullptr : &it->second;
  }

 private:
  void Add(std::string field, std::string message) {
    problems_.push_back({std::move(field), std::move(message)});
  }

  Element<v1::Route>* FindRoute(const std::string& id) {
    const auto it = route_index_.find(id);
    if (it == route_index_.end() || routes_[it->second].deleted) return nullptr;
    return &routes_[it->second];
  }
  Element<v1::Route>* ExistingRoute(const std::string& id, const std::string& field) {
    if (id.empty()) {
      Add(field, "required: the id of the route");
      return nullptr;
    }
    Element<v1::Route>* route = FindRoute(id);
    if (route == nullptr) Add(field, "no route " + Quoted(id) + " in the network");
    return route;
  }

  void Upsert(const v1::UpsertAirport& edit, const std::string& path) {
    if (!edit.has_airport()) return Add(path + ".airport", "required");
    v1::Airport airport = edit.airport();
    // Codes are case-insensitive in requests; the network holds them in uppercase.
    airport.set_iata(routes::ToUpperAscii(airport.iata()));
    deleted_airports_.erase(airport.iata());
    const auto it = airport_index_.find(airport.iata());
    if (it != airport_index_.end()) {
      airports_[it->second] = {std::move(airport), path, false};
      return;
    }
    airport_index_[airport.iata()] = airports_.size();
    airports_.push_back({std::move(airport), path, false});
  }

  void Delete(const v1::DeleteAirport& edit, const std::string& path) {
    const std::string iata = routes::ToUpperAscii(edit.iata());
    const auto it = airport_index_.find(iata);
    if (iata.empty()) return Add(path + ".iata", "required: the IATA code of the airport");
    if (it == airport_index_.end() || airports_[it->second].deleted) {
      return Add(path + ".iata", "no airport " + Quoted(edit.iata()) + " in the network");
    }
    airports_[it->second].deleted = true;
    deleted_airports_[iata] = path;
  }

  void Create(const v1::CreateRoute& edit, const std::string& path) {
    if (!edit.has_route()) return Add(path + ".route", "required");
    const std::string& id = edit.route().id();
    if (!id.empty() && FindRoute(id) != nullptr) {
      return Add(path + ".route.id",
                 "route " + Quoted(id) + " already exists (update it, or delete it first)");
    }
    // An id reused after a delete in the same write gets a new element; the old one stays deleted.
    if (!id.empty()) route_index_[id] = routes_.size();
    routes_.push_back({edit.route(), path, false});
  }

  void Update(const v1::UpdateRoute& edit, const std::string& path) {
    Element<v1::Route>* route = ExistingRoute(edit.route().id(), path + ".route.id");
    const FieldMask& mask = edit.update_mask();
    if (mask.paths_size() == 0) {
      Add(path + ".update_mask",
          "required: name the Route fields to change (\"flights_per_week\")");
    }
    bool mask_ok = true;
    const google::protobuf::Descriptor* descriptor = v1::Route::descriptor();
    for (int i = 0; i < mask.paths_size(); ++i) {
      const std::string& field = mask.paths(i);
      const std::string at = path + ".update_mask.paths[" + std::to_string(i) + "]";
      if (descriptor->FindFieldByName(field) == nullptr) {
        Add(at, "Route has no field " + Quoted(field));
        mask_ok = false;
      } else if (field == "id") {
        Add(at, "a route's id cannot change (delete the route and create it anew)");
        mask_ok = false;
      }
    }
    if (route == nullptr || !mask_ok || mask.paths_size() == 0) return;
    FieldMaskUtil::MergeOptions options;
    options.set_replace_message_fields(true);
    options.set_replace_repeated_fields(true);
    FieldMaskUtil::MergeMessageTo(edit.route(), mask, options, &route->message);
    route->path = path;
  }

  void Delete(const v1::DeleteRoute& edit, const std::string& path) {
    Element<v1::Route>* route = ExistingRoute(edit.route_id(), path + ".route_id");
    if (route != nullptr) route->deleted = true;
  }

  void SetStatus(const v1::SetRouteStatus& edit, const std::string& path) {
    Element<v1::Route>* route = ExistingRoute(edit.route_id(), path + ".route_id");
    bool ok = route != nullptr;
    if (!v1::RouteStatus_IsValid(edit.status()) || edit.status() == v1::ROUTE_STATUS_UNSPECIFIED) {
      Add(path + ".status", "must be OPERATING, PLANNED or SUSPENDED, got " +
                                std::to_string(static_cast<int>(edit.status())));
      ok = false;
    }
    if (edit.reason().empty()) {
      Add(path + ".reason", "required: say why the status changes");
      ok = false;
    }
    if (!ok) return;
    route->message.set_status(edit.status());
    route->path = path;
  }

  std::string name_;
  std::string description_;
  std::vector<Element<v1::Airport>> airports_;
  std::vector<Element<v1::Route>> routes_;
  std::map<std::string, std::size_t> airport_index_;
  std::map<std::string, std::size_t> route_index_;
  std::map<std::string, std::string> deleted_airports_;  // IATA -> the edit that deleted it
  std::vector<routes::FieldViolation> problems_;
};

// "routes[12].payload_kg" -> ("routes", 12, ".payload_kg"); nullopt for any other shape.
struct ElementField {
  std::string_view list;
  std::size_t index = 0;
  std::string_view rest;
};
std::optional<ElementField> SplitElementField(std::string_view field) {
  for (std::string_view list : {std::string_view("routes"), std::string_view("airports")}) {
    if (field.substr(0, list.size() + 1) != std::string(list) + "[") continue;
    const std::size_t close = field.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    std::size_t index = 0;
    const char* begin = field.data() + list.size() + 1;
    const auto [ptr, ec] = std::from_chars(begin, field.data() + close, index);
    if (ec != std::errc() || ptr != field.data() + close) return std::nullopt;
    return ElementField{list, index, field.substr(close + 1)};
  }
  return std::nullopt;
}

// A build problem renamed from the edited network's paths to the request's.
routes::FieldViolation MapViolation(const routes::FieldViolation& v, const v1::Network& edited,
                                    const std::vector<std::string>& airport_paths,
                                    const std::vector<std::string>& route_paths,
                                    const Editor& editor) {
  const auto split = SplitElementField(v.field);
  if (!split) return {v.field.empty() ? "network" : "network." + v.field, v.message};
  const bool is_route = split->list == "routes";
  if (is_route && split->index < static_cast<std::size_t>(edited.routes_size()) &&
      (split->rest == ".origin" || split->rest == ".destination")) {
    // A route that lost its airport: the edit that deleted the airport is at fault.
    const v1::Route& route = edited.routes(static_cast<int>(split->index));
    const std::string& code = split->rest == ".origin" ? route.origin() : route.destination();
    if (const std::string* by = editor.DeletedBy(code)) {
      return {*by + ".iata", "route " + Quoted(route.id()) + " still uses airport " + Quoted(code) +
                                 " (delete or change the route in the same write)"};
    }
  }
  const auto& paths = is_route ? route_paths : airport_paths;
  if (split->index < paths.size() && !paths[split->index].empty()) {
    return {paths[split->index] + std::string(split->rest), v.message};
  }
  if (is_route && split->index < static_cast<std::size_t>(edited.routes_size())) {
    const v1::Route& route = edited.routes(static_cast<int>(split->index));
    return {"network.routes[" + std::to_string(split->index) + "] (" + Quoted(route.id()) + ")" +
                std::string(split->rest),
            v.message};
  }
  return {"network." + v.field, v.message};
}

}  // namespace

std::vector<std::string> EditPaths(const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits,
                                   bool batch) {
  std::vector<std::string> paths;
  for (int i = 0; i < edits.size(); ++i) {
    if (!batch) {
      paths.emplace_back("edit");
      continue;
    }
    std::string path = "edits[" + std::to_string(i) + "]";
    const auto* field = v1::NetworkEdit::descriptor()->FindFieldByNumber(edits[i].edit_case());
    if (field != nullptr) path += "." + field->name();
    paths.push_back(std::move(path));
  }
  return paths;
}

routes::Result<std::shared_ptr<const routes::Network>> ApplyNetworkEdits(
    const routes::Network& base, const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits,
    const std::vector<std::string>& paths, std::int64_t new_version) {
  return ApplyNetworkEdits(ToProto(base), edits, paths, new_version);
}

routes::Result<std::shared_ptr<const routes::Network>> ApplyNetworkEdits(
    v1::Network base, const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits,
    const std::vector<std::string>& paths, std::int64_t new_version) {
  Editor editor(std::move(base));
  for (int i = 0; i < edits.size(); ++i) {
    editor.Apply(edits[i], static_cast<std::size_t>(i) < paths.size() ? paths[i] : "edit");
  }
  std::vector<std::string> airport_paths;
  std::vector<std::string> route_paths;
  v1::Network edited = editor.Take(new_version, &airport_paths, &route_paths);
  std::vector<routes::FieldViolation> problems = std::move(editor.problems());
  auto built = BuildNetwork(edited);
  if (!built.ok()) {
    const routes::Error& error = built.error();
    if (error.violations.empty()) {
      problems.push_back(
          MapViolation({error.field, error.message}, edited, airport_paths, route_paths, editor));
    }
    for (const routes::FieldViolation& v : error.violations) {
      problems.push_back(MapViolation(v, edited, airport_paths, route_paths, editor));
    }
  }
  if (problems.empty()) return std::move(built).value();
  routes::Error error = routes::InvalidArgument(
      "", "the edits have " + std::to_string(problems.size()) +
              (problems.size() == 1 ? " problem" : " problems") + "; nothing was applied");
  error.violations = std::move(problems);
  return error;
}

}  // namespace aircargo::formats
