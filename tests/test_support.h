// Shared fixtures: the shipped fonts, a small clinic, helpers to lay out Markdown.
#pragma once
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/markdown.h"
#include "fonts/font_set.h"
#include "layout/handout_layout.h"

extern bool g_update_golden;

namespace handout::test {

/// The repository's root folder (fonts/, layouts/, content/).
inline std::string source_dir() { return HANDOUT_SOURCE_DIR; }

/// A new empty folder under /tmp named after `what` (the test fails when none can be made).
inline std::string scratch_dir(const std::string& what) {
  std::string path = "/tmp/handout-" + what + "-XXXXXX";
  REQUIRE(::mkdtemp(path.data()) != nullptr);
  return path;
}

/// Writes `bytes` as the whole of the file at `path`.
inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

/// The shipped Noto Sans family, loaded once for all tests.
inline const HandoutFonts& fonts() {
  static FontSet set;
  static HandoutFonts faces = [] {
    Diagnostics d;
    const int fam = set.load_family("Noto Sans", {source_dir()}, {}, d);
    FamilyFaces f{set.face_id(fam, FaceStyle::Regular), set.face_id(fam, FaceStyle::Bold),
                  set.face_id(fam, FaceStyle::Italic), set.face_id(fam, FaceStyle::BoldItalic)};
    return HandoutFonts{&set, f, f};
  }();
  return faces;
}

/// Loads families (the installed fonts, or fonts/ in the source tree) into `set`, in order;
/// a family that is missing fails the test.
inline std::vector<int> load_families(FontSet& set, std::initializer_list<const char*> names) {
  Diagnostics d;
  std::vector<int> ids;
  for (const char* name : names) ids.push_back(set.load_family(name, {source_dir()}, {}, d));
  REQUIRE(d.items().empty());
  return ids;
}

/// A small fixed clinic and English strings, independent of the shipped example.
struct Fixture {
  ClinicConfig config;
  PrintedClinic clinic;
  LayoutConfig layout;
  Strings strings;
  ArticleMeta meta;
  Document body;
  Fixture() {
    config.path = "test.yaml";
    clinic.info.name = "Test Clinic";
    clinic.tagline = "Care you can trust";
    clinic.info.address = {"1 Main Street", "Springfield"};
    clinic.info.phone = "555-0100";
    clinic.info.email = "hello@clinic.example";
    clinic.info.website = "https://clinic.example";
    clinic.info.email_uri = "mailto:hello@clinic.example";
    clinic.info.website_uri = "https://clinic.example";
    clinic.footer_note = "For education only.";
    Diagnostics d;
    parse_strings("helpful_resources: Helpful resources\ncontact_us: Contact us\npage_of: 'Page {n} of {total}'\n"
                  "reviewed: 'Reviewed {date}'\ndate: '{month} {day}, {year}'\nphone: Phone\nemail: Email\n"
                  "website: Web\nhours: Hours\ntranslation_draft: 'Translated from {source}'\n"
                  "fallback_notice: 'In {language}, not {requested}'\nmonths: [January, February, March, April, May, June, July, "
                  "August, September, October, November, December]\n",
                  "strings.yaml", strings, d);
    meta.title = "A Test Article";
    meta.summary = "What this is about.";
    meta.reviewed = "2026-03-04";
  }
  PagedDocument lay_out(const std::string& markdown, Diagnostics& d, LayoutStats* stats = nullptr) {
    body = parse_markdown(markdown, "test.md", d);
    HandoutInput in;
    in.clinic = &clinic;
    in.layout = &layout;
    in.strings = &strings;
    in.meta = &meta;
    in.body = &body;
    in.lang = "en";
    in.article_file = "test.md";
    in.creator = "handout test";
    in.resources = resources;
    in.intro = intro;
    in.hyphenator = hyphenator;
    in.images = images;
    in.online_url = online_url;
    in.taglines = taglines;
    const Style style = make_style(layout, config.brand, fonts().body, fonts().headings, Script{in.lang, rtl});
    return layout_handout(in, style, *fonts().set, d, stats);
  }
  std::vector<Resource> resources;
  std::string intro;
  const Hyphenator* hyphenator = nullptr;
  std::map<std::string, ArticleImage> images;
  std::string online_url;
  std::vector<Tagline> taglines;
  bool rtl = false;  ///< lay out as a right-to-left page (mirrored)
};

}  // namespace handout::test
