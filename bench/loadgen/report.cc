#include "bench/loadgen/report.h"

#include <cstdio>

namespace aircargo::loadgen {
namespace {

constexpr const char* kChannels = "one channel (own TCP connection) per client";

const ModeResult* Baseline(const std::vector<ModeResult>& results) {
  for (const ModeResult& r : results) {
    if (r.mode == Mode::kEmpty) return &r;
  }
  return nullptr;
}

double Micros(std::uint64_t nanos) { return static_cast<double>(nanos) / 1000.0; }

double P50Ratio(const ModeResult& r, const ModeResult& base) {
  const std::uint64_t b = base.latency.Quantile(0.5);
  return b == 0 ? 0.0 : static_cast<double>(r.latency.Quantile(0.5)) / static_cast<double>(b);
}

double ThroughputRatio(const ModeResult& r, const ModeResult& base) {
  return base.ok_per_second() == 0 ? 0.0 : r.ok_per_second() / base.ok_per_second();
}

std::string Errors(const ModeResult& r) {
  std::string text;
  for (const auto& [code, count] : r.errors) {
    if (!text.empty()) text += ", ";
    text += StatusCodeName(code) + " " + std::to_string(count);
  }
  return text.empty() ? "-" : text;
}

std::string Format(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

void PrintTable(const Options& options, const RunInfo& info, const std::vector<ModeResult>& results,
                std::ostream& out) {
  out << "aircargo-loadgen: " << options.server << ", network \"" << info.network_name
      << "\" version " << info.network_version << " (" << info.served_airports << " of "
      << info.airports << " airports served)\n"
      << options.clients << " closed-loop clients, " << kChannels << "; "
      << Format("%g", options.seconds) << " s per mode after "
      << Format("%g", options.warmup_seconds) << " s warm-up; seed " << options.seed << "\n\n";
  char line[256];
  std::snprintf(line, sizeof line, "%-17s %9s %9s %9s %9s %9s %9s %10s %14s  %s\n", "mode", "calls",
                "ok/s", "p50 us", "p90 us", "p99 us", "max us", "p50/empty", "ok/s / empty",
                "errors");
  out << line;
  const ModeResult* base = Baseline(results);
  for (const ModeResult& r : results) {
    const std::string p50_ratio = base ? Format("%.2f", P50Ratio(r, *base)) : "-";
    const std::string rate_ratio = base ? Format("%.2f", ThroughputRatio(r, *base)) : "-";
    std::snprintf(line, sizeof line, "%-17s %9llu %9.0f %9.1f %9.1f %9.1f %9.1f %10s %14s  %s\n",
                  std::string(ModeName(r.mode)).c_str(), static_cast<unsigned long long>(r.calls),
                  r.ok_per_second(), Micros(r.latency.Quantile(0.5)),
                  Micros(r.latency.Quantile(0.9)), Micros(r.latency.Quantile(0.99)),
                  Micros(r.latency.max()), p50_ratio.c_str(), rate_ratio.c_str(),
                  Errors(r).c_str());
    out << line;
  }
}

void PrintJson(const Options& options, const RunInfo& info, const std::vector<ModeResult>& results,
               std::ostream& out) {
  out << "{\"server\": " << JsonString(options.server)
      << ", \"network\": {\"name\": " << JsonString(info.network_name)
      << ", \"version\": " << info.network_version << ", \"airports\": " << info.airports
      << ", \"served_airports\": " << info.served_airports << "}, \"clients\": " << options.clients
      << ", \"channels\": " << JsonString(kChannels) << ", \"seconds\": " << options.seconds
      << ", \"warmup_seconds\": " << options.warmup_seconds << ", \"seed\": " << options.seed
      << ", \"deadline_ms\": " << options.deadline_ms
      << ", \"requests\": {\"find_paths_k\": " << options.request.k
      << ", \"find_paths_objective\": \"distance\", \"plan_itinerary_ready_time\": "
      << JsonString(info.ready_time) << ", \"plan_itinerary_k\": 1"
      << ", \"plan_flow_demand_kg_per_week\": " << options.request.demand_kg_per_week
      << "}, \"baseline\": \"empty\", \"modes\": [";
  const ModeResult* base = Baseline(results);
  bool first = true;
  for (const ModeResult& r : results) {
    out << (first ? "" : ", ") << "\n  {\"mode\": " << JsonString(std::string(ModeName(r.mode)))
        << ", \"method\": " << JsonString(std::string(ModeMethod(r.mode)).substr(1))
        << ", \"calls\": " << r.calls << ", \"ok_calls\": " << r.ok_count()
        << ", \"seconds\": " << Format("%.4f", r.seconds)
        << ", \"calls_per_second\": " << Format("%.1f", r.calls_per_second())
        << ", \"ok_per_second\": " << Format("%.1f", r.ok_per_second())
        << ", \"latency_us\": {\"p50\": " << Format("%.1f", Micros(r.latency.Quantile(0.5)))
        << ", \"p90\": " << Format("%.1f", Micros(r.latency.Quantile(0.9)))
        << ", \"p99\": " << Format("%.1f", Micros(r.latency.Quantile(0.99)))
        << ", \"max\": " << Format("%.1f", Micros(r.latency.max()))
        << ", \"mean\": " << Format("%.1f", r.latency.mean() / 1000.0)
        << "}, \"error_count\": " << r.error_count() << ", \"errors\": {";
    bool first_error = true;
    for (const auto& [code, count] : r.errors) {
      out << (first_error ? "" : ", ") << JsonString(StatusCodeName(code)) << ": " << count;
      first_error = false;
    }
    out << "}";
    if (base) {
      out << ", \"p50_ratio\": " << Format("%.4f", P50Ratio(r, *base))
          << ", \"throughput_ratio\": " << Format("%.4f", ThroughputRatio(r, *base));
    }
    out << "}";
    first = false;
  }
  out << "\n]}\n";
}

}  // namespace aircargo::loadgen
