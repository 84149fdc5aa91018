
#include "config/config.h"
#include "config/yaml_reader.h"
#include "util/ascii.h"

namespace handout {

// 2026-02-30 has the shape but is no day: the month's length decides.
bool is_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!ascii::digit(text[i])) return false;
  const int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8));
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {

// `source: {article: NAME, language: CODE, blocks: [hash, ...]}`: what a translation was made of.
void read_source(const YAML::Node& node, const std::string& path, int offset, TranslationSource& out, Diagnostics& diags) {
  yaml::MapReader m(node, path, offset, "'source'", diags);
  if (!m.ok()) return;
  out.article = m.text("article", true).value_or("");
  out.language = m.text("language", true).value_or("");
  if (!out.language.empty() && !valid_language_code(out.language))
    diags.error(m.pos("language"), "'source.language' must be a language code such as en (got '" + out.language + "')");
  if (!out.article.empty() && !valid_article_name(out.article))
    diags.error(m.pos("article"), "'source.article' must be an article name (got '" + out.article + "')");
  if (m.child("blocks", true).IsDefined())
    out.blocks = m.text_list("blocks", false).value_or(std::vector<std::string>{});
  for (const std::string& h : out.blocks) {
    const bool ok = h.size() == 8 && h.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567") == std::string::npos;
    if (!ok) {
      diags.error(m.pos("blocks"), "'source.blocks' holds '" + h + "', which is no block hash (8 of a-z, 2-7); "
                                   "`handout translate record` writes them");
      out.blocks.clear();
      break;
    }
  }
  m.finish();
}

}  // namespace

bool parse_front_matter(const std::string& text, const std::string& path, int first_line,
                        ArticleMeta& out, Diagnostics& diags) {
  const auto errors_before = diags.error_count();
  const int offset = first_line - 1;
  YAML::Node root;
  if (!yaml::parse(text, path, offset, root, diags)) return false;
  yaml::MapReader m(root, path, offset, "front matter", diags);
  if (!m.ok()) return false;
  out.title = m.text("title", true).value_or("");
  out.title_pos = m.pos("title");
  out.summary = m.text("summary").value_or("");
  out.summary_pos = m.pos("summary"), out.reviewed_pos = m.pos("reviewed"), out.translation_pos = m.pos("translation");
  // `reviewed:` left empty (as init and new write it) has no value to point at: its key's line.
  for (auto it = root.begin(); it != root.end(); ++it)
    if (it->first.Scalar() == "reviewed" && it->second.IsNull()) out.reviewed_pos = m.pos_of(it->first);
  if (auto reviewed = m.text("reviewed")) {
    if (is_iso_date(*reviewed))
      out.reviewed = *reviewed;
    else
      diags.error(m.pos("reviewed"), "'reviewed' must be a real date written YYYY-MM-DD (got '" + *reviewed + "')");
  }
  out.keywords = m.text_list("keywords", true).value_or(std::vector<std::string>{});
  if (auto res = m.text("resources")) out.resources_file = *res, out.resources_pos = m.pos("resources");
  if (auto t = m.text("translation")) {
    if (*t == "draft" || *t == "reviewed")
      out.translation = *t;
    else
      diags.error(m.pos("translation"), "'translation' must be draft or reviewed (got '" + *t + "')");
  }
  out.source_language = m.text("source_language").value_or("");
  if (!out.translation.empty() && out.source_language.empty())
    diags.error(m.pos("translation"), "a translation must name its 'source_language'");
  if (auto node = m.child("source"); node.IsDefined()) read_source(node, path, offset, out.source, diags);
  out.source.pos = m.pos("source");
  out.status_pos = m.pos("status");
  if (auto status = m.text("status")) {
    if (*status == "draft" || *status == "ready")
      out.status = *status;
    else
      diags.error(m.pos("status"), "'status' must be draft or ready (got '" + *status + "')");
  }
  if (auto d = m.text("translated")) {
    if (is_iso_date(*d))
      out.translated = *d;
    else
      diags.error(m.pos("translated"), "'translated' must be a real date written YYYY-MM-DD (got '" + *d + "')");
  }
  m.finish();
  return diags.error_count() == errors_before;
}

}  // namespace handout
