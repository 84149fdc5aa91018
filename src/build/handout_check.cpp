#include "build/handout_check.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include "build/article_input.h"
#include "build/language_catalogue.h"
#include "build/run_context.h"
#include "build/translation_state.h"
#include "check/article_text.h"
#include "check/findings.h"
#include "layout/handout_layout.h"
#include "util/text.h"

namespace handout {
namespace {

// Today, or the day SOURCE_DATE_EPOCH names, so a test's review dates do not age.
CivilDate today() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && seconds >= 0) now = static_cast<std::time_t>(seconds);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  return {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

void append(std::vector<Finding>& to, std::vector<Finding> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

// Lays the handout out as the build does, for what only layout finds: characters no font
// covers (the build's own warnings and error), content that does not fit.
void lay_out(const RunContext& run, const Language& lang, const std::string& name, const Article& a, Diagnostics& diags) {
  const HandoutInput in = handout_input(run, HandoutJob{&lang, &lang, name, {}}, a, {});  // no taglines: as before
  layout_handout(in, lang.main_style(), run.services.fonts, diags);
}

// The build's own diagnostics (reading the article, layout) as findings, but for those a check
// already reports at the same place (a refused link, an image without a description).
void add_build_diagnostics(const Diagnostics& diags, HandoutCheck& c) {
  std::vector<Finding> found;
  for (const Diagnostic& d : diags.items()) {
    const bool said = std::any_of(c.findings.begin(), c.findings.end(), [&](const Finding& f) {
      return (f.check == "links" || f.check == "images") && f.diag.line == d.line && f.diag.col == d.col && f.diag.file == d.file;
    });
    if (!said) found.push_back({"build", d});
  }
  append(c.findings, std::move(found));
}

class Checker {
 public:
  Checker(const RunContext& run, Languages& langs, double target, bool layout)
      : run_(run), langs_(langs), target_(target), layout_(layout) {}

  // The handouts the build makes (run_handouts, the one rule for both), in its order; then
  // what each language leaves out, on the record of the first language that has the article.
  std::vector<HandoutCheck> all() {
    std::vector<HandoutCheck> out;
    const auto handouts = run_handouts(run_, langs_);
    for (const LanguageHandouts& h : handouts) {
      if (h.articles.empty()) out.push_back(no_articles(h.lang));
      for (const auto& [name, at] : h.articles) out.push_back(one(h.lang, name, at));
    }
    for (const LanguageHandouts& h : handouts)
      for (const auto& name : h.not_built) {
        auto has = std::find_if(out.begin(), out.end(), [&](const HandoutCheck& c) {
          return c.article == name && c.language != h.lang && is_file(c.file);
        });
        if (has == out.end()) continue;  // cannot happen: not_built names articles other languages have
        has->findings.push_back(untranslated_article(h.lang, name, clinic_article_path(run_, h.lang, name),
                                                     fallback_suggestion(run_, langs_, h.lang, name)));
        sort_findings(*has);
      }
    return out;
  }

  HandoutCheck one(const std::string& code, const std::string& name, const SourcePos& at = {}) {
    const Language& lang = langs_.get(code);
    HandoutCheck c;
    c.language = code, c.article = name, c.file = join_path(lang.dir, name + ".md"), c.target_grade = target_;
    if (!is_file(c.file)) {
      // What the build does without it: print the fallback language's version, or fail.
      HandoutJob job;
      Diagnostics said_by_build;
      const bool prints = resolve_job(run_, langs_, code, name, at, job, said_by_build);
      c.file = clinic_article_path(run_, code, name);
      c.findings.push_back(missing_translation(code, name, c.file, prints ? job.content->code : "",
                                               prints ? "" : fallback_suggestion(run_, langs_, code, name)));
      return c;
    }
    Article a;
    Diagnostics diags;
    const bool loaded = load_article(run_, c.file, a, diags);
    c.meta = a.meta;
    measure_text(a, c);
    style_checks(lang, c);
    diags.append(lang.strings_diags);
    for (const Diagnostic& d : lang.label_notes.items()) c.findings.push_back({"translation", d});
    if (layout_ && loaded && lang.strings_ok) lay_out(run_, lang, name, a, diags);
    add_build_diagnostics(diags, c);
    sort_findings(c);
    return c;
  }

 private:
  // Reading level, then what the text says and links to.
  void measure_text(const Article& a, HandoutCheck& c) {
    const std::vector<TextPiece> pieces = article_text(a.body, a.body_source, a.meta);
    const ReadingStats stats = measure(reading_samples(pieces), c.language);
    c.scores = reading_scores(stats, c.language);
    c.sentences = stats.sentences, c.words = stats.words, c.syllables = stats.syllables;
    c.polysyllables = stats.polysyllables;
    c.long_sentences = long_sentences(stats);
    c.hard_words = stats.hard_words;
    const CheckConfig& config = run_.in.config.check;
    append(c.findings, jargon_findings(pieces, config.plain_words, c.file));
    append(c.findings, link_findings(a.body, c.file));
    append(c.findings, image_findings(a.body, c.file));
    append(c.findings, review_findings(a.meta, today_, config.review_after_months, c.file));
    append(c.findings, status_findings(a.meta, c.file));
    append(c.findings, draft_findings(a.meta, c.file));
    if (auto outdated = outdated_translation(run_, a.meta)) c.findings.push_back({"outdated", std::move(*outdated)});
  }

  void style_checks(const Language& lang, HandoutCheck& c) {
    const SourcePos& primary = run_.in.config.brand.primary_pos;
    append(c.findings, contrast_findings(lang.main_style(), primary.file.empty() ? SourcePos{run_.in.config.path} : primary));
    append(c.findings, small_text_findings(lang.main_style(), run_.in.main_layout(), SourcePos{run_.in.main_layout_path()}));
  }

  // A language without any article: the build's error, as a record without an article (as in
  // the build's --report).
  HandoutCheck no_articles(const std::string& code) {
    HandoutCheck c;
    c.language = code, c.file = langs_.get(code).dir, c.target_grade = target_;
    Diagnostics diags;
    no_articles_error(run_, langs_, code, diags);
    for (const Diagnostic& d : diags.items()) c.findings.push_back({"articles", d});
    return c;
  }

  static void sort_findings(HandoutCheck& c) {
    std::stable_sort(c.findings.begin(), c.findings.end(), [](const Finding& x, const Finding& y) {
      return std::tie(x.diag.file, x.diag.line, x.diag.col) < std::tie(y.diag.file, y.diag.line, y.diag.col);
    });
  }

  const RunContext& run_;
  Languages& langs_;
  double target_;
  bool layout_;
  CivilDate today_ = today();
};

}  // namespace

std::vector<HandoutCheck> check_handouts(const RunContext& run, Languages& langs, double target_grade, bool layout) {
  return Checker(run, langs, target_grade, layout).all();
}

HandoutCheck check_handout(const RunContext& run, Languages& langs, const std::string& lang, const std::string& article) {
  return Checker(run, langs, run.in.config.check.target_grade, false).one(lang, article);
}

}  // namespace handout
