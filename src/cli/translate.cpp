#include "cli/translate.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>

#include "config/config.h"
#include "hash/content_hash.h"
#include "build/article_input.h"
#include "cli/exit_code.h"
#include "build/file_output.h"
#include "cli/new_files.h"
#include "build/language_catalogue.h"
#include "build/run_context.h"
#include "build/translate_clinic.h"
#include "build/translation_state.h"
#include "translate/formats.h"
#include "translate/rebuild.h"
#include "util/input_file.h"
#include "util/text.h"

namespace handout {
namespace {

using namespace translate;

// The config and the data folders: all translate needs of a run (no fonts, no layouts).
std::unique_ptr<RunContext> load_config(const TranslateOptions& o, std::ostream& err) {
  Diagnostics diags;
  std::unique_ptr<RunContext> run = load_config_run(o.config_path, diags);
  err << diags.to_string();
  return run;
}

std::vector<std::string> article_list(const RunContext& run, const TranslateOptions& o) {
  return o.articles.empty() ? articles_in(content_dir(run, o.from)) : o.articles;
}

std::string join_pieces(const std::vector<TaggedPiece>& pieces, const std::map<int, int>& renumber) {
  std::string out;
  for (const TaggedPiece& p : pieces) {
    const auto it = renumber.find(p.id);
    const std::string id = std::to_string(it != renumber.end() ? it->second : p.id);
    switch (p.type) {
      case TaggedPiece::Type::Text: out += p.text; break;
      case TaggedPiece::Type::Open: out += "<" + id + ">"; break;
      case TaggedPiece::Type::Close: out += "</" + id + ">"; break;
      case TaggedPiece::Type::Standalone: out += "<" + id + "/>"; break;
    }
  }
  return out;
}

// A translated unit's text with its codes numbered as the source unit's (the translation's own
// file numbers them in its order): codes match by kind and link target. None when they differ.
std::optional<std::string> renumbered(const Unit& translated, const Unit& source) {
  std::vector<bool> used(source.codes.size());
  std::map<int, int> to;
  for (const InlineCode& c : translated.codes) {
    std::size_t k = 0;
    while (k < source.codes.size() && (used[k] || source.codes[k].kind != c.kind || source.codes[k].value != c.value)) ++k;
    if (k == source.codes.size()) return std::nullopt;
    used[k] = true, to[c.id] = source.codes[k].id;
  }
  std::string out = join_pieces(split_tagged(translated.text), to);
  if (!code_problem(source.text, out).empty()) return std::nullopt;
  return out;
}

// A fingerprint of a translation's files as they are (the article and its resource list).
std::string translation_base(const std::string& article_path) {
  std::string bytes, text;
  if (!read_file(article_path, text)) return "none";
  bytes = text;
  const std::string res = article_path.substr(0, article_path.size() - 3) + ".resources.yaml";
  if (read_file(res, text)) bytes += '\0' + text;
  return hash_hex(content_hash(bytes));
}

struct Translation {
  bool exists = false;
  std::string path;
  Article article;
  std::vector<Unit> units;
};

Translation load_translation(const RunContext& run, const std::string& lang, const std::string& name) {
  Translation t;
  t.path = clinic_article_path(run, lang, name);
  Diagnostics ignored;
  if (is_file(t.path) && load_article_text(run, t.path, t.article, ignored)) {
    t.exists = true;
    t.units = article_units(t.article.meta, t.article.body, t.article.resources);
  }
  return t;
}

bool read_unit_file(const std::string& path, UnitFile& out, std::string& error) {
  if (path.ends_with(".po")) return read_po(path, out, error);
  return read_xliff(path, out, error);
}

// The source texts of the units an earlier export of the same article wrote (the translator's
// copy of the English the translation was made from), by recorded index; empty when that export
// is gone or was made from another version.
std::vector<std::string> earlier_sources(const std::string& dir, const std::string& name, const Alignment& a,
                                         const std::vector<Unit>& units, std::size_t recorded) {
  for (const char* ext : {".xlf", ".po"}) {
    const std::string path = join_path(dir, name + ext);
    UnitFile old;
    std::string error;
    if (!is_file(path) || !read_unit_file(path, old, error) || old.units.size() != recorded) continue;
    bool same = true;
    for (std::size_t i = 0; i < units.size(); ++i)
      if (a.same[i] >= 0 && old.units[a.same[i]].unit.text != units[i].text) same = false;
    if (!same) continue;
    std::vector<std::string> out;
    for (const auto& u : old.units) out.push_back(u.unit.text);
    return out;
  }
  return {};
}

bool write_unit_file(const UnitFile& file, const std::string& path, bool po, std::string& error) {
  const std::string tmp = path + ".part";
  const bool ok = po ? write_po(file, tmp, error) : write_xliff(file, tmp, error);
  if (ok && std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = "cannot write '" + path + "'";
    return false;
  }
  if (!ok) std::remove(tmp.c_str());
  return ok;
}

// ---- export ------------------------------------------------------------------------------------

struct ExportCounts {
  int fresh = 0, translated = 0, changed = 0;
};

bool article_file(const RunContext& run, const TranslateOptions& o, const std::string& name, const std::string& dir,
                  UnitFile& file, ExportCounts& n, std::ostream& err) {
  Article source;
  Diagnostics diags;
  const std::string source_path = join_path(content_dir(run, o.from), name + ".md");
  if (!is_file(source_path)) {
    err << source_path << ": error: no such article to export\n";
    return false;
  }
  if (!load_article_text(run, source_path, source, diags)) {
    err << diags.to_string();
    return false;
  }
  const std::vector<Unit> units = article_units(source.meta, source.body, source.resources);
  const Translation t = load_translation(run, o.lang, name);
  file.original = source_path, file.source_language = o.from, file.target_language = o.lang;
  file.date = today_iso();
  file.base = translation_base(t.path);
  const TranslationSource& rec = t.article.meta.source;
  const bool recorded = t.exists && rec.present() && rec.language == o.from && rec.article == name &&
                        t.units.size() == rec.blocks.size();
  // Without a record, a translation of the same shape is the previous translation of every unit.
  Alignment a;
  if (recorded) {
    a = align(rec.blocks, unit_hashes(units));
  } else {
    a.same.assign(units.size(), -1);
    a.previous.assign(units.size(), -1);
    if (t.exists && t.units.size() == units.size())
      for (std::size_t i = 0; i < units.size(); ++i) a.previous[i] = static_cast<int>(i);
  }
  const auto earlier = recorded ? earlier_sources(dir, name, a, units, rec.blocks.size()) : std::vector<std::string>{};
  for (std::size_t i = 0; i < units.size(); ++i) {
    FileUnit f;
    f.unit = units[i];
    if (a.same[i] >= 0) {
      if (auto text = renumbered(t.units[a.same[i]], units[i])) f.state = FileUnit::State::Translated, f.target = *text;
    } else if (a.previous[i] >= 0 && t.exists) {
      const Unit& before = t.units[a.previous[i]];
      f.state = FileUnit::State::Changed;
      f.previous_target = renumbered(before, units[i]).value_or(tagged_to_plain(before.text, before.codes));
      if (!earlier.empty()) f.previous_source = earlier[a.previous[i]];
    }
    (f.state == FileUnit::State::Translated ? n.translated : f.state == FileUnit::State::Changed ? n.changed : n.fresh)++;
    file.units.push_back(std::move(f));
  }
  return true;
}

// The clinic's texts for one language: labels not yet translated, and the config's texts that
// have a per-language form (tagline, hours, footer note, extra resources' descriptions).
UnitFile clinic_file(const RunContext& run, const TranslateOptions& o, ExportCounts& n) {
  UnitFile file;
  file.original = o.config_path, file.source_language = o.from, file.target_language = o.lang, file.date = today_iso();
  file.base = clinic_base(run, o.lang);
  Strings from, to;
  Diagnostics ignored;
  run_strings(run, strings_file(run, o.from), from, ignored);
  // The clinic's own labels for the language, else none yet (every label is to translate).
  const std::string own = join_path(dir_of(clinic_article_path(run, o.lang, "x")), "strings.yaml");
  const bool has_labels = is_file(own) && run_strings(run, own, to, ignored);
  // A label goes out when the file lists it as untranslated, lacks it, or its source changed
  // since it was translated (strings.yaml's `source:`; then with its previous translation).
  const auto now = label_hashes(from);
  auto listed = [&](const std::string& key) {
    return std::find(to.untranslated.begin(), to.untranslated.end(), key) != to.untranslated.end();
  };
  auto changed = [&](const std::string& key) {
    const auto it = to.source_labels.find(key);
    return it != to.source_labels.end() && now.count(key) && it->second != now.at(key);
  };
  auto add = [&](const std::string& id, const std::string& text, const std::string& note, const std::string* target,
                 const std::string* previous = nullptr) {
    if (text.empty()) return;
    FileUnit f;
    f.unit.id = id, f.unit.kind = UnitKind::Label, f.unit.text = text, f.unit.note = note;
    if (target && !target->empty()) f.state = FileUnit::State::Translated, f.target = *target;
    if (previous) f.state = FileUnit::State::Changed, f.previous_target = *previous;
    (f.state == FileUnit::State::Translated ? n.translated : f.state == FileUnit::State::Changed ? n.changed : n.fresh)++;
    file.units.push_back(std::move(f));
  };
  for (const std::string& key : translatable_string_keys()) {
    const bool fresh = !has_labels || listed(key);
    if (key == "months") {
      const bool again = !fresh && changed("months") && to.months.size() == from.months.size();
      if (!fresh && !again) continue;
      for (std::size_t m = 0; m < from.months.size(); ++m)
        add("label.months." + std::to_string(m + 1), from.months[m], "label: month " + std::to_string(m + 1), nullptr,
            again ? &to.months[m] : nullptr);
    } else if (key == "language_names") {
      for (const auto& [code, name] : from.language_names) {
        const auto had = to.language_names.find(code);
        const bool missing = had == to.language_names.end();
        const bool again = !fresh && !missing && changed("language_names." + code);
        if (fresh || missing || again)
          add("label.language_names." + code, name, "label: the name of the language " + code, nullptr,
              again ? &had->second : nullptr);
      }
    } else {
      const bool missing = has_labels && !to.labels.count(key);
      const bool again = !fresh && !missing && changed(key);
      if (fresh || missing || again)
        add("label." + key, from.get(key), "label '" + key + "' (keep each {placeholder} as it is)", nullptr,
            again ? &to.labels.at(key) : nullptr);
    }
  }
  auto localized = [&](const std::string& id, const LocalizedText& text, const std::string& note) {
    if (text.size() < 2 && text.count("")) return;  // one text for every language: nothing to translate
    auto src = text.find(o.from);
    if (src == text.end()) return;
    auto dst = text.find(o.lang);
    for (std::size_t i = 0; i < src->second.size(); ++i) {
      const std::string* target = dst != text.end() && i < dst->second.size() ? &dst->second[i] : nullptr;
      add(src->second.size() > 1 ? id + "." + std::to_string(i + 1) : id, src->second[i], note, target);
    }
  };
  localized("clinic.tagline", run.in.config.tagline, "config: clinic.tagline");
  localized("clinic.hours", run.in.config.hours, "config: clinic.hours");
  localized("footer_note", run.in.config.footer_note, "config: footer_note");
  for (std::size_t i = 0; i < run.in.config.extra_resources.size(); ++i)
    localized("extra_resources." + std::to_string(i + 1) + ".description", run.in.config.extra_resources[i].description,
              "config: extra_resources: " + run.in.config.extra_resources[i].entry.name);
  return file;
}

bool check_target(const TranslateOptions& o, std::ostream& err) {
  if (!valid_language_code(o.lang)) {
    err << "error: '" << o.lang << "' is no language code (es, pt-BR, zh-Hans)\n";
    return false;
  }
  if (o.lang == o.from) {
    err << "error: --lang " << o.lang << " is the source language itself\n";
    return false;
  }
  return true;
}

// The run of a command that writes for --lang: the config loaded, then the target checked;
// null (said on `err`) when either fails.
std::unique_ptr<RunContext> load_for_target(const TranslateOptions& o, std::ostream& err) {
  std::unique_ptr<RunContext> loaded = load_config(o, err);
  return loaded && check_target(o, err) ? std::move(loaded) : nullptr;
}

}  // namespace

int run_translate_export(const TranslateOptions& o, std::ostream& out, std::ostream& err) {
  const std::unique_ptr<RunContext> loaded = load_for_target(o, err);
  if (!loaded) return kExitConfigError;
  const RunContext& run = *loaded;
  const std::string dir = join_path(o.out_dir, o.lang);
  std::string error;
  if (!make_dirs(dir, 0755, error)) {
    err << dir << ": error: " << error << "\n";
    return kExitConfigError;
  }
  const bool xliff = o.format != "po", po = o.format != "xliff";
  auto write = [&](const UnitFile& f, const std::string& stem, const ExportCounts& n) {
    bool ok = true;
    for (const auto& [wanted, ext] : {std::pair{xliff, ".xlf"}, std::pair{po, ".po"}}) {
      if (!wanted) continue;
      const std::string path = join_path(dir, stem + ext);
      if (!write_unit_file(f, path, std::string(ext) == ".po", error)) {
        err << path << ": error: " << error << "\n";
        ok = false;
        continue;
      }
      out << path << ": " << f.units.size() << " units: " << n.fresh << " to translate, " << n.changed
          << " changed, " << n.translated << " translated\n";
    }
    return ok;
  };
  bool ok = true;
  for (const std::string& name : article_list(run, o)) {
    UnitFile file;
    ExportCounts n;
    ok = article_file(run, o, name, dir, file, n, err) && write(file, name, n) && ok;
  }
  ExportCounts n;
  const UnitFile clinic = clinic_file(run, o, n);
  if (!clinic.units.empty()) ok = write(clinic, "clinic", n) && ok;
  return ok ? kExitOk : kExitSomeFailed;
}

// ---- import ------------------------------------------------------------------------------------

namespace {

struct PlannedWrite {
  std::string path, text;
};

// Writes each planned file (its folders made, atomically); stops at the first that fails.
int write_planned(const std::vector<PlannedWrite>& writes, std::ostream& out, std::ostream& err) {
  for (const PlannedWrite& w : writes) {
    std::string error;
    if (!make_dirs(dir_of(w.path), 0755, error) || !write_file_atomically(w.path, w.text, error)) {
      err << w.path << ": error: " << error << "\n";
      return kExitSomeFailed;
    }
    out << "wrote " << w.path << "\n";
  }
  return kExitOk;
}

// Where `original` (content/<lang>/<article>.md) points: its language and article.
bool source_of(const std::string& original, std::string& lang, std::string& article) {
  if (!original.ends_with(".md")) return false;
  const std::string dir = dir_of(original);
  article = original.substr(dir.empty() ? 0 : dir.size() + 1);
  article = article.substr(0, article.size() - 3);
  const std::size_t slash = dir.find_last_of('/');
  lang = slash == std::string::npos ? dir : dir.substr(slash + 1);
  return valid_language_code(lang) && valid_article_name(article);
}

class Importer {
 public:
  Importer(const RunContext& run, const TranslateOptions& o, std::ostream& err) : run_(run), o_(o), err_(err) {}

