// "Did you mean" suggestions for misspelt keys and names.
#pragma once
#include <string>
#include <vector>

namespace handout {

/// Edit distance (insert, delete, substitute, swap of neighbours) between two strings.
int edit_distance(const std::string& a, const std::string& b);
/// The closest candidate within a distance that scales with length, or "" if none is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);
/// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

/// The codes of `known` (languages handout has labels for) that a language code not among them
/// most likely meant: the same code in another case or with '_' ("zh_hans"), a common mistake
/// ("sp" for Spanish, "jp", "cn", ISO 639-2 "spa"), or the known codes of the same language
/// ("zh": zh-Hans and zh-Hant; "pt": pt-BR; "en-US": en), the closest first. Edit distance alone
/// is no guide between two-letter codes (every pair is within two edits). Empty when none fits.
std::vector<std::string> language_suggestions(const std::string& code, const std::vector<std::string>& known);
/// " (did you mean 'es'?)", " (did you mean 'zh-Hans' or 'zh-Hant'?)", or "".
std::string did_you_mean_language(const std::string& code, const std::vector<std::string>& known);

}  // namespace handout
