// What `handout check` finds in one handout: pure functions over loaded data (the article's
// text and references, its front matter, the resolved style), each returning its findings.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "check/article_text.h"
#include "check/readability.h"
#include "config/types.h"
#include "content/document.h"
#include "diag/diagnostic.h"
#include "style/style.h"

namespace handout {

/// One finding: a diagnostic and the check that made it ("jargon", "links", ...).
struct Finding {
  std::string check;
  Diagnostic diag;
};

/// A calendar date (what "today" is for the review check).
struct CivilDate {
  int year = 1970, month = 1, day = 1;
};

/// Sentences longer than `max_words` words, in order.
std::vector<Sentence> long_sentences(const ReadingStats& stats, int max_words = 20);

/// Each use of a configured term (case-insensitive, whole words), at its line and column.
std::vector<Finding> jargon_findings(const std::vector<TextPiece>& pieces,
                                     const std::vector<std::pair<std::string, std::string>>& plain_words,
                                     const std::string& file);

/// Links other than https:, mailto: and tel: (http: is a warning: unencrypted; others are errors).
std::vector<Finding> link_findings(const Document& doc, const std::string& file);

/// Images with an empty description: a screen reader has nothing to say about them.
std::vector<Finding> image_findings(const Document& doc, const std::string& file);

/// A missing `reviewed` date, or one `months` or more before `today`.
std::vector<Finding> review_findings(const ArticleMeta& meta, CivilDate today, int months, const std::string& file);

/// An article still marked `status: draft` (as `handout init` and `new` write it): not ready for patients.
std::vector<Finding> status_findings(const ArticleMeta& meta, const std::string& file);

/// A translation still marked `translation: draft`.
std::vector<Finding> draft_findings(const ArticleMeta& meta, const std::string& file);

/// Text colours under WCAG 2.1 AA against the background they are drawn on (4.5:1; 3:1 for
/// text of 18 pt, or 14 pt bold), reported at `at` (where the brand colour is written).
std::vector<Finding> contrast_findings(const Style& style, const SourcePos& at);

/// Text smaller than the layout's min_text_size (an error), or without one, smaller than 8 pt
/// (any text) or 11 pt (body text) (warnings); reported at `at` (the layout file).
std::vector<Finding> small_text_findings(const Style& style, const LayoutConfig& layout, const SourcePos& at);

/// A handout of the run whose language lacks the article: `fallback` is the language printed
/// instead ("" when none: the build fails); `suggest` a language that has it, to set as
/// fallback_language ("" when none would help).
Finding missing_translation(const std::string& lang, const std::string& article, const std::string& path,
                            const std::string& fallback, const std::string& suggest = "");

/// An article of another language of the run that `lang` lacks and does not fall back for, so
/// no handout of it is made in `lang` (the build says nothing): `path` is where it would go,
/// `suggest` a language to set as fallback_language ("" when none would help).
Finding untranslated_article(const std::string& lang, const std::string& article, const std::string& path,
                             const std::string& suggest);

}  // namespace handout
