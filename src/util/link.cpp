#include "util/link.h"

#include <algorithm>
#include <cctype>

#include "util/ascii.h"

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

// "//host/path?query": a host with a letter or digit and no user name before it.
bool web_address(std::string_view rest) {
  if (rest.substr(0, 2) != "//") return false;
  const std::string_view host = rest.substr(2, rest.find_first_of("/?#", 2) - 2);
  return host.find('@') == std::string_view::npos && std::any_of(host.begin(), host.end(), ascii::alnum);
}

// "name@domain.tld", optionally followed by "?subject=...".
bool mail_address(std::string_view rest) {
  const std::string_view address = rest.substr(0, rest.find('?'));
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const std::string_view local = address.substr(0, at), domain = address.substr(at + 1);
  return local.find_first_of(":/") == std::string_view::npos && ascii::host_name(domain);
}

// "+1 (503) 555-0142" without the spaces: an optional '+', a digit, then digits and ( ) . / -.
bool phone_number(std::string_view rest) {
  if (!rest.empty() && rest[0] == '+') rest.remove_prefix(1);
  return !rest.empty() && ascii::digit(rest[0]) &&
         ascii::all(rest, [](char c) { return ascii::digit(c) || c == '(' || c == ')' || c == '.' || c == '/' || c == '-'; });
}

}  // namespace

LinkTarget link_target(std::string_view written) {
  const std::string_view t = trim(written);
  const auto colon = t.find(':');
  if (t.empty() || colon == std::string_view::npos || colon == 0 || !ascii::alpha(t[0]) ||
      !ascii::all(t.substr(0, colon), [](char c) { return ascii::alnum(c) || c == '+' || c == '.' || c == '-'; }))
    return refuse(written, t.empty() ? "it is empty" : "it has no scheme: a relative path or a network share");
  std::string scheme(t.substr(0, colon));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::string_view rest = t.substr(colon + 1);
  if (has_unsafe_char(rest)) return refuse(written, "it contains spaces, control characters or backslashes");
  const std::string uri = scheme + ":" + std::string(rest);
  if ((scheme == "https" || scheme == "http") && web_address(rest)) return {uri, ""};
  if (scheme == "mailto" && mail_address(rest)) return {uri, ""};
  if (scheme == "tel" && phone_number(rest)) return {uri, ""};
  if (scheme == "https" || scheme == "http" || scheme == "mailto" || scheme == "tel")
    return refuse(written, "it is not a well-formed " + scheme + ": address");
  return refuse(written, "scheme '" + scheme + ":' is not allowed");
}

LinkTarget web_link(std::string_view written) {
  const std::string_view t = trim(written);
  // A bare host with an optional port and path: "www.nva.org", "nva.org:8080/help?x=1".
  const auto host_end = std::min(t.find_first_of(":/?#"), t.size());
  std::string_view after = t.substr(host_end);
  if (!after.empty() && after[0] == ':') {
    const auto port_end = std::min(after.find_first_of("/?#"), after.size());
    if (port_end < 2 || port_end > 6 || !ascii::all(after.substr(1, port_end - 1), ascii::digit)) return link_target(written);
    after.remove_prefix(port_end);
  }
  if (ascii::host_name(t.substr(0, host_end)) && !has_unsafe_char(after)) return {"https://" + std::string(t), ""};
  return link_target(written);
}

LinkTarget email_link(std::string_view address) {
  const std::string_view t = trim(address);
  const auto at = t.find('@');
  static const std::string_view kLocalChars = ".!#$%&'*+=^_`{|}~-";
  if (at != std::string_view::npos &&
      ascii::all(t.substr(0, at), [](char c) { return ascii::alnum(c) || kLocalChars.find(c) != std::string_view::npos; }) &&
      ascii::host_name(t.substr(at + 1)))
    return {"mailto:" + std::string(t), ""};
  return refuse(address, "it is not an e-mail address");
}

}  // namespace handout
