#include "util/link.h"

#include <algorithm>
#include <regex>

namespace handout {
namespace {

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Control characters, spaces and backslashes have no place in a link a viewer should open.
bool has_unsafe_char(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F || c == '\\';
  });
}

LinkTarget refuse(std::string_view written, const std::string& why) {
  return {"", "link target '" + std::string(written) + "' is not made a link (" + why +
                  "; only https, http, mailto and tel links are)"};
}

}  // namespace

LinkTarget link_target(std::string_view written) {
  const std::string_view t = trim(written);
  static const std::regex scheme_shape("([A-Za-z][A-Za-z0-9+.-]*):(.*)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(t.begin(), t.end(), m, scheme_shape))
    return refuse(written, t.empty() ? "it is empty" : "it has no scheme: a relative path or a network share");
  std::string scheme = m[1].str();
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::string rest = m[2].str();
  if (has_unsafe_char(rest)) return refuse(written, "it contains spaces, control characters or backslashes");
  static const std::regex web("//[^/?#@]*[A-Za-z0-9][^/?#]*([/?#].*)?");
  static const std::regex mail("[^@:/]+@[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+(\\?.*)?");
  static const std::regex tel("\\+?[0-9][0-9()./-]*");
  if ((scheme == "https" || scheme == "http") && std::regex_match(rest, web)) return {scheme + ":" + rest, ""};
  if (scheme == "mailto" && std::regex_match(rest, mail)) return {scheme + ":" + rest, ""};
  if (scheme == "tel" && std::regex_match(rest, tel)) return {scheme + ":" + rest, ""};
  if (scheme == "https" || scheme == "http" || scheme == "mailto" || scheme == "tel")
    return refuse(written, "it is not a well-formed " + scheme + ": address");
  return refuse(written, "scheme '" + scheme + ":' is not allowed");
}

LinkTarget web_link(std::string_view written) {
  const std::string_view t = trim(written);
  static const std::regex host("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?([/?#][^\\\\\\s]*)?");
  if (std::regex_match(t.begin(), t.end(), host)) return {"https://" + std::string(t), ""};
  return link_target(written);
}

LinkTarget email_link(std::string_view address) {
  const std::string_view t = trim(address);
  static const std::regex mail("[A-Za-z0-9.!#$%&'*+=^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  if (std::regex_match(t.begin(), t.end(), mail)) return {"mailto:" + std::string(t), ""};
  return refuse(address, "it is not an e-mail address");
}

}  // namespace handout
