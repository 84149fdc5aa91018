// Which link targets become live links in a handout. A PDF link opens whatever it names when a
// patient clicks it, so only web, e-mail and phone links are made; everything else
// (javascript:, file:, data:, UNC paths, relative paths) stays plain text.
#pragma once
#include <string>
#include <string_view>

namespace handout {

/// A link target as checked: `uri` is the link to make, or empty with `refusal` saying why.
struct LinkTarget {
  std::string uri;
  std::string refusal;
  bool ok() const { return !uri.empty(); }
};

/// A target written in Markdown: only https:, http:, mailto: and tel: (scheme compared
/// case-insensitively after trimming spaces) become links.
LinkTarget link_target(std::string_view written);
/// A website written in YAML: a bare host name ("www.nva.org/help") means https.
LinkTarget web_link(std::string_view written);
/// An e-mail address written in YAML, as a mailto: link.
LinkTarget email_link(std::string_view address);

}  // namespace handout
