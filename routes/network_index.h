// The flat lookup tables behind Network::FindAirport and Network::FindRoute, shared by
// NetworkBuilder (which fills them and finds duplicates with them) and Network (which reads them).
// Airports: one slot per possible IATA code (26^3), holding AirportId + 1 or 0. Routes: an
// open-addressing hash table with linear probing whose slots hold RouteId + 1 or 0; the ids
// themselves stay in the routes, so the table costs 4 bytes per slot. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace aircargo::routes::network_index {

inline constexpr std::size_t kAirportCodeSlots = 26 * 26 * 26;

// The slot of a three-uppercase-letter code ("SHE"); nullopt for anything else.
inline std::optional<std::size_t> AirportCodeSlot(std::string_view code) {
  if (code.size() != 3) return std::nullopt;
  std::size_t slot = 0;
  for (const char c : code) {
    if (c < 'A' || c > 'Z') return std::nullopt;
    slot = slot * 26 + static_cast<std::size_t>(c - 'A');
  }
  return slot;
}

// FNV-1a over the id's bytes.
inline std::uint64_t HashRouteId(std::string_view id) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// Slots for `routes` entries: a power of two, at least twice as many (load factor <= 0.5).
inline std::size_t RouteSlotCount(std::size_t routes) {
  std::size_t slots = 8;
  while (slots < 2 * routes) slots *= 2;
  return slots;
}

// The slot holding the route whose id is `id`, or else the free slot where it would go.
// `id_of(index)` returns the id of the route at `index`. `slots` must have a free slot.
template <typename IdOf>
std::size_t FindRouteSlot(const std::vector<std::uint32_t>& slots, std::string_view id,
                          const IdOf& id_of) {
  const std::size_t mask = slots.size() - 1;
  std::size_t slot = static_cast<std::size_t>(HashRouteId(id)) & mask;
  while (slots[slot] != 0 && id_of(slots[slot] - 1) != id) slot = (slot + 1) & mask;
  return slot;
}

}  // namespace aircargo::routes::network_index
