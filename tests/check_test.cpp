// `handout check`'s findings, each on a small article or style: positions word for word,
// reading samples without headings or code, dates against a fixed "today", WCAG contrast.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "check/article_text.h"
#include "check/findings.h"
#include "config/config.h"
#include "content/markdown.h"

namespace handout {
namespace {

// An article parsed as the job parses it: front matter split off, lines kept.
struct Parsed {
  ArticleMeta meta;
  Document doc;
  std::string body;
  std::vector<TextPiece> pieces;
};

Parsed parse(const std::string& text) {
  Parsed p;
  Diagnostics d;
  const ArticleSource src = split_front_matter(text);
  if (src.front_matter_line > 0) parse_front_matter(src.front_matter, "a.md", src.front_matter_line, p.meta, d);
  p.doc = parse_markdown(src.body, "a.md", d);
  p.body = src.body;
  p.pieces = article_text(p.doc, p.body, p.meta);
  return p;
}

std::vector<std::string> lines(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(format_diagnostic(f.diag));
  return out;
}

const char* kArticle =
    "---\n"
    "title: About Dyspareunia\n"
    "summary: Dyspareunia is common.\n"
    "---\n"
    "\n"
    "## What dyspareunia is\n"
    "\n"
    "Many people have **dyspareunia**. It is\n"
    "common; *Dyspareunia* can be treated. Notdyspareunia is not a word.\n"
    "\n"
    "- An item: [about dyspareunia](https://example.org/dyspareunia).\n"
    "\n"
    "```\n"
    "dyspareunia in code\n"
    "```\n";

}  // namespace

TEST_CASE("check: jargon is found at its line and column, whole words, any case, not in code or addresses") {
  const Parsed p = parse(kArticle);
  const auto found = lines(jargon_findings(p.pieces, {{"dyspareunia", "pain during sex"}}, "a.md"));
  // Front matter is YAML: its words are reported at the value (title: line 2, column 8).
  CHECK(found == std::vector<std::string>{
                     "a.md:2:8: warning: 'Dyspareunia': say 'pain during sex'",
                     "a.md:3:10: warning: 'Dyspareunia': say 'pain during sex'",
                     "a.md:6:9: warning: 'dyspareunia': say 'pain during sex'",
                     "a.md:8:20: warning: 'dyspareunia': say 'pain during sex'",
                     "a.md:9:10: warning: 'Dyspareunia': say 'pain during sex'",
                     "a.md:11:19: warning: 'dyspareunia': say 'pain during sex'",
                 });
  // A term of two words across a line break.
  const auto across = lines(jargon_findings(p.pieces, {{"it is common", "it happens a lot"}}, "a.md"));
  CHECK(across == std::vector<std::string>{"a.md:8:35: warning: 'It is common': say 'it happens a lot'"});
  // A word right after a link is not looked for in the link's address.
  const Parsed link = parse("See [the group](https://x.example/dyspareunia) dyspareunia help.\n");
  CHECK(lines(jargon_findings(link.pieces, {{"dyspareunia", "pain during sex"}}, "a.md")) ==
        std::vector<std::string>{"a.md:1:48: warning: 'dyspareunia': say 'pain during sex'"});
}

TEST_CASE("check: reading samples are the summary and running text, each word on its line") {
  const Parsed p = parse(kArticle);
  const std::vector<TextSample> samples = reading_samples(p.pieces);
  REQUIRE(samples.size() == 3);  // summary, paragraph, list item: no title, heading or code
  CHECK(samples[1].line == 8);
  CHECK(samples[1].text == "Many people have dyspareunia. It is\ncommon; Dyspareunia can be treated. Notdyspareunia is not a word.");
  const ReadingStats stats = measure(samples, "en");
  REQUIRE(stats.sentence_list.size() == 5);  // the summary, three in the paragraph, the item
  CHECK(stats.sentence_list[2].line == 8);
  CHECK(stats.sentence_list[3].line == 9);  // "Notdyspareunia is not a word." starts on the next line
}

TEST_CASE("check: sentences over 20 words") {
  const std::string one_long = "This sentence has exactly twenty one words in it so that the check must flag it as long for a reader.";
  const ReadingStats stats = measure({{"Short one. " + one_long, 4}}, "en");
  const auto longs = long_sentences(stats);
  REQUIRE(longs.size() == 1);
  CHECK(longs[0].words == 21);
  CHECK(longs[0].line == 4);
  CHECK(long_sentences(measure({{"Twenty words: one two three four five six seven eight nine ten eleven twelve thirteen "
                                 "fourteen fifteen sixteen seventeen eighteen.", 1}}, "en")).empty());
}

TEST_CASE("check: review dates, old, recent, missing, in the future, against a fixed today") {
  const CivilDate today{2026, 11, 25};
  ArticleMeta meta;
  meta.reviewed_pos = {"a.md", 4, 11};
  meta.reviewed = "2024-11-26";  // 23 full months
  CHECK(review_findings(meta, today, 24, "a.md").empty());
  meta.reviewed = "2024-11-25";  // 24 months to the day: due
  CHECK(lines(review_findings(meta, today, 24, "a.md")) ==
        std::vector<std::string>{"a.md:4:11: warning: reviewed 2024-11-25, 24 months ago: due for review after 24 "
                                 "months (check.review_after_months)"});
  meta.reviewed = "2027-01-02";
  CHECK(lines(review_findings(meta, today, 24, "a.md")).front() == "a.md:4:11: warning: 'reviewed' 2027-01-02 is after today (2026-11-25)");
  meta.reviewed.clear();
  meta.reviewed_pos = {"a.md", 2, 1};  // absent: the front matter's own position
  CHECK(lines(review_findings(meta, today, 24, "a.md")) ==
        std::vector<std::string>{"a.md:2:1: warning: no 'reviewed' date: add the day a clinician last reviewed it (reviewed: YYYY-MM-DD)"});
}

// "After today" compares the dates, not a count of months: any day of the previous month with a
// later day number (2026-11-20 on 2026-12-05) was once reported as in the future.
TEST_CASE("check: a review date is after today only when it is a later day, across months, years and leap days") {
  auto reviewed_on = [](const char* day) {
    ArticleMeta meta;
    meta.reviewed = day;
    meta.reviewed_pos = {"a.md", 4, 11};
    return meta;
  };
  auto after_today = [&](const char* reviewed, CivilDate today) {
    const auto found = lines(review_findings(reviewed_on(reviewed), today, 24, "a.md"));
    return !found.empty() && found.front().find("is after today") != std::string::npos;
  };
  const CivilDate dec5{2026, 12, 5};
  CHECK_FALSE(after_today("2026-11-20", dec5));  // the previous month, a later day number
  CHECK_FALSE(after_today("2026-11-30", {2026, 12, 1}));
  CHECK_FALSE(after_today("2025-12-31", {2026, 1, 1}));  // the previous year
  CHECK_FALSE(after_today("2025-01-31", {2026, 1, 1}));
  CHECK_FALSE(after_today("2026-12-05", dec5));  // the same day
  CHECK(after_today("2026-12-06", dec5));        // tomorrow
  CHECK(after_today("2027-01-01", {2026, 12, 31}));
  CHECK(after_today("2026-12-01", {2026, 11, 30}));
  CHECK_FALSE(after_today("2024-02-29", {2024, 2, 29}));  // a leap day, that day
  CHECK_FALSE(after_today("2024-02-29", {2024, 3, 1}));
  CHECK(after_today("2024-02-29", {2024, 2, 28}));
  CHECK(lines(review_findings(reviewed_on("2026-12-06"), dec5, 24, "a.md")) ==
        std::vector<std::string>{"a.md:4:11: warning: 'reviewed' 2026-12-06 is after today (2026-12-05)"});
  // And the months counted from a leap day: due 24 whole months later, on 2026-03-01 (2026 has no Feb 29).
  const ArticleMeta leap = reviewed_on("2024-02-29");
  CHECK(review_findings(leap, {2026, 2, 28}, 24, "a.md").empty());
  CHECK(lines(review_findings(leap, {2026, 3, 1}, 24, "a.md")) ==
        std::vector<std::string>{"a.md:4:11: warning: reviewed 2024-02-29, 24 months ago: due for review after 24 "
                                 "months (check.review_after_months)"});
  CHECK(review_findings(reviewed_on("2026-11-30"), {2026, 12, 1}, 1, "a.md").empty());  // a day old: not a whole month
}

TEST_CASE("check: a draft article (status: draft), and an empty 'reviewed:' reported at its line") {
  const Parsed p = parse("---\ntitle: T\nstatus: draft   # remove when reviewed\nreviewed:       # YYYY-MM-DD\n---\n\nText.\n");
  CHECK(p.meta.status == "draft");
  CHECK(p.meta.reviewed.empty());
  CHECK(lines(status_findings(p.meta, "a.md")) ==
        std::vector<std::string>{"a.md:3:9: warning: draft article (status: draft): not ready for patients; once a "
                                 "clinician has reviewed it, write the day in 'reviewed:' and remove 'status: draft'"});
  CHECK(lines(review_findings(p.meta, {2026, 12, 5}, 24, "a.md")) ==
        std::vector<std::string>{"a.md:4:1: warning: no 'reviewed' date: add the day a clinician last reviewed it (reviewed: YYYY-MM-DD)"});
  CHECK(status_findings(parse("---\ntitle: T\nstatus: ready\n---\n\nText.\n").meta, "a.md").empty());
  CHECK(status_findings(parse("---\ntitle: T\n---\n\nText.\n").meta, "a.md").empty());
  ArticleMeta meta;
  Diagnostics d;
  CHECK_FALSE(parse_front_matter("title: T\nstatus: drfat\n", "a.md", 2, meta, d));
  CHECK(d.to_string() == "a.md:3:9: error: 'status' must be draft or ready (got 'drfat')\n");
}

TEST_CASE("check: link schemes other than https, mailto and tel") {
  const Parsed p = parse("Read [this](http://a.example/x), [that](https://a.example), [mail](mailto:a@b.example),\n"
                         "[call](tel:+15035550142), [run](javascript:alert(1)), [file](notes.html) and [bad](https://).\n");
  CHECK(lines(link_findings(p.doc, "a.md")) ==
        std::vector<std::string>{
            "a.md:1:6: warning: link 'http://a.example/x' is not encrypted (http:); use https: if the site has it",
            "a.md:2:27: error: link 'javascript:alert(1)' uses 'javascript:'; only https:, mailto: and tel: links belong in a handout",
            "a.md:2:55: error: link 'notes.html' has no scheme: a relative path opens nothing from a PDF; use https:, mailto: or tel:",
            "a.md:2:78: error: link 'https://' is not a well-formed https: address",
        });
}

TEST_CASE("check: images without a description, as figures and inside text") {
  const Parsed p = parse("Intro.\n\n![](pelvis.png)\n\n![The pelvic floor](floor.png)\n\nText with ![ ](icon.png) in it.\n");
  CHECK(lines(image_findings(p.doc, "a.md")) ==
        std::vector<std::string>{
            "a.md:3:1: warning: image 'pelvis.png' has no description: say what it shows, ![like this](pelvis.png), or a screen reader skips it",
            "a.md:7:11: warning: image 'icon.png' has no description: say what it shows, ![like this](icon.png), or a screen reader skips it",
        });
}

TEST_CASE("check: draft translations and missing ones") {
  ArticleMeta meta;
  meta.translation = "draft";
  meta.source_language = "en";
  meta.translation_pos = {"es.md", 8, 14};
  CHECK(lines(draft_findings(meta, "es.md")).front().starts_with("es.md:8:14: warning: draft translation from 'en'"));
  meta.translation = "reviewed";
  CHECK(draft_findings(meta, "es.md").empty());
  CHECK(format_diagnostic(missing_translation("fr", "a", "content/fr/a.md", "").diag) ==
        "content/fr/a.md: error: no 'fr' translation of 'a': the build fails for this handout");
  CHECK(missing_translation("fr", "a", "content/fr/a.md", "en").diag.severity == Severity::Warning);
  CHECK(format_diagnostic(missing_translation("fr", "a", "content/fr/a.md", "", "en").diag) ==
        "content/fr/a.md: error: no 'fr' translation of 'a': the build fails for this handout (set "
        "'fallback_language: en' to print the 'en' version in 'fr')");
  // An article the language does not get at all: the build makes no handout and says nothing, so check does.
  CHECK(format_diagnostic(untranslated_article("fr", "a", "content/fr/a.md", "en").diag) ==
        "content/fr/a.md: warning: no 'fr' translation of 'a', so the build makes no 'fr' handout of it: write this "
        "file, or set 'fallback_language: en' to print the 'en' version in 'fr'");
  CHECK(format_diagnostic(untranslated_article("fr", "a", "content/fr/a.md", "").diag) ==
        "content/fr/a.md: warning: no 'fr' translation of 'a', so the build makes no 'fr' handout of it: write this file");
}

TEST_CASE("check: contrast of every text colour on its background, from the resolved style") {
  LayoutConfig layout;
  Brand brand;
  brand.primary = Color{0xF2, 0xC9, 0x4C};  // a yellow: unreadable as text until the style darkens it
  const Style style = make_style(layout, brand, {}, {});
  CHECK(contrast_findings(style, {"h.yaml", 3, 12}).empty());  // make_style darkened it: the check agrees
  Style spoilt = style;
  spoilt.link = brand.primary;  // as if the style had used the brand colour as it is
  spoilt.headings[1].color = brand.primary;
  const auto found = lines(contrast_findings(spoilt, {"h.yaml", 3, 12}));
  REQUIRE(found.size() >= 4);
  CHECK(found[0] == "h.yaml:3:12: error: links: #F2C94C on #FFFFFF (the page) is 1.59:1, under WCAG AA's 4.5:1");
  // A 16.5 pt bold heading is large text: 3:1 would do, and yellow misses even that.
  CHECK(found.back() == "h.yaml:3:12: error: headings (level 2): #F2C94C on #FFFFFF (the page) is 1.59:1, under WCAG AA's 3.0:1 for large text");
  Style band = style;
  band.band_fill = Color{0x30, 0x30, 0x30};  // a dark band under dark text
  CHECK(lines(contrast_findings(band, {"h.yaml", 3, 12})).front().starts_with("h.yaml:3:12: error: clinic name: "));
}

TEST_CASE("check: text smaller than the layout allows") {
  LayoutConfig layout;
  layout.body_size = 9;     // a brochure's body
  layout.footer_size = 7;
  const Style style = make_style(layout, Brand{}, {}, {});
  const auto found = lines(small_text_findings(style, layout, {"layouts/x.yaml"}));
  CHECK(found == std::vector<std::string>{
                     "layouts/x.yaml: warning: body text is 9 pt, under 11 pt, the least for body text",
                     "layouts/x.yaml: warning: emphasis is 9 pt, under 11 pt, the least for body text",
                     "layouts/x.yaml: warning: footer is 7 pt, under 8 pt, the least for any text",
                     "layouts/x.yaml: warning: footer note is 7 pt, under 8 pt, the least for any text",
                 });
  LayoutConfig large;
  large.body_size = 17;
  large.min_text_size = 14;
  Style spoilt = make_style(large, Brand{}, {}, {});
  CHECK(small_text_findings(spoilt, large, {"layouts/large-print.yaml"}).empty());
  spoilt.footer.size = 12;  // as if a style change had slipped under the layout's floor
  CHECK(lines(small_text_findings(spoilt, large, {"layouts/large-print.yaml"})) ==
        std::vector<std::string>{"layouts/large-print.yaml: error: footer is 12 pt, under the layout's min_text_size of 14 pt"});
}

TEST_CASE("check: the config's check map") {
  ClinicConfig c;
  Diagnostics d;
  REQUIRE(parse_clinic_config("clinic: {name: X}\ncheck:\n  target_grade: 8\n  review_after_months: 12\n"
                              "  plain_words:\n    dyspareunia: pain during sex\n    Pelvic floor: the muscles down there\n",
                              "h.yaml", c, d));
  CHECK(c.check.target_grade == 8);
  CHECK(c.check.review_after_months == 12);
  REQUIRE(c.check.plain_words.size() == 2);
  CHECK(c.check.plain_words[1] == std::pair<std::string, std::string>{"Pelvic floor", "the muscles down there"});
  ClinicConfig bad;
  Diagnostics e;
  CHECK_FALSE(parse_clinic_config("clinic: {name: X}\ncheck:\n  target_grade: 40\n  review_after: 3\n"
                                  "  plain_words: {Dysuria: pain when peeing, dysuria: again}\n", "h.yaml", bad, e));
  const std::string errors = e.to_string();
  CHECK(errors.find("h.yaml:3:17: error: 'target_grade'") != std::string::npos);
  CHECK(errors.find("unknown key 'review_after'") != std::string::npos);
  CHECK(errors.find("'dysuria' is listed twice in 'check.plain_words'") != std::string::npos);
}

}  // namespace handout
