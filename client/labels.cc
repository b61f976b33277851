#include "client/labels.h"

#include <map>

#include "client/text.h"

namespace aircargo::client {

std::string_view RouteStatusLabel(v1::RouteStatus status) {
  switch (status) {
    case v1::ROUTE_STATUS_OPERATING:
      return "operating";
    case v1::ROUTE_STATUS_PLANNED:
      return "planned";
    case v1::ROUTE_STATUS_SUSPENDED:
      return "suspended";
    case v1::ROUTE_STATUS_UNSPECIFIED:
      return "-";
    default:
      return "unknown";
  }
}

std::optional<v1::RouteStatus> ParseRouteStatus(std::string_view text) {
  const std::string lower = ToLowerAscii(text);
  for (v1::RouteStatus status :
       {v1::ROUTE_STATUS_OPERATING, v1::ROUTE_STATUS_PLANNED, v1::ROUTE_STATUS_SUSPENDED}) {
    if (lower == RouteStatusLabel(status)) return status;
  }
  return std::nullopt;
}

std::string_view ModeLabel(v1::Mode mode) {
  switch (mode) {
    case v1::MODE_FREIGHTER:
      return "freighter";
    case v1::MODE_BELLY:
      return "belly";
    case v1::MODE_TRUCK:
      return "truck";
    case v1::MODE_UNSPECIFIED:
      return "-";
    default:
      return "unknown";
  }
}

std::string_view BasisLabel(v1::EvidenceBasis basis) {
  switch (basis) {
    case v1::EVIDENCE_BASIS_SOURCED:
      return "sourced";
    case v1::EVIDENCE_BASIS_ANNOUNCED:
      return "announced";
    case v1::EVIDENCE_BASIS_INFERRED:
      return "inferred";
    case v1::EVIDENCE_BASIS_ASSUMED:
      return "assumed";
    case v1::EVIDENCE_BASIS_CANDIDATE:
      return "candidate";
    case v1::EVIDENCE_BASIS_ILLUSTRATIVE:
      return "illustrative";
    case v1::EVIDENCE_BASIS_UNSPECIFIED:
      return "-";
    default:
      return "unknown";
  }
}

std::string_view BasisShortLabel(v1::EvidenceBasis basis) {
  switch (basis) {
    case v1::EVIDENCE_BASIS_SOURCED:
      return "src";
    case v1::EVIDENCE_BASIS_ANNOUNCED:
      return "ann";
    case v1::EVIDENCE_BASIS_INFERRED:
      return "inf";
    case v1::EVIDENCE_BASIS_ASSUMED:
      return "asm";
    case v1::EVIDENCE_BASIS_CANDIDATE:
      return "cand";
    case v1::EVIDENCE_BASIS_ILLUSTRATIVE:
      return "illus";
    case v1::EVIDENCE_BASIS_UNSPECIFIED:
      return "-";
    default:
      return "?";
  }
}

bool AtLeastAnnounced(v1::EvidenceBasis basis) {
  return basis == v1::EVIDENCE_BASIS_SOURCED || basis == v1::EVIDENCE_BASIS_ANNOUNCED;
}

std::string BasisFootnote(const std::vector<v1::EvidenceBasis>& bases, const std::string& noun) {
  // Counts per level, in the enum's order (strongest first), unknown values last.
  std::map<int, int> weak;
  int weak_total = 0;
  for (v1::EvidenceBasis b : bases) {
    if (AtLeastAnnounced(b)) continue;
    ++weak[v1::EvidenceBasis_IsValid(b) && b != v1::EVIDENCE_BASIS_UNSPECIFIED ? b : 1000 + b];
    ++weak_total;
  }
  if (weak_total == 0) return "";
  std::string parts;
  for (const auto& [key, count] : weak) {
    const auto basis = static_cast<v1::EvidenceBasis>(key >= 1000 ? key - 1000 : key);
    const std::string_view label = basis == v1::EVIDENCE_BASIS_UNSPECIFIED
                                       ? std::string_view("not stated")
                                       : BasisShortLabel(basis);
    parts += (parts.empty() ? "" : ", ") + std::to_string(count) + " " + std::string(label);
  }
  return "Note: " + std::to_string(weak_total) + " of " + std::to_string(bases.size()) + " " +
         noun + " rest on evidence weaker than announced (" + parts + "); levels: docs/data.md\n";
}

}  // namespace aircargo::client
