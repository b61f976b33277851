// The fixed tables of the OpenFlights import: equipment payloads and country-name aliases.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "formats/openflights.h"
#include "formats/openflights_internal.h"

namespace aircargo::formats {
namespace {

struct EquipmentRow {
  std::string_view code;  // IATA aircraft type code as routes.dat states it
  std::int64_t payload_kg;
  bool freighter;
};

// Typical cargo payload per flight, rounded planning values (not a booking limit):
// - freighters: the manufacturers' published maximum structural payload (Boeing 747-8F 134 t,
//   747-400F 113 t, 777F 102 t, 767-300F 52 t, 757-200F 39 t, MD-11F 91 t, A330-200F 65 t,
//   A300-600F 48 t), taken at ~90% as a planning payload;
// - passenger aircraft: typical belly cargo left after bags, from carriers' cargo-division
//   capacity sheets (e.g. Lufthansa Cargo / Cathay Cargo / IAG Cargo fleet pages): wide-body
//   10-20 t, narrow-body 1.5-3 t, regional jets 0.4-0.8 t, turboprops 0.2-0.5 t.
constexpr std::array kEquipment = {
    // Freighters.
    EquipmentRow{"33X", 58000, true},
    EquipmentRow{"74F", 100000, true},
    EquipmentRow{"74N", 120000, true},
    EquipmentRow{"74X", 100000, true},
    EquipmentRow{"74Y", 100000, true},
    EquipmentRow{"75F", 35000, true},
    EquipmentRow{"76F", 47000, true},
    EquipmentRow{"76X", 47000, true},
    EquipmentRow{"77F", 92000, true},
    EquipmentRow{"77X", 92000, true},
    EquipmentRow{"ABY", 43000, true},
    EquipmentRow{"M1F", 82000, true},
    // Wide-body passenger (belly).
    EquipmentRow{"380", 10000, false},
    EquipmentRow{"388", 10000, false},
    EquipmentRow{"747", 15000, false},
    EquipmentRow{"744", 15000, false},
    EquipmentRow{"74E", 15000, false},
    EquipmentRow{"74H", 17000, false},
    EquipmentRow{"74L", 12000, false},
    EquipmentRow{"74M", 30000, false},
    EquipmentRow{"777", 18000, false},
    EquipmentRow{"772", 16000, false},
    EquipmentRow{"77L", 18000, false},
    EquipmentRow{"773", 20000, false},
    EquipmentRow{"77W", 20000, false},
    EquipmentRow{"787", 15000, false},
    EquipmentRow{"788", 13000, false},
    EquipmentRow{"789", 16000, false},
    EquipmentRow{"330", 14000, false},
    EquipmentRow{"332", 14000, false},
    EquipmentRow{"333", 16000, false},
    EquipmentRow{"340", 14000, false},
    EquipmentRow{"342", 12000, false},
    EquipmentRow{"343", 14000, false},
    EquipmentRow{"345", 14000, false},
    EquipmentRow{"346", 17000, false},
    EquipmentRow{"359", 16000, false},
    EquipmentRow{"767", 10000, false},
    EquipmentRow{"762", 8000, false},
    EquipmentRow{"763", 10000, false},
    EquipmentRow{"764", 11000, false},
    EquipmentRow{"76W", 10000, false},
    EquipmentRow{"M11", 14000, false},
    EquipmentRow{"D10", 12000, false},
    EquipmentRow{"AB4", 9000, false},
    EquipmentRow{"AB6", 10000, false},
    EquipmentRow{"310", 7000, false},
    EquipmentRow{"313", 7000, false},
    EquipmentRow{"IL9", 12000, false},
    // Narrow-body.
    EquipmentRow{"757", 4500, false},
    EquipmentRow{"752", 4500, false},
    EquipmentRow{"753", 5000, false},
    EquipmentRow{"75W", 4500, false},
    EquipmentRow{"75T", 4500, false},
    EquipmentRow{"318", 1500, false},
    EquipmentRow{"319", 2000, false},
    EquipmentRow{"320", 2500, false},
    EquipmentRow{"32A", 2500, false},
    EquipmentRow{"32S", 2500, false},
    EquipmentRow{"32B", 3000, false},
    EquipmentRow{"321", 3000, false},
    EquipmentRow{"32C", 2000, false},
    EquipmentRow{"737", 2000, false},
    EquipmentRow{"73G", 2000, false},
    EquipmentRow{"73W", 2000, false},
    EquipmentRow{"738", 2500, false},
    EquipmentRow{"73H", 2500, false},
    EquipmentRow{"739", 2800, false},
    EquipmentRow{"73J", 2800, false},
    EquipmentRow{"73C", 2000, false},
    EquipmentRow{"733", 2000, false},
    EquipmentRow{"734", 2200, false},
    EquipmentRow{"735", 1700, false},
    EquipmentRow{"736", 1700, false},
    EquipmentRow{"732", 1800, false},
    EquipmentRow{"73M", 2000, false},
    EquipmentRow{"73N", 2000, false},
    EquipmentRow{"73Q", 2000, false},
    EquipmentRow{"73R", 2000, false},
    EquipmentRow{"717", 1500, false},
    EquipmentRow{"M80", 2000, false},
    EquipmentRow{"M82", 2000, false},
    EquipmentRow{"M83", 2000, false},
    EquipmentRow{"M87", 1800, false},
    EquipmentRow{"M88", 2000, false},
    EquipmentRow{"M90", 2000, false},
    EquipmentRow{"DC9", 1500, false},
    EquipmentRow{"D93", 1500, false},
    EquipmentRow{"TU5", 2000, false},
    EquipmentRow{"SU9", 1000, false},
    EquipmentRow{"E95", 1000, false},
    EquipmentRow{"E90", 900, false},
    EquipmentRow{"E75", 800, false},
    EquipmentRow{"E70", 700, false},
    EquipmentRow{"EMJ", 800, false},
    EquipmentRow{"100", 1000, false},
    EquipmentRow{"F70", 800, false},
    EquipmentRow{"F28", 700, false},
    EquipmentRow{"146", 900, false},
    EquipmentRow{"141", 900, false},
    EquipmentRow{"142", 900, false},
    EquipmentRow{"143", 900, false},
    EquipmentRow{"ARJ", 900, false},
    EquipmentRow{"AR1", 900, false},
    EquipmentRow{"AR8", 900, false},
    // Regional jets.
    EquipmentRow{"CRJ", 500, false},
    EquipmentRow{"CR2", 500, false},
    EquipmentRow{"CR7", 600, false},
    EquipmentRow{"CR9", 700, false},
    EquipmentRow{"CRA", 700, false},
    EquipmentRow{"CRK", 700, false},
    EquipmentRow{"ERJ", 500, false},
    EquipmentRow{"ER3", 400, false},
    EquipmentRow{"ER4", 500, false},
    EquipmentRow{"ERD", 450, false},
    // Turboprops and small aircraft.
    EquipmentRow{"AT4", 400, false},
    EquipmentRow{"AT5", 400, false},
    EquipmentRow{"AT7", 500, false},
    EquipmentRow{"ATR", 450, false},
    EquipmentRow{"ATP", 500, false},
    EquipmentRow{"DH8", 450, false},
    EquipmentRow{"DH1", 350, false},
    EquipmentRow{"DH2", 350, false},
    EquipmentRow{"DH3", 450, false},
    EquipmentRow{"DH4", 600, false},
    EquipmentRow{"DH7", 300, false},
    EquipmentRow{"DHT", 150, false},
    EquipmentRow{"DHP", 100, false},
    EquipmentRow{"DHL", 150, false},
    EquipmentRow{"SF3", 300, false},
    EquipmentRow{"SFB", 350, false},
    EquipmentRow{"F50", 400, false},
    EquipmentRow{"J31", 150, false},
    EquipmentRow{"J32", 150, false},
    EquipmentRow{"J41", 250, false},
    EquipmentRow{"EM2", 250, false},
    EquipmentRow{"EMB", 150, false},
    EquipmentRow{"D28", 250, false},
    EquipmentRow{"D38", 250, false},
    EquipmentRow{"SH6", 300, false},
    EquipmentRow{"SWM", 150, false},
    EquipmentRow{"BE1", 100, false},
    EquipmentRow{"BE9", 100, false},
    EquipmentRow{"BEC", 100, false},
    EquipmentRow{"BEH", 150, false},
    EquipmentRow{"BET", 100, false},
    EquipmentRow{"BNI", 100, false},
    EquipmentRow{"BNT", 100, false},
    EquipmentRow{"CNA", 50, false},
    EquipmentRow{"CNC", 150, false},
    EquipmentRow{"CN1", 50, false},
    EquipmentRow{"CN2", 50, false},
    EquipmentRow{"CNJ", 100, false},
    EquipmentRow{"CNT", 100, false},
    EquipmentRow{"PA1", 50, false},
    EquipmentRow{"PA2", 50, false},
    EquipmentRow{"PAG", 50, false},
    EquipmentRow{"PL2", 100, false},
    EquipmentRow{"AN4", 500, false},
    EquipmentRow{"YK4", 400, false},
    EquipmentRow{"YK2", 1000, false},
    EquipmentRow{"YN2", 300, false},
    EquipmentRow{"YN7", 500, false},
    EquipmentRow{"L4T", 200, false},
    EquipmentRow{"MA6", 500, false},
    EquipmentRow{"I14", 600, false},
    EquipmentRow{"T20", 2000, false},
    EquipmentRow{"TU3", 1500, false},
    EquipmentRow{"NDE", 50, false},
    EquipmentRow{"S20", 150, false},
    EquipmentRow{"D1C", 1500, false},
    EquipmentRow{"FRJ", 200, false},
};

// OpenFlights country names that countries.dat does not list.
constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kCountryAliases = {{
    {"Brunei", "BN"},
    {"Burma", "MM"},
    {"Cape Verde", "CV"},
    {"Congo (Brazzaville)", "CG"},
    {"Congo (Kinshasa)", "CD"},
    {"East Timor", "TL"},
    {"Faroe Islands", "FO"},
    {"Kyrgyzstan", "KG"},
    {"Macau", "MO"},
    {"Micronesia", "FM"},
    {"Saint Helena", "SH"},
    {"Saint Kitts and Nevis", "KN"},
    {"Saint Lucia", "LC"},
    {"Saint Pierre and Miquelon", "PM"},
    {"Saint Vincent and the Grenadines", "VC"},
    {"Svalbard", "SJ"},
    {"Swaziland", "SZ"},
    {"Virgin Islands", "VI"},
    {"Wallis and Futuna", "WF"},
    {"West Bank", "PS"},
}};

}  // namespace

EquipmentModel LookupEquipment(const std::string& code) {
  for (const EquipmentRow& row : kEquipment) {
    if (row.code == code) return {row.payload_kg, row.freighter};
  }
  return {};
}

std::string CountryAlias(std::string_view name) {
  for (const auto& [alias, iso] : kCountryAliases) {
    if (alias == name) return std::string(iso);
  }
  return {};
}

}  // namespace aircargo::formats
