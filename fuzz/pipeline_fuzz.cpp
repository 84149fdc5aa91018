// libFuzzer target: the whole pipeline from one article to PDF bytes in memory. The input is
// an article file, optionally followed by "\n===\n" and its resource list (YAML); its first
// byte picks the layout. Fonts, layouts, strings and hyphenation load once per process.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "config/config.h"
#include "content/markdown.h"
#include "layout/handout_layout.h"
#include "text/hyphenation.h"
#include "render/pdf/pdf_renderer.h"
#include "util/input_file.h"
#include "util/text.h"

using namespace handout;

namespace {

const char* const kLayouts[] = {"letter", "two-column", "trifold", "large-print", "a4"};

struct Shared {
  ClinicConfig config;
  PrintedClinic clinic;
  LayoutConfig layouts[5];
  Strings strings;
  FontSet fonts;
  HandoutFonts faces;
  std::unique_ptr<Hyphenator> hyphenator;
  ImageSet images;

  Shared() {
    Diagnostics d;
    const std::vector<std::string> dirs{HANDOUT_SOURCE_DIR};
    parse_clinic_config("clinic:\n  name: Fuzz Clinic\n  phone: (503) 555-0142\n  email: care@fuzz.example\n"
                        "  website: fuzz.example\n  address: [1 Main St, Springfield]\nfooter_note: For education.\n",
                        "fuzz.yaml", config, d);
    clinic = printed_clinic(config, "en");
    for (int i = 0; i < 5; ++i) load_layout(dirs, kLayouts[i], {}, layouts[i], d);
    load_strings(std::string(HANDOUT_SOURCE_DIR) + "/content/en/strings.yaml", kDefaultMaxInputBytes, strings, d);
    // The installed fonts (Debian's packages): a body family and fallbacks for several scripts.
    const int body = fonts.load_family("Noto Sans", {}, {}, d);
    std::vector<int> fallbacks;
    for (const char* family : {"Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Thai",
                               "Noto Sans CJK SC", "Nanum Gothic"})
      fallbacks.push_back(fonts.load_family(family, {}, {}, d));
    fonts.set_fallbacks(fallbacks);
    const FamilyFaces f{fonts.face_id(body, FaceStyle::Regular), fonts.face_id(body, FaceStyle::Bold),
                        fonts.face_id(body, FaceStyle::Italic), fonts.face_id(body, FaceStyle::BoldItalic)};
    faces = {&fonts, f, f};
    hyphenator = Hyphenator::for_language("en");
    if (d.has_errors()) __builtin_trap();  // the fixture itself must load
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Shared shared;
  if (size == 0 || size > 20000) return 0;  // larger inputs only slow the search down
  Diagnostics diags;
  std::string all(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!check_input_text(all, "a.md", diags)) return 0;  // as the tool reads it: no other encoding
  const auto split = all.find("\n===\n");
  const std::string article = all.substr(0, split);
  ResourceList resources;
  if (split != std::string::npos) parse_resources(all.substr(split + 5), "a.resources.yaml", resources, diags);
  const ArticleSource src = split_front_matter(article);
  ArticleMeta meta;
  meta.title = "Fuzzed article";
  if (src.front_matter_line > 0) parse_front_matter(src.front_matter, "a.md", src.front_matter_line, meta, diags);
  const Document body = parse_markdown(src.body, "a.md", diags);
  const bool rtl = data[0] & 0x80;
  static const char* const kLanguages[] = {"en", "th", "hi", "ko"};
  HandoutInput in;
  in.clinic = &shared.clinic;
  in.layout = &shared.layouts[(data[0] & 0x7F) % 5];
  in.strings = &shared.strings;
  in.meta = &meta;
  in.body = &body;
  in.intro = resources.intro;
  in.resources = resources.resources;
  in.lang = rtl ? "ar" : kLanguages[(data[0] >> 5) & 3];
  in.article_file = "a.md";
  in.hyphenator = rtl ? nullptr : shared.hyphenator.get();
  const Style style = make_style(*in.layout, shared.config.brand, shared.faces.body, shared.faces.headings,
                                 Script{in.lang, rtl});
  const PagedDocument doc = layout_handout(in, style, shared.fonts, diags);
  if (doc.pages.size() <= 60) {
    std::string pdf, error;
    render_pdf(doc, shared.fonts, all_images(shared.images), pdf, error);
  }
  return 0;
}