  // Reads and checks one file; its writes are planned only when it has no error.
  bool file(const std::string& path, std::vector<PlannedWrite>& writes) {
    path_ = path, errors_ = 0;
    UnitFile f;
    std::string error;
    if (!read_unit_file(path, f, error)) return fail("", error);
    std::string lang, name;
    if (!f.original.ends_with(".md")) return clinic(f, writes);
    if (!source_of(f.original, lang, name))
      return fail("", "names no source article handout exported ('" + f.original + "')");
    check_language(f, lang);
    Article source;
    Diagnostics diags;
    const std::string source_path = join_path(content_dir(run_, lang), name + ".md");
    if (!is_file(source_path) || !load_article_text(run_, source_path, source, diags))
      return fail("", "its source '" + source_path + "' cannot be read");
    const std::vector<Unit> units = article_units(source.meta, source.body, source.resources);
    Translations t;
    bool all_final = true;
    for (const Unit& u : units) {
      const FileUnit* got = find(f, u.id);
      if (!got) {
        fail(u.id, "missing (" + u.note + ")");
        continue;
      }
      if (!got->unit.text.empty() && got->unit.text != u.text) {
        fail(u.id, "its source changed since the export (export again and merge the translation)");
        continue;
      }
      if (got->target.empty()) {
        fail(u.id, "has no translation");
        continue;
      }
      if (auto problem = code_problem(u.text, got->target); !problem.empty()) fail(u.id, problem);
      t[u.id] = got->target;
      all_final = all_final && got->state == FileUnit::State::Final;
    }
    for (const FileUnit& g : f.units)
      if (std::none_of(units.begin(), units.end(), [&](const Unit& u) { return u.id == g.unit.id; }))
        fail(g.unit.id, "is no unit of '" + source_path + "' (made from another version? export again)");
    const std::string target = clinic_article_path(run_, f.target_language, name);
    if (!f.base.empty() && translation_base(target) != f.base)
      fail("", "'" + target + "' was " + (f.base == "none" ? "written" : "edited") +
                   " since this file was exported: import does not overwrite it (merge the changes by hand, or "
                   "move it away and import again)");
    if (errors_ > 0) return false;
    Translation before = load_translation(run_, f.target_language, name);
    TranslationHeader h;
    h.keywords = before.exists && !before.article.meta.keywords.empty() ? before.article.meta.keywords : source.meta.keywords;
    h.translation = all_final ? "reviewed" : "draft";
    h.source_language = lang, h.translated = today_iso();
    h.source = {name, lang, unit_hashes(units), {}};
    writes.push_back({target, article_markdown(source.body, units, t, h)});
    if (!source.resources_path.empty())
      writes.push_back({target.substr(0, target.size() - 3) + ".resources.yaml", resources_yaml(source.resources, units, t)});
    return true;
  }

