// Shared by the data tests: the embedded default network, loaded once, and the URLs a route's
// source cites.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "routes/network.h"
#include "server/default_network.h"

namespace aircargo::data_test {

using routes::Network;
using routes::Route;

inline std::shared_ptr<const Network> Shenyang() {
  static const auto network = [] {
    auto loaded = server::LoadDefaultNetwork();
    return loaded.ok() ? *loaded : nullptr;
  }();
  return network;
}

inline const std::string& Iata(const Network& n, routes::AirportId id) {
  return n.airport(id).iata;
}

// Every http(s) URL in a source, in order of first appearance (a URL ends at a space, ')', ';'
// or ',').
inline std::vector<std::string> Urls(const std::string& source) {
  std::vector<std::string> urls;
  for (std::size_t at = source.find("http"); at != std::string::npos;
       at = source.find("http", at + 1)) {
    if (source.compare(at, 7, "http://") != 0 && source.compare(at, 8, "https://") != 0) continue;
    const std::size_t end = source.find_first_of(" );,", at);
    std::string url = source.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
    at += url.size() - 1;
  }
  return urls;
}

}  // namespace aircargo::data_test
