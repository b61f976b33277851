#include "routes/route.h"

namespace aircargo::routes {

const char* ModeName(Mode mode) {
  switch (mode) {
    case Mode::kFreighter:
      return "freighter";
    case Mode::kBelly:
      return "belly";
    case Mode::kTruck:
      return "truck";
  }
  return "?";
}

bool IsKnownMode(Mode mode) {
  switch (mode) {
    case Mode::kFreighter:
    case Mode::kBelly:
    case Mode::kTruck:
      return true;
  }
  return false;
}

const char* StatusName(RouteStatus status) {
  switch (status) {
    case RouteStatus::kOperating:
      return "operating";
    case RouteStatus::kPlanned:
      return "planned";
    case RouteStatus::kSuspended:
      return "suspended";
  }
  return "?";
}

const char* BasisName(EvidenceBasis basis) {
  switch (basis) {
    case EvidenceBasis::kUnspecified:
      return "unspecified";
    case EvidenceBasis::kSourced:
      return "sourced";
    case EvidenceBasis::kAnnounced:
      return "announced";
    case EvidenceBasis::kInferred:
      return "inferred";
    case EvidenceBasis::kAssumed:
      return "assumed";
    case EvidenceBasis::kCandidate:
      return "candidate";
    case EvidenceBasis::kIllustrative:
      return "illustrative";
  }
  return "?";
}

const char* BasisShortName(EvidenceBasis basis) {
  switch (basis) {
    case EvidenceBasis::kUnspecified:
      return "-";
    case EvidenceBasis::kSourced:
      return "src";
    case EvidenceBasis::kAnnounced:
      return "ann";
    case EvidenceBasis::kInferred:
      return "inf";
    case EvidenceBasis::kAssumed:
      return "asm";
    case EvidenceBasis::kCandidate:
      return "cand";
    case EvidenceBasis::kIllustrative:
      return "illus";
  }
  return "?";
}

bool WeakerThanAnnounced(EvidenceBasis basis) {
  return basis != EvidenceBasis::kSourced && basis != EvidenceBasis::kAnnounced;
}

}  // namespace aircargo::routes
