#include "job/language_catalogue.h"

#include <algorithm>

#include "config/config.h"
#include "fonts/font_face.h"
#include "content/markdown.h"
#include "job/translate_clinic.h"
#include "text/bidi.h"
#include "util/text.h"

namespace handout {
namespace {

// The clinic's own texts in one language, typeset like the Markdown body.
PrintedClinic clinic_in_language(const ClinicConfig& config, const std::string& lang) {
  PrintedClinic out = printed_clinic(config, lang);
  for (auto& r : out.extra_resources)
    r.name = smart_punctuation(r.name), r.description = smart_punctuation(r.description);
  return out;
}

// A language's name in English, for messages: from the English labels when they load.
std::string english_name(const RunContext& run, const std::string& code) {
  Strings english;
  Diagnostics ignored;
  return run_strings(run, strings_file(run, "en"), english, ignored) ? english.language_name(code) : code;
}

// The labels whose source changed since they were translated (strings.yaml's `source:`
// record against the source's labels as they are now), by key: "phone", "months".
std::vector<std::string> changed_source_labels(const RunContext& run, const Strings& s) {
  if (s.source_labels.empty() || s.source_labels_language.empty()) return {};
  Strings source;
  Diagnostics ignored;
  if (!run_strings(run, strings_file(run, s.source_labels_language), source, ignored)) return {};
  std::vector<std::string> changed;
  for (const auto& [key, hash] : label_hashes(source))
    if (auto it = s.source_labels.find(key); it != s.source_labels.end() && it->second != hash) changed.push_back(key);
  return changed;
}

// What the clinic is told about a language's labels: those still in the language they were
// copied from (`untranslated`), else labels that are a draft translation.
Diagnostics label_notes(const RunContext& run, const Language& lang) {
  Diagnostics notes;
  const Strings& s = lang.strings;
  const std::string from = s.source_language.empty() ? "" : english_name(run, s.source_language);
  if (!s.untranslated.empty()) {
    const std::size_t n = s.untranslated.size();
    notes.warning(lang.strings_path, 0, 0,
                  std::to_string(n) + (n == 1 ? " label" : " labels") + " not yet translated" +
                      (from.empty() ? "" : " (still in " + from + ")"));
  } else if (s.translation == "draft") {
    notes.warning(s.translation_pos, "the labels are a draft translation" + (from.empty() ? "" : " from " + from) +
                                         ": have a clinician fluent in the language check them, then set "
                                         "'translation: reviewed'");
  }
  if (auto changed = changed_source_labels(run, s); !changed.empty()) {
    std::string message = std::to_string(changed.size()) +
                          (changed.size() == 1 ? " label changed in the " : " labels changed in the ") +
                          english_name(run, s.source_labels_language) +
                          (changed.size() == 1 ? " since it was translated: " : " since they were translated: ");
    for (std::size_t i = 0; i < changed.size(); ++i) message += (i ? ", " : "") + changed[i];
    notes.warning(s.source_labels_pos, message + " (`handout translate export --lang " + lang.code +
                                           "` gives the translator just these)");
  }
  return notes;
}

}  // namespace

const Language& Languages::get(const std::string& code) {
  auto& slot = cache_[code];
  if (!slot) {
    slot = std::make_unique<Language>();
    slot->code = code;
    FontFace::register_language(code);
    slot->dir = content_dir(run_, code);
    slot->strings_path = strings_file(run_, code);
    slot->strings_ok = run_strings(run_, slot->strings_path, slot->strings, slot->strings_diags);
    if (slot->strings_ok) slot->label_notes = label_notes(run_, *slot);
    if (!slot->strings_ok && !is_file(slot->strings_path)) {  // none at all: say how to start one
      Diagnostics hinted;
      for (Diagnostic d : slot->strings_diags.items()) {
        if (d.file == slot->strings_path)
          d.message += " (run 'handout new-language " + code + "' to write it from the English labels)";
        hinted.add(std::move(d));
      }
      slot->strings_diags = std::move(hinted);
    }
    // Languages Debian has no patterns for are not hyphenated.
    const bool hyphenated = std::any_of(run_.layouts.begin(), run_.layouts.end(),
                                        [](const LayoutConfig& l) { return l.hyphenate; });
    if (hyphenated) slot->hyphenator = Hyphenator::for_language(code);
    // Said once, with the language's first handout: hyphenation is the same either way, only slower.
    if (slot->hyphenator && !slot->hyphenator->fallback_reason().empty())
      slot->label_notes.note(slot->hyphenator->path(), 0, 0,
                             "hyphenation patterns loaded from the pattern file, which takes longer: " +
                                 slot->hyphenator->fallback_reason() + " (rebuild or reinstall handout to make it)");
    slot->clinic = clinic_in_language(run_.config, code);
    for (const auto& layout : run_.layouts)
      slot->styles.push_back(make_style(layout, run_.config.brand, run_.faces.body, run_.faces.headings,
                                        Script{code, is_rtl_language(code)}));
    slot->style = slot->styles.front();
  }
  return *slot;
}

bool assistance_taglines(const RunContext& run, std::vector<Tagline>& out, Diagnostics& diags) {
  const NoticesConfig& notices = run.config.notices;
  if (!notices.language_assistance) return true;
  const auto errors_before = diags.error_count();
  if (run.config.clinic.phone.empty())
    diags.error(notices.pos, "the language-assistance notice needs the clinic's phone number (clinic.phone)");
  const auto& listed = notices.assistance_languages;
  auto needs = [&](const Strings& strings, const std::string& path, std::initializer_list<const char*> keys) {
    for (const char* key : keys)
      if (strings.get(key).empty())
        diags.error(path, 0, 0, std::string("the language-assistance notice needs '") + key + "' in this strings file");
    return diags.error_count() == errors_before;
  };
  std::vector<std::string> codes = listed;  // the taglines' languages, then the handouts' (for the heading)
  for (const auto& code : run.config.languages)
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  for (const auto& code : codes) {
    // Only the strings: a tagline's language needs no article, patterns or style of its own.
    const std::string path = strings_file(run, code);
    Strings strings;
    if (!run_strings(run, path, strings, diags)) continue;
    const bool printed = std::find(listed.begin(), listed.end(), code) != listed.end();
    const bool built = std::find(run.config.languages.begin(), run.config.languages.end(), code) !=
                       run.config.languages.end();
    if (built) needs(strings, path, {"language_assistance_title"});
    if (printed && needs(strings, path, {"language_assistance", "language_name_own"}))
      out.push_back({strings.get("language_name_own"),
                     fill_template(strings.get("language_assistance"), {{"phone", no_break_spaces(run.config.clinic.phone)}}),
                     code, path});
  }
  return diags.error_count() == errors_before;
}

std::vector<Tagline> taglines_for(const std::vector<Tagline>& all, const std::string& lang, int most) {
  if (most < 0 || static_cast<int>(all.size()) <= most) return all;
  std::vector<Tagline> out;
  if (most == 0) return out;
  for (const auto& t : all)
    if (t.lang == lang) out.push_back(t);
  for (const auto& t : all)
    if (t.lang != lang && static_cast<int>(out.size()) < most) out.push_back(t);
  return out;
}

bool resolve_job(const RunContext& run, Languages& langs, const std::string& lang, const std::string& name,
                 const SourcePos& at, HandoutJob& job, Diagnostics& diags) {
  job.asked = &langs.get(lang);
  job.name = name;
  job.asked_at = at;
  const std::string path = join_path(job.asked->dir, name + ".md");
  const bool valid_name = valid_article_name(name);
  if (valid_name && is_file(path) && job.asked->strings_ok) {
    job.content = job.asked;
    return true;
  }
  const std::string& fallback = run.config.fallback_language;
  const std::string missing = !is_file(path) ? path : job.asked->strings_path;
  if (valid_name && !fallback.empty() && fallback != lang) {
    const Language& fb = langs.get(fallback);
    if (is_file(join_path(fb.dir, name + ".md")) && fb.strings_ok) {
      diags.warning(at, "'" + name + "' is not available in '" + lang + "' (missing '" + missing + "'); using the '" +
                            fallback + "' version");
      job.content = &fb;
      return true;
    }
  }
  if (!is_file(path)) {
    // The clinic's own folder first: that is where the article belongs, whichever data
    // folder the language's labels came from.
    std::string tried = "'" + clinic_article_path(run, lang, name) + "'";
    if (path != clinic_article_path(run, lang, name)) tried += ", '" + path + "'";
    std::string fix;
    if (const std::string other = valid_name ? fallback_suggestion(run, langs, lang, name) : ""; !other.empty())
      fix = "; '" + other + "' has it: set 'fallback_language: " + other + "' in the config to print that version instead";
    diags.error(at, "article '" + name + "' not found (tried " + tried + ")" + fix);
  } else
    diags.append(job.asked->strings_diags);
  return false;
}

std::vector<Notice> notices_for(const HandoutJob& job, const ArticleMeta& meta, bool outdated) {
  std::vector<Notice> out;
  const Strings& strings = job.content->strings;
  if (job.content != job.asked) {
    // Said in the reader's language when its labels exist, else in the handout's.
    const bool in_asked = job.asked->strings_ok;
    const Strings& say = in_asked ? job.asked->strings : strings;
    out.push_back({fill_template(say.get("fallback_notice"), {{"language", say.language_name(job.content->code)},
                                                             {"requested", say.language_name(job.asked->code)}}),
                   in_asked ? job.asked->code : ""});
  }
  if (meta.translation == "draft")
    out.push_back({fill_template(strings.get("translation_draft"),
                                 {{"source", strings.language_name(meta.source_language)},
                                  {"date", strings.format_date(meta.translated)}}),
                   ""});
  if (outdated && !strings.get("translation_outdated").empty())
    out.push_back({fill_template(strings.get("translation_outdated"),
                                 {{"source", strings.language_name(meta.source.language)}}),
                   ""});
  return out;
}

std::vector<std::pair<std::string, SourcePos>> article_names(const RunContext& run, Languages& langs,
                                                             const std::string& lang) {
  std::vector<std::pair<std::string, SourcePos>> out;
  const auto& c = run.config;
  if (!c.articles.empty()) {
    for (std::size_t i = 0; i < c.articles.size(); ++i) out.emplace_back(c.articles[i], c.article_pos[i]);
    return out;
  }
  auto names = articles_in(langs.get(lang).dir);
  if (!c.fallback_language.empty() && c.fallback_language != lang)
    for (const auto& n : articles_in(langs.get(c.fallback_language).dir))
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  for (const auto& n : names) out.emplace_back(n, SourcePos{c.path});
  return out;
}

std::vector<LanguageHandouts> run_handouts(const RunContext& run, Languages& langs) {
  std::vector<LanguageHandouts> out;
  for (const auto& lang : run.config.languages) out.push_back({lang, article_names(run, langs, lang), {}});
  if (!run.config.articles.empty()) return out;  // the same list for every language: nothing left out
  for (auto& mine : out)
    for (const auto& other : out) {
      if (other.lang == mine.lang) continue;
      for (const auto& article : other.articles) {
        const std::string& name = article.first;  // not a structured binding: lambdas capture it (clang 14)
        const bool built = std::any_of(mine.articles.begin(), mine.articles.end(),
                                       [&](const auto& a) { return a.first == name; });
        const bool listed = std::find(mine.not_built.begin(), mine.not_built.end(), name) != mine.not_built.end();
        if (!built && !listed && is_file(join_path(langs.get(other.lang).dir, name + ".md"))) mine.not_built.push_back(name);
      }
    }
  return out;
}

void no_articles_error(const RunContext& run, Languages& langs, const std::string& lang, Diagnostics& diags) {
  diags.error(run.config.path, 0, 0, "no articles for language '" + lang + "' (looked in '" + langs.get(lang).dir + "')");
}

std::string fallback_suggestion(const RunContext& run, Languages& langs, const std::string& lang,
                                const std::string& name) {
  if (!run.config.fallback_language.empty()) return "";
  std::vector<std::string> candidates{"en"};
  candidates.insert(candidates.end(), run.config_languages.begin(), run.config_languages.end());
  for (const auto& code : candidates) {
    if (code == lang || std::find(run.config_languages.begin(), run.config_languages.end(), code) ==
                            run.config_languages.end())
      continue;
    const Language& l = langs.get(code);
    if (l.strings_ok && is_file(join_path(l.dir, name + ".md"))) return code;
  }
  return "";
}

std::string clinic_article_path(const RunContext& run, const std::string& lang, const std::string& name) {
  return join_path(run.dirs.empty() ? run.config.base_dir : run.dirs.front(), "content/" + lang + "/" + name + ".md");
}

}  // namespace handout
