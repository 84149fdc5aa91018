#include "job/check_job.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <ostream>

#include "check/article_text.h"
#include "check/findings.h"
#include "job/article_input.h"
#include "job/build_job.h"
#include "job/check_report.h"
#include "job/language_catalogue.h"
#include "job/run_context.h"
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

// The articles to check: the config's list, else every article of any configured language, so
// a language that lacks one is reported.
std::vector<std::string> article_list(const RunContext& run, Languages& langs) {
  if (!run.config.articles.empty()) return run.config.articles;
  std::vector<std::string> names;
  for (const auto& lang : run.config.languages)
    for (const auto& name : articles_in(langs.get(lang).dir))
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

void append(std::vector<Finding>& to, std::vector<Finding> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

// Lays the handout out as the build does, for what only layout finds: characters no font
// covers (the build's own warnings and error), content that does not fit.
void lay_out(RunContext& run, const Language& lang, const std::string& name, const Article& a, Diagnostics& diags) {
  const HandoutInput in = handout_input(run, HandoutJob{&lang, &lang, name, {}}, a);
  layout_handout(in, lang.style, run.fonts, diags);
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
  Checker(RunContext& run, Languages& langs, double target, bool layout)
      : run_(run), langs_(langs), target_(target), layout_(layout) {}

  std::vector<HandoutCheck> all() {
    std::vector<HandoutCheck> out;
    const auto names = article_list(run_, langs_);
    for (const auto& lang : run_.config.languages)
      for (const auto& name : names) out.push_back(one(lang, name));
    return out;
  }

  HandoutCheck one(const std::string& code, const std::string& name) {
    const Language& lang = langs_.get(code);
    HandoutCheck c;
    c.language = code, c.article = name, c.file = join_path(lang.dir, name + ".md"), c.target_grade = target_;
    if (!is_file(c.file)) {
      c.findings.push_back(missing_translation(code, name, c.file, fallback_for(code, name)));
      return c;
    }
    Article a;
    Diagnostics diags;
    const bool loaded = load_article(run_, c.file, a, diags);
    c.meta = a.meta;
    measure_text(a, c);
    style_checks(lang, c);
    diags.append(lang.strings_diags);
    if (layout_ && loaded && lang.strings_ok) lay_out(run_, lang, name, a, diags);
    add_build_diagnostics(diags, c);
    std::stable_sort(c.findings.begin(), c.findings.end(), [](const Finding& x, const Finding& y) {
      return std::tie(x.diag.file, x.diag.line, x.diag.col) < std::tie(y.diag.file, y.diag.line, y.diag.col);
    });
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
    const CheckConfig& config = run_.config.check;
    append(c.findings, jargon_findings(pieces, config.plain_words, c.file));
    append(c.findings, link_findings(a.body, c.file));
    append(c.findings, image_findings(a.body, c.file));
    append(c.findings, review_findings(a.meta, today_, config.review_after_months, c.file));
    append(c.findings, status_findings(a.meta, c.file));
    append(c.findings, draft_findings(a.meta, c.file));
  }

  void style_checks(const Language& lang, HandoutCheck& c) {
    const SourcePos& primary = run_.config.brand.primary_pos;
    append(c.findings, contrast_findings(lang.style, primary.file.empty() ? SourcePos{run_.config.path} : primary));
    append(c.findings, small_text_findings(lang.style, run_.layout, SourcePos{run_.layout_path}));
  }

  // The language printed instead when this one lacks the article ("" when there is none).
  std::string fallback_for(const std::string& code, const std::string& name) {
    const std::string& fb = run_.config.fallback_language;
    if (fb.empty() || fb == code || !is_file(join_path(langs_.get(fb).dir, name + ".md"))) return "";
    return fb;
  }

  RunContext& run_;
  Languages& langs_;
  double target_;
  bool layout_;
  CivilDate today_ = today();
};

}  // namespace

int run_check(const CheckOptions& opt, std::ostream& out, std::ostream& err) {
  BuildOptions build;
  build.config_path = opt.config_path;
  build.languages = opt.languages;
  build.articles = opt.articles;
  Diagnostics diags;
  RunContext run;
  const bool loaded = load_run(build, run, diags) && decode_logo(run, diags);
  err << diags.to_string();
  if (!loaded) return kExitConfigError;
  const double target = opt.target_grade > 0 ? opt.target_grade : run.config.check.target_grade;
  Languages langs(run);
  const std::vector<HandoutCheck> checks = Checker(run, langs, target, true).all();
  if (opt.json) out << check_json(checks);
  for (std::size_t i = 0; !opt.json && i < checks.size(); ++i) out << (i ? "\n" : "") << check_text(checks[i]);
  const bool all_passed = std::all_of(checks.begin(), checks.end(), [](const HandoutCheck& c) { return c.passed(); });
  return opt.strict && !all_passed ? kExitSomeFailed : kExitOk;
}

void print_check_summaries(RunContext& run, std::ostream& out) {
  Languages langs(run);
  for (const HandoutCheck& c : Checker(run, langs, run.config.check.target_grade, false).all())
    out << check_summary(c) << "\n";
}

HandoutCheck check_handout(RunContext& run, Languages& langs, const std::string& lang, const std::string& article) {
  return Checker(run, langs, run.config.check.target_grade, false).one(lang, article);
}

}  // namespace handout
