#include "client/edit_fields.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <sstream>

#include "aircargo/v1/network.pb.h"
#include "client/text.h"

namespace aircargo::client {
namespace {

using google::protobuf::FieldDescriptor;

std::string OptionName(const std::string& field) {
  std::string name = "--" + field;
  for (char& c : name) c = c == '_' ? '-' : c;
  return name;
}

std::vector<std::string> SplitComma(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto b = item.find_first_not_of(' ');
    const auto e = item.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

template <typename T>
bool ParseNumber(const std::string& text, T* out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

const google::protobuf::EnumValueDescriptor* ParseEnum(const google::protobuf::EnumDescriptor* e,
                                                       const std::string& text) {
  const std::string upper = ToUpperAscii(text);
  for (int i = 0; i < e->value_count(); ++i) {
    const std::string& name = e->value(i)->name();
    if (e->value(i)->number() == 0) continue;  // *_UNSPECIFIED is never a choice
    if (name == upper ||
        (name.size() > upper.size() &&
         name.compare(name.size() - upper.size() - 1, std::string::npos, "_" + upper) == 0)) {
      return e->value(i);
    }
  }
  return nullptr;
}

std::string EnumChoices(const google::protobuf::EnumDescriptor* e) {
  std::string out;
  for (int i = 0; i < e->value_count(); ++i) {
    if (e->value(i)->number() == 0) continue;
    std::string name = e->value(i)->name();
    const auto underscore = name.find('_');
    // The label is what follows the enum's common prefix ("MODE_", "ROUTE_STATUS_").
    std::string label = ToLowerAscii(name);
    if (e->value_count() > 2) {
      std::string prefix = e->value(1)->name();
      for (int j = 2; j < e->value_count(); ++j) {
        const std::string& other = e->value(j)->name();
        std::size_t k = 0;
        while (k < prefix.size() && k < other.size() && prefix[k] == other[k]) ++k;
        prefix.resize(k);
      }
      prefix.resize(prefix.rfind('_') == std::string::npos ? 0 : prefix.rfind('_') + 1);
      label = ToLowerAscii(name.substr(prefix.size()));
    } else if (underscore != std::string::npos) {
      label = ToLowerAscii(name.substr(name.rfind('_') + 1));
    }
    out += (out.empty() ? "" : ", ") + label;
  }
  return out;
}

}  // namespace

std::string ParseDepartures(const std::string& text, google::protobuf::Message& route) {
  auto& r = static_cast<v1::Route&>(route);
  r.clear_departures();
  static const char* const kDays[] = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
  for (const std::string& item : SplitComma(text)) {
    std::istringstream words(item);
    std::string day;
    std::string time;
    words >> day >> time;
    int weekday = 0;
    for (int d = 0; d < 7; ++d) {
      if (ToUpperAscii(day).rfind(kDays[d], 0) == 0 && day.size() >= 3) weekday = d + 1;
    }
    if (weekday == 0 || time.empty()) {
      return "--departures: expected \"MON 09:00,FRI 23:10\", got \"" + item + "\"";
    }
    auto* departure = r.add_departures();
    departure->set_weekday(static_cast<v1::Weekday>(weekday));
    departure->set_local_time(time);
  }
  return {};
}

FieldOptions::FieldOptions(CLI::App& command, const google::protobuf::Descriptor* descriptor,
                           const std::vector<std::string>& skip) {
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    bool skipped = false;
    for (const auto& s : skip) skipped = skipped || s == field->name();
    if (skipped) continue;
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && field->name() != "departures") {
      continue;
    }
    auto entry = std::make_unique<Field>();
    entry->field = field;
    Field* raw = entry.get();
    std::string help = "Set " + field->name();
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
      help += ": " + EnumChoices(field->enum_type());
    } else if (field->name() == "departures") {
      help += ": \"MON 09:00,FRI 23:10\" (local times at the origin)";
    } else if (field->is_repeated()) {
      help += " (comma-separated)";
    }
    command.add_option_function<std::string>(
        OptionName(field->name()),
        [raw](const std::string& value) {
          raw->value = value;
          raw->given = true;
        },
        help);
    fields_.push_back(std::move(entry));
  }
}

std::vector<std::string> FieldOptions::Given() const {
  std::vector<std::string> out;
  for (const auto& f : fields_) {
    if (f->given) out.push_back(f->field->name());
  }
  return out;
}

std::string FieldOptions::Apply(google::protobuf::Message& message) const {
  const google::protobuf::Reflection* reflection = message.GetReflection();
  for (const auto& f : fields_) {
    if (!f->given) continue;
    const FieldDescriptor* field = f->field;
    const std::string option = OptionName(field->name());
    const std::string bad = option + ": not a valid value: \"" + f->value + "\"";
    if (field->name() == "departures") {
      if (std::string error = ParseDepartures(f->value, message); !error.empty()) return error;
      continue;
    }
    if (field->is_repeated()) {
      reflection->ClearField(&message, field);
      for (const std::string& item : SplitComma(f->value)) {
        if (field->cpp_type() != FieldDescriptor::CPPTYPE_STRING) return bad;
        reflection->AddString(&message, field, item);
      }
      continue;
    }
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        reflection->SetString(&message, field, f->value);
        break;
      case FieldDescriptor::CPPTYPE_INT32: {
        std::int32_t v = 0;
        if (!ParseNumber(f->value, &v)) return bad;
        reflection->SetInt32(&message, field, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT64: {
        std::int64_t v = 0;
        if (!ParseNumber(f->value, &v)) return bad;
        reflection->SetInt64(&message, field, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_DOUBLE: {
        double v = 0;
        if (!ParseNumber(f->value, &v)) return bad;
        reflection->SetDouble(&message, field, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        const std::string v = ToLowerAscii(f->value);
        if (v != "true" && v != "false") return bad + " (true or false)";
        reflection->SetBool(&message, field, v == "true");
        break;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        const auto* value = ParseEnum(field->enum_type(), f->value);
        if (value == nullptr) {
          return option + ": must be one of " + EnumChoices(field->enum_type()) + ", not \"" +
                 f->value + "\"";
        }
        reflection->SetEnum(&message, field, value);
        break;
      }
      default:
        return option + ": cannot be set from the command line";
    }
  }
  return {};
}

}  // namespace aircargo::client
