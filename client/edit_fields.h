// Message fields as CLI options, for the edit commands: every field of aircargo.v1.Route (or
// Airport) that is not its key becomes an option named after it ("--flights-per-week",
// "--payload-kg", "--effective-from"), found by reflection so that a field added to the API is an
// option without a change here. Values: integers, numbers and text as typed; enums by the end of
// their value name, case-insensitive ("freighter", "planned"); `departures` as "MON 09:00,FRI
// 23:10"; other repeated text fields as comma-separated lists.
//
// `route update` sends exactly the fields given as its update_mask. Not thread-safe (one per
// command line).
#pragma once

#include <google/protobuf/message.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace aircargo::client {

class FieldOptions {
 public:
  // Adds one option per field of `descriptor` except those named in `skip`.
  FieldOptions(CLI::App& command, const google::protobuf::Descriptor* descriptor,
               const std::vector<std::string>& skip);

  // The fields the command line gave, by field name, in field order.
  std::vector<std::string> Given() const;
  // Sets every given field on `message`; "" or a one-line error naming the option.
  std::string Apply(google::protobuf::Message& message) const;

 private:
  struct Field {
    const google::protobuf::FieldDescriptor* field = nullptr;
    std::string value;
    bool given = false;
  };
  std::vector<std::unique_ptr<Field>> fields_;
};

// "MON 09:00" -> weekday 1, "09:00"; an error message (not empty) otherwise.
std::string ParseDepartures(const std::string& text, google::protobuf::Message& route);

}  // namespace aircargo::client
