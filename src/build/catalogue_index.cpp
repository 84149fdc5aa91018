#include "build/catalogue_index.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <ostream>

#include "check/findings.h"
#include "render/html/catalogue_page.h"
#include "build/handout_check.h"
#include "build/check_report.h"
#include "build/file_output.h"
#include "build/language_catalogue.h"
#include "build/run_context.h"
#include "render/thumbnail/thumbnail.h"
#include "text/bidi.h"
#include "util/text.h"

namespace handout {
namespace {

constexpr int kThumbnailWidth = 200;  // pixels: a card's picture, sharp enough to recognise a handout

// Modification time in nanoseconds (0 when the file is missing).
long long mtime_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

// The size of an existing PNG from its IHDR chunk; false when the file is not a PNG.
bool png_size(const std::string& path, int& width, int& height) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  unsigned char h[24];
  const bool read = std::fread(h, 1, sizeof h, f) == sizeof h;
  std::fclose(f);
  static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (!read || !std::equal(kSignature, kSignature + 8, h)) return false;
  width = (h[16] << 24) | (h[17] << 16) | (h[18] << 8) | h[19];
  height = (h[20] << 24) | (h[21] << 16) | (h[22] << 8) | h[23];
  return width > 0 && height > 0;
}

// The page's colours from the handouts' own style; the header's white text needs 4.5:1.
CatalogueColors page_colors(const Style& style) {
  CatalogueColors c;
  c.primary = style.primary, c.accent = style.accent, c.text = style.text, c.muted = style.muted, c.link = style.link;
  for (int i = 1; i <= 10 && contrast_ratio(c.primary, {0xFF, 0xFF, 0xFF}) < 4.5; ++i) c.primary = shade(style.primary, i / 10.0);
  return c;
}

TranslationStatus translation_of(const IndexedHandout& h, const ArticleMeta& meta) {
  if (h.content_lang != h.record.language) return TranslationStatus::Fallback;
  if (meta.translation == "draft") return TranslationStatus::Draft;
  if (meta.translation == "reviewed") return TranslationStatus::Reviewed;
  return TranslationStatus::Original;
}

std::string name_own(Languages& langs, const std::string& code) {
  const std::string& name = langs.get(code).strings.get("language_name_own");
  return name.empty() ? code : name;
}

// Draws, or reuses, the thumbnail of one handout; counts what it drew and how long it took.
class Thumbnails {
 public:
  explicit Thumbnails(const std::string& root) : root_(root) {}

  // Fills the entry's thumbnail; a problem is a warning (the card shows without a picture).
  void place(const IndexedHandout& h, CatalogueEntry& e, std::ostream& err) {
    const std::string relative = "thumbnails/" + h.stem + ".png";
    const std::string path = join_path(root_, relative);
    const bool current = h.record.status != HandoutStatus::Written && mtime_of(path) >= mtime_of(h.record.path) &&
                         png_size(path, e.thumbnail_width, e.thumbnail_height);
    if (!current && !draw(h.record.path, relative, e, err)) return;
    e.thumbnail_href = relative;
  }
  int drawn() const { return drawn_; }
  double milliseconds() const { return milliseconds_; }

 private:
  bool draw(const std::string& pdf, const std::string& relative, CatalogueEntry& e, std::ostream& err) {
    const auto start = std::chrono::steady_clock::now();
    Thumbnail t;
    std::string error;
    if (!render_thumbnail(pdf, kThumbnailWidth, t, error) || !write_output_file(root_, relative, t.png, error)) {
      err << pdf << ": warning: no thumbnail: " << error << "\n";
      return false;
    }
    milliseconds_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    e.thumbnail_width = t.width, e.thumbnail_height = t.height;
    ++drawn_;
    return true;
  }

  std::string root_;
  int drawn_ = 0;
  double milliseconds_ = 0;
};

// Checks each article once (several layouts and fallbacks print the same text).
class Checks {
 public:
  Checks(const RunContext& run, Languages& langs) : run_(run), langs_(langs) {}
  const HandoutCheck& of(const std::string& lang, const std::string& article) {
    auto [it, added] = cache_.try_emplace({lang, article});
    if (added) it->second = check_handout(run_, langs_, lang, article);
    return it->second;
  }

 private:
  const RunContext& run_;
  Languages& langs_;
  std::map<std::pair<std::string, std::string>, HandoutCheck> cache_;
};

CatalogueEntry entry_for(const IndexedHandout& h, const HandoutCheck& check, Languages& langs) {
  CatalogueEntry e;
  e.title = check.meta.title.empty() ? h.record.article : check.meta.title;
  e.title_lang = h.content_lang, e.title_rtl = is_rtl_language(h.content_lang);
  e.layout = h.record.layout;
  e.pdf_href = h.stem + ".pdf";
  e.pages = h.record.pages, e.bytes = h.record.bytes;
  e.translation = translation_of(h, check.meta);
  if (e.translation == TranslationStatus::Fallback) e.fallback_name = name_own(langs, h.content_lang);
  e.outdated = std::any_of(check.findings.begin(), check.findings.end(), [](const Finding& f) { return f.check == "outdated"; });
  if (!check.scores.empty()) e.grade = check.scores.front().grade;
  e.target_grade = check.target_grade;
  return e;
}

}  // namespace

bool write_catalogue_index(const RunContext& run, Languages& langs, const std::vector<IndexedHandout>& handouts,
                           bool quiet, std::ostream& out, std::ostream& err) {
  const std::string& root = run.in.config.output_dir;
  CataloguePage page;
  page.clinic = run.in.config.clinic.name;
  page.generator = std::string("handout ") + HANDOUT_VERSION;
  page.colors = page_colors(langs.get(run.in.config.languages.front()).main_style());
  Thumbnails thumbnails(root);
  Checks checks(run, langs);
  std::size_t listed = 0;
  for (const IndexedHandout& h : handouts) {
    if (h.record.article.empty() || h.record.status == HandoutStatus::Failed) continue;
    if (page.sections.empty() || page.sections.back().lang != h.record.language)
      page.sections.push_back({h.record.language, name_own(langs, h.record.language), is_rtl_language(h.record.language), {}});
    CatalogueEntry e = entry_for(h, checks.of(h.content_lang, h.record.article), langs);
    thumbnails.place(h, e, err);
    page.sections.back().entries.push_back(std::move(e));
    ++listed;
  }
  std::string error;
  const std::string path = join_path(root, "index.html");
  if (!write_output_file(root, "index.html", catalogue_html(page), error)) {
    err << path << ": error: " << error << "\n";
    return false;
  }
  char each[64] = "";
  if (thumbnails.drawn() > 0) std::snprintf(each, sizeof each, ", %.0f ms each", thumbnails.milliseconds() / thumbnails.drawn());
  if (!quiet)
    out << "wrote " << path << " (" << listed << " handouts, " << thumbnails.drawn() << " thumbnails drawn"
        << each << ")\n";
  return true;
}

}  // namespace handout
