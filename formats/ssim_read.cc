// SSIM import, first step: records -> leg records, with the serial-number, carrier-block and
// trailer checks, and the leg-time arithmetic (formats/ssim.h documents the rules).
#include <string>

#include "formats/ssim_internal.h"

namespace aircargo::formats::ssim_internal {
namespace {

int FloorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

std::int64_t& CounterFor(SsimReport& report, SsimProblem problem) {
  switch (problem) {
    case SsimProblem::kTruncated:
      return report.truncated;
    case SsimProblem::kOverlong:
      return report.overlong;
    case SsimProblem::kNonAscii:
      return report.non_ascii;
    case SsimProblem::kUnknownType:
      return report.unknown_type;
    case SsimProblem::kBadField:
    case SsimProblem::kNone:
      break;
  }
  return report.bad_field;
}

}  // namespace

void Skips::Bad(std::int64_t& counter, const std::string& where, const std::string& reason) {
  ++counter;
  if (strict_ && !error_) {
    error_ = routes::InvalidArgument(where, reason + " (--strict: no record may be skipped)");
  }
  Example(counter, where + ": " + reason);
}

void Skips::Note(std::int64_t& counter, const std::string& where, const std::string& reason) {
  ++counter;
  Example(counter, where + ": " + reason);
}

void Skips::Example(const std::int64_t& counter, const std::string& text) {
  int& n = examples_per_counter_[&counter];
  if (n >= kSsimExamplesPerReason || report_.examples.size() >= kSsimMaxExamples) return;
  ++n;
  report_.examples.push_back(text);
}

std::vector<LegRecord> ReadLegRecords(const std::vector<SsimInput>& files, Skips& skips,
                                      SsimReport& report) {
  std::vector<LegRecord> legs;
  for (const SsimInput& file : files) {
    std::optional<SsimCarrier> carrier;  // the open carrier block
    bool block_open = false;
    std::int64_t previous_serial = -1;  // of the last non-padding record
    std::string carrier_where;
    for (SsimRecord& record : ReadSsimRecords(file.text)) {
      ++report.records;
      const std::string where = file.name + ":" + std::to_string(record.number);
      if (record.problem == SsimProblem::kNone && record.type == '0') {
        ++report.padding;
        continue;
      }
      // A record of a known type keeps its place in the serial sequence even with a bad field.
      const std::int64_t serial_before = previous_serial;
      if (record.type >= '1' && record.type <= '5') {
        if (record.type == '3') ++report.leg_records;
        if (previous_serial >= 0 && record.serial != previous_serial + 1) {
          skips.Bad(report.serial_breaks, where,
                    "record serial " + std::to_string(record.serial) + " after " +
                        std::to_string(previous_serial) + " (expected " +
                        std::to_string(previous_serial + 1) + ")");
        }
        previous_serial = record.serial;
      }
      if (record.problem != SsimProblem::kNone) {
        skips.Bad(CounterFor(report, record.problem), where, record.message);
        continue;
      }
      switch (record.type) {
        case '1':
          break;
        case '2':
          ++report.carriers;
          if (block_open) {
            skips.Bad(report.trailer_problems, carrier_where,
                      "carrier block of " + carrier->airline + " ends without a trailer record");
          }
          carrier = record.carrier;
          carrier_where = where;
          block_open = true;
          break;
        case '3':
          if (!carrier) {
            skips.Bad(report.out_of_place, where, "flight leg before any carrier record");
          } else if (record.leg.airline != carrier->airline) {
            skips.Bad(report.out_of_place, where,
                      "flight leg of " + record.leg.airline + " in the carrier block of " +
                          carrier->airline);
          } else {
            legs.push_back({std::move(record.leg), carrier->time_mode, file.name, record.number});
          }
          break;
        case '4':
          ++report.segment_records;
          break;
        case '5':
          ++report.trailers;
          if (!block_open) {
            skips.Bad(report.trailer_problems, where, "trailer record without a carrier record");
          } else if (record.trailer.airline != carrier->airline) {
            skips.Bad(report.trailer_problems, where,
                      "trailer of " + record.trailer.airline + " closes the carrier block of " +
                          carrier->airline);
          } else if (record.trailer.check_reference != serial_before) {
            skips.Bad(report.trailer_problems, where,
                      "trailer serial check reference " +
                          std::to_string(record.trailer.check_reference) +
                          " is not the previous record's serial " + std::to_string(serial_before));
          }
          block_open = false;
          break;
        default:
          break;
      }
    }
    if (block_open) {
      skips.Bad(report.trailer_problems, carrier_where,
                "carrier block of " + carrier->airline + " ends without a trailer record");
    }
  }
  return legs;
}

LegTimes ResolveTimes(const SsimLeg& leg, char time_mode) {
  LegTimes t;
  const int dep_days = leg.departure_date_variation.value_or(0);
  // Minutes after the flight date's 00:00, UTC and local clocks.
  int dep_utc = 0;
  int dep_local = 0;
  int arr_utc = 0;
  if (time_mode == 'L') {
    dep_local = dep_days * 1440 + leg.departure_minute;
    dep_utc = dep_local - leg.departure_variation;
    arr_utc =
        leg.arrival_date_variation.value_or(0) * 1440 + leg.arrival_minute - leg.arrival_variation;
  } else {
    dep_utc = dep_days * 1440 + leg.departure_minute;
    dep_local = dep_utc + leg.departure_variation;
    arr_utc = leg.arrival_date_variation.value_or(0) * 1440 + leg.arrival_minute;
  }
  t.block_minutes = arr_utc - dep_utc;
  if (!leg.arrival_date_variation) {
    // Not stated: the first STA after the STD (same clock time 24 h later for a zero difference).
    const int block = ((t.block_minutes % 1440) + 1440) % 1440;
    t.arrival_inferred = block != t.block_minutes;
    t.block_minutes = block == 0 ? 1440 : block;
  }
  t.day_offset = FloorDiv(dep_local, 1440);
  t.minute_of_day = dep_local - t.day_offset * 1440;
  return t;
}

bool OperatesOn(const SsimLeg& leg, std::chrono::sys_days date) {
  const std::chrono::sys_days from{leg.period_from};
  if (date < from) return false;
  if (leg.period_to && date > std::chrono::sys_days{*leg.period_to}) return false;
  const unsigned weekday = std::chrono::weekday{date}.iso_encoding();  // 1 = Monday
  if (!leg.days[weekday - 1]) return false;
  if (leg.frequency_rate == '2') return (date - from).count() % 14 < 7;
  return true;
}

}  // namespace aircargo::formats::ssim_internal
