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

}  // namespace handout
