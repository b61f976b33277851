#include "client/demand_csv.h"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "client/text.h"

namespace aircargo::client {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool ParseNumber(std::string_view field, double* value) {
  const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), *value);
  return ec == std::errc() && ptr == field.data() + field.size() && std::isfinite(*value);
}

}  // namespace

bool ParseDemandCsv(std::string_view text, v1::PlanDemandRequest* request, std::string* error) {
  int line_number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = Trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    if (request->demands().empty() && ToUpperAscii(std::string(line.substr(0, 6))) == "ORIGIN") {
      continue;
    }
    std::vector<std::string_view> fields;
    for (std::string_view rest = line;;) {
      const auto comma = rest.find(',');
      fields.push_back(Trim(rest.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      rest = rest.substr(comma + 1);
    }
    const std::string at = std::to_string(line_number) + ": ";
    if (fields.size() < 3 || fields.size() > 4) {
      *error = at + "expected origin,destination,tonnes_per_week[,priority], got " +
               std::to_string(fields.size()) + " fields";
      return false;
    }
    if (fields[0].empty() || fields[1].empty()) {
      *error = at + "origin and destination must be airport codes";
      return false;
    }
    double tonnes = 0;
    if (!ParseNumber(fields[2], &tonnes) || tonnes < 0 || tonnes > 1e9) {
      *error = at + "tonnes_per_week must be a number between 0 and 1e9, not \"" +
               std::string(fields[2]) + "\"";
      return false;
    }
    double priority = 1;
    if (fields.size() == 4 && !fields[3].empty() &&
        (!ParseNumber(fields[3], &priority) || priority <= 0 || priority > 1000)) {
      *error = at + "priority must be a number above 0 and at most 1000, not \"" +
               std::string(fields[3]) + "\"";
      return false;
    }
    v1::Demand* demand = request->add_demands();
    demand->set_origin(ToUpperAscii(std::string(fields[0])));
    demand->set_destination(ToUpperAscii(std::string(fields[1])));
    demand->set_kg_per_week(std::llround(tonnes * 1000.0));
    demand->set_priority(priority);
  }
  if (request->demands().empty()) {
    *error = "no demand in the file (lines: origin,destination,tonnes_per_week[,priority])";
    return false;
  }
  return true;
}

}  // namespace aircargo::client