 private:
  // A clinic file: labels into the language's strings.yaml, texts into the config.
  bool clinic(const UnitFile& f, std::vector<PlannedWrite>& writes) {
    check_language(f, f.source_language.empty() ? o_.from : f.source_language);
    if (errors_ > 0) return false;
    std::vector<std::string> problems;
    auto edits = import_clinic_file(run_, f, problems);
    for (const auto& p : problems) fail("", p);
    if (errors_ > 0) return false;
    for (auto& e : edits) writes.push_back({e.path, e.text});
    return true;
  }

  const FileUnit* find(const UnitFile& f, const std::string& id) {
    for (const FileUnit& u : f.units)
      if (u.unit.id == id) return &u;
    return nullptr;
  }

  void check_language(const UnitFile& f, const std::string& source_lang) {
    const std::string& lang = f.target_language;
    if (!valid_language_code(lang)) {
      fail("", "its target language '" + lang + "' is no language code");
      return;
    }
    if (lang == source_lang) fail("", "its target language '" + lang + "' is the source's language");
    if (!o_.lang.empty() && lang != o_.lang) fail("", "its target language is '" + lang + "', not --lang " + o_.lang);
    // Exported as <out>/<lang>/<article>: a file in another language's folder is the wrong one.
    const std::string dir = dir_of(path_);
    const std::string folder = dir.substr(dir.find_last_of('/') == std::string::npos ? 0 : dir.find_last_of('/') + 1);
    if (valid_language_code(folder) && folder != lang && folder != source_lang)
      fail("", "its target language is '" + lang + "', but it is in the folder for '" + folder + "'");
    const auto& langs = run_.in.config.languages;
    if (std::find(langs.begin(), langs.end(), lang) == langs.end() && !has_language_folder(run_.in.dirs, lang))
      fail("", "its target language '" + lang + "' is none of the clinic's languages");
  }

