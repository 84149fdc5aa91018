// The languages of a run and which content each handout uses: a language's folder, labels,
// hyphenation patterns and style, loaded once; the fallback language when a language lacks an
// article; the notices that say so.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "config/types.h"
#include "diag/diagnostic.h"
#include "build/run_context.h"
#include "style/style.h"
#include "text/hyphenation.h"

namespace handout {

/// A language's folder, labels and hyphenation patterns, loaded once per run.
struct Language {
  std::string code, dir;
  std::string strings_path;  // its strings.yaml (see strings_file)
  bool strings_ok = false;
  Strings strings;
  Diagnostics strings_diags;  // why the strings could not be loaded
  Diagnostics label_notes;    // labels not yet translated, or a draft translation: a warning, said once per run
  std::unique_ptr<Hyphenator> hyphenator;
  std::vector<Style> styles;  // each of the run's layouts with the brand, in this script and direction
  const Style& main_style() const { return styles.front(); }
  PrintedClinic clinic;  // the clinic as printed in this language (tagline, hours, footer note, extras)
};

/// The run's languages, each loaded on first use. Thread-safe: a language loads under the lock,
/// and a Language, once loaded, never changes or moves. Planning loads every language a
/// handout of the run prints (resolve_job), so the build's threads read them through their
/// HandoutJob's pointers and never load one.
class Languages {
 public:
  explicit Languages(const RunContext& run) : run_(run) {}
  /// The language, loaded on first use.
  const Language& get(const std::string& code);

 private:
  const RunContext& run_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Language>> cache_;
};

/// What one (language, article) handout is built from: the language asked for, and the
/// language whose content is used (another one when the article falls back).
struct HandoutJob {
  const Language* asked = nullptr;
  const Language* content = nullptr;
  std::string name;
  SourcePos asked_at;
  std::size_t layout = 0;  ///< which of the run's layouts (0: the main one)
};

/// Picks the content language for a handout: the language asked for when it has the article,
/// else the config's fallback language (with a warning), else an error naming the file.
bool resolve_job(const RunContext& run, Languages& langs, const std::string& lang, const std::string& name,
                 const SourcePos& at, HandoutJob& job, Diagnostics& diags);

/// The taglines of the language-assistance notice (`notices`), from each listed language's
/// strings file, the clinic's phone filled in. False (with errors) when a language has none.
bool assistance_taglines(const RunContext& run, std::vector<Tagline>& out, Diagnostics& diags);

/// The taglines one handout prints: all of them (`most` < 0), or (a small layout) its own
/// language's first and then the others in the config's order, `most` in all (0: none).
std::vector<Tagline> taglines_for(const std::vector<Tagline>& all, const std::string& lang, int most);

/// Small print under the title: a draft translation, or a handout in another language; with
/// `outdated` (notices: [outdated_translation] and a source changed since), that it was
/// translated from an earlier version.
std::vector<Notice> notices_for(const HandoutJob& job, const ArticleMeta& meta, bool outdated = false);

/// The article names to build for a language: the config's list, or every article of the
/// language (and of the fallback language, whose articles stand in for missing ones).
std::vector<std::pair<std::string, SourcePos>> article_names(const RunContext& run, Languages& langs,
                                                             const std::string& lang);

/// One language's handouts in a run (see run_handouts).
struct LanguageHandouts {
  std::string lang;
  std::vector<std::pair<std::string, SourcePos>> articles;  ///< article_names; empty: none (an error)
  /// Articles another language of the run has that this one neither has nor gets from the
  /// fallback language: no handout of this language is made for them (never with `articles:`).
  std::vector<std::string> not_built;
};

/// The one rule for which (language, article) handouts a run has: `build` builds them and
/// `handout check` checks them, so the two never disagree. For each of the run's languages,
/// in order: article_names (the config's `articles`, else the language's own articles and the
/// fallback language's), and what it lacks that the run's other languages have.
std::vector<LanguageHandouts> run_handouts(const RunContext& run, Languages& langs);

/// The error of a language that has no articles at all (`handouts.articles` empty).
void no_articles_error(const RunContext& run, Languages& langs, const std::string& lang, Diagnostics& diags);

/// A language of the config whose version of `name` could print for `lang`, to suggest as
/// `fallback_language`: English when it has the article (and its labels), else the config's
/// first language that has. "" when a fallback language is set already, or none has it.
std::string fallback_suggestion(const RunContext& run, Languages& langs, const std::string& lang,
                                const std::string& name);

/// Where the clinic keeps (or would write) `name` in `lang`: content/<lang>/<name>.md beside
/// the config, whichever data folder the language's files are found in.
std::string clinic_article_path(const RunContext& run, const std::string& lang, const std::string& name);

}  // namespace handout
