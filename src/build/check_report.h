// What `handout check` tells its user: per handout a readable table (reading level, long
// sentences, hard words, findings), or JSON; and `build --check`'s one line per handout.
#pragma once
#include <string>
#include <vector>

#include "check/findings.h"
#include "check/readability.h"

namespace handout {

/// One handout's check: its reading level and what was found.
struct HandoutCheck {
  std::string language, article;
  std::string file;  ///< the article checked (or the one that is missing)
  ArticleMeta meta;  ///< its front matter (title, translation), when it could be read
  std::vector<ReadingScore> scores;  ///< the language's formulas; the first decides the grade
  double target_grade = 6;
  int sentences = 0, words = 0, syllables = 0;
  int polysyllables = 0;  ///< words of 3+ syllables (SMOG)
  std::vector<Sentence> long_sentences;
  std::vector<CountedWord> hard_words;
  std::vector<Finding> findings;

  /// True when the first formula's grade is over the target.
  bool over_target() const { return !scores.empty() && scores.front().grade > target_grade; }
  int count(Severity severity) const;
  /// Fit for a patient: within the target grade and no error.
  bool passed() const { return !over_target() && count(Severity::Error) == 0; }
};

/// The handout as a readable table; at most `listed` long sentences and hard words are shown.
std::string check_text(const HandoutCheck& check, std::size_t listed = 10);
/// Every handout as a JSON array, with every sentence, word and finding.
std::string check_json(const std::vector<HandoutCheck>& checks);
/// "check: en/vaginismus: grade 8.2 (FK) over target 6; 3 long sentences; 0 problems".
std::string check_summary(const HandoutCheck& check);

}  // namespace handout