  bool fail(const std::string& unit, const std::string& message) {
    err_ << path_ << ": error: " << (unit.empty() ? "" : "unit '" + unit + "' ") << message << "\n";
    ++errors_;
    return false;
  }

  const RunContext& run_;
  const TranslateOptions& o_;
  std::ostream& err_;
  std::string path_;
  int errors_ = 0;
};

}  // namespace

int run_translate_import(const TranslateOptions& o, std::ostream& out, std::ostream& err) {
  const std::unique_ptr<RunContext> loaded = load_config(o, err);
  if (!loaded) return kExitConfigError;
  const RunContext& run = *loaded;
  std::vector<PlannedWrite> writes;
  Importer importer(run, o, err);
  int failed = 0;
  for (const std::string& path : o.files)
    if (!importer.file(path, writes)) ++failed;
  if (failed > 0) {
    err << "nothing written: " << failed << " of " << o.files.size() << " files have errors\n";
    return kExitSomeFailed;
  }
  return write_planned(writes, out, err);
}

// ---- pseudo ------------------------------------------------------------------------------------

namespace {

// Pseudo text for a label: {placeholders} kept as they are.
std::string pseudo_label(const std::string& text) {
  std::string out, run;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i);
      if (close != std::string::npos) {
        if (!run.empty()) out += pseudo_text(run), run.clear();
        out += text.substr(i, close - i + 1);
        i = close;
        continue;
      }
    }
    run += text[i];
  }
  if (!run.empty()) out += pseudo_text(run);
  return out;
}

std::string pseudo_strings(const Strings& en, const std::string& from) {
  std::string out = "# Pseudo-translation made by `handout translate pseudo`: accented and 37% longer, to test layouts.\n"
                    "translation: draft\nsource_language: " + from + "\n";
  for (const std::string& key : translatable_string_keys()) {
    if (key == "months") {
      out += "months: [";
      for (std::size_t i = 0; i < en.months.size(); ++i) out += (i ? ", " : "") + yaml_quoted(pseudo_label(en.months[i]));
      out += "]\n";
    } else if (key == "language_names") {
      out += "language_names:\n";
      for (const auto& [code, name] : en.language_names) out += "  " + code + ": " + yaml_quoted(pseudo_label(name)) + "\n";
    } else if (!en.get(key).empty()) {
      out += key + ": " + yaml_quoted(pseudo_label(en.get(key))) + "\n";
    }
  }
  return out;
}

}  // namespace

int run_translate_pseudo(const TranslateOptions& o, std::ostream& out, std::ostream& err) {
  const std::unique_ptr<RunContext> loaded = load_for_target(o, err);
  if (!loaded) return kExitConfigError;
  const RunContext& run = *loaded;
  std::vector<PlannedWrite> writes;
  for (const std::string& name : article_list(run, o)) {
    Article source;
    Diagnostics diags;
    const std::string path = join_path(content_dir(run, o.from), name + ".md");
    if (!load_article_text(run, path, source, diags)) {
      err << diags.to_string();
      return kExitSomeFailed;
    }
    const auto units = article_units(source.meta, source.body, source.resources);
    Translations t;
    for (const Unit& u : units) t[u.id] = pseudo_text(u.text);
    TranslationHeader h;
    h.keywords = source.meta.keywords, h.source_language = o.from, h.translated = today_iso();
    h.source = {name, o.from, unit_hashes(units), {}};
    const std::string target = clinic_article_path(run, o.lang, name);
    writes.push_back({target, article_markdown(source.body, units, t, h)});
    if (!source.resources_path.empty())
      writes.push_back({target.substr(0, target.size() - 3) + ".resources.yaml", resources_yaml(source.resources, units, t)});
  }
  Strings en;
  Diagnostics diags;
  if (!run_strings(run, strings_file(run, o.from), en, diags)) {
    err << diags.to_string();
    return kExitSomeFailed;
  }
  writes.push_back({join_path(dir_of(clinic_article_path(run, o.lang, "x")), "strings.yaml"), pseudo_strings(en, o.from)});
  // The config's texts given per language (tagline, hours, footer note, extra resources'
  // descriptions) get a pseudo form too: a header or footer that overflows shows up as well.
  ExportCounts ignored_counts;
  UnitFile clinic = clinic_file(run, o, ignored_counts);
  std::erase_if(clinic.units, [](const FileUnit& u) { return u.unit.id.rfind("label.", 0) == 0; });
  for (FileUnit& u : clinic.units) u.target = pseudo_label(u.unit.text), u.state = FileUnit::State::Translated;
  if (!clinic.units.empty()) {
    std::vector<std::string> problems;
    for (EditedFile& e : import_clinic_file(run, clinic, problems)) writes.push_back({e.path, std::move(e.text)});
    for (const std::string& p : problems) err << run.in.config.path << ": error: " << p << "\n";
    if (!problems.empty()) return kExitSomeFailed;
  }
  return write_planned(writes, out, err);
}

// ---- record ------------------------------------------------------------------------------------

int run_translate_record(const TranslateOptions& o, std::ostream& out, std::ostream& err) {
  const std::unique_ptr<RunContext> loaded = load_for_target(o, err);
  if (!loaded) return kExitConfigError;
  const RunContext& run = *loaded;
  int failed = 0;
  for (const std::string& name : article_list(run, o)) {
    const Translation t = load_translation(run, o.lang, name);
    if (!t.exists) continue;
    Article source;
    Diagnostics diags;
    const std::string path = join_path(content_dir(run, o.from), name + ".md");
    if (!load_article_text(run, path, source, diags)) {
      err << diags.to_string();
      ++failed;
      continue;
    }
    const auto units = article_units(source.meta, source.body, source.resources);
    if (units.size() != t.units.size()) {
      err << t.path << ": error: its " << t.units.size() << " blocks do not line up with the " << units.size()
          << " of '" << path << "' (a block added or left out?): not recorded\n";
      ++failed;
      continue;
    }
    std::string text, error;
    if (!read_file(t.path, text)) continue;
    if (!write_file_atomically(t.path, with_source(text, {name, o.from, unit_hashes(units), {}}), error)) {
      err << t.path << ": error: " << error << "\n";
      ++failed;
      continue;
    }
    out << t.path << ": recorded " << units.size() << " blocks of " << path << "\n";
  }
  // The labels: each as the source's is now.
  const std::string own = join_path(dir_of(clinic_article_path(run, o.lang, "x")), "strings.yaml");
  Strings from;
  Diagnostics ignored;
  std::string text, error;
  if (read_file(own, text) && run_strings(run, strings_file(run, o.from), from, ignored)) {
    if (write_file_atomically(own, with_label_source(text, o.from, label_hashes(from)), error))
      out << own << ": recorded " << label_hashes(from).size() << " labels of " << strings_file(run, o.from) << "\n";
    else
      err << own << ": error: " << error << "\n", ++failed;
  }
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace handout
