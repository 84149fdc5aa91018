// Config loading: the shipped example, and each class of error with its exact message.
#include <doctest/doctest.h>

#include <algorithm>

#include "config/config.h"
#include "config/suggest.h"
#include "layout/page_furniture.h"
#include "test_support.h"
#include "util/text.h"

using namespace handout;

namespace {

const char* kValid = R"(clinic:
  name: Test Clinic
  address: [1 Main St, Springfield]
  phone: 555-0100
brand:
  primary: "#112233"
languages: [en, es]
layout: a4
)";

std::string errors_of(const std::string& yaml) {
  ClinicConfig c;
  Diagnostics d;
  CHECK_FALSE(parse_clinic_config(yaml, "clinic.yaml", c, d));
  return d.to_string();
}

}  // namespace

TEST_CASE("the shipped example config loads without diagnostics") {
  ClinicConfig c;
  Diagnostics d;
  REQUIRE(load_clinic_config(test::source_dir() + "/handout.yaml", c, d));
  CHECK(d.items().empty());
  CHECK(c.clinic.name == "Willow Creek Pelvic Health");
  CHECK(c.clinic.address.size() == 2);
  CHECK(c.brand.primary == Color{0x2F, 0x6B, 0x6F});
  CHECK(c.languages.size() == 18);
  CHECK(c.languages.front() == "en");
  CHECK(c.layout == "letter");
  CHECK(c.extra_resources.size() == 1);
  CHECK_FALSE(c.clinic.logo_path.empty());
}

TEST_CASE("a minimal config gets the documented defaults") {
  ClinicConfig c;
  Diagnostics d;
  REQUIRE(parse_clinic_config(kValid, "dir/clinic.yaml", c, d));
  CHECK(c.clinic.name == "Test Clinic");
  CHECK(c.brand.primary == Color{0x11, 0x22, 0x33});
  CHECK(c.brand.accent == Color{0x8F, 0xB8, 0xA8});
  CHECK(c.brand.body_font == "Noto Sans");
  CHECK(c.languages == std::vector<std::string>{"en", "es"});
  CHECK(c.layout == "a4");
  CHECK(c.output_dir == "dir/out");
  CHECK(c.articles.empty());
}

TEST_CASE("unknown keys are errors with a suggestion") {
  // A misspelt required key is reported as what it is, not also as a missing key.
  CHECK(errors_of("clinc:\n  name: X\n") ==
        "clinic.yaml:1:1: error: unknown key 'clinc' in config (did you mean 'clinic'?)\n");
  CHECK(errors_of("clinic:\n  name: X\n  phnoe: 1\n") ==
        "clinic.yaml:3:3: error: unknown key 'phnoe' in 'clinic' (did you mean 'phone'?)\n");
  CHECK(errors_of("clinic:\n  name: X\ncolours: 1\n") == "clinic.yaml:3:1: error: unknown key 'colours' in config\n");
}

TEST_CASE("YAML syntax errors carry line and column") {
  CHECK(errors_of("clinic:\n  name: [unclosed\n") ==
        "clinic.yaml:3:1: error: invalid YAML: end of sequence flow not found\n");
}

TEST_CASE("an unquoted '#' value is a comment: the key is reported, with the value quoted") {
  // The colour was lost without a word: the default printed instead.
  CHECK(errors_of("clinic:\n  name: X\nbrand:\n  primary: #7A3E9D\n") ==
        "clinic.yaml:4:3: error: 'primary' has no value: '#' starts a comment in YAML; quote the colour: "
        "primary: \"#7A3E9D\"\n");
  // A comment after it is not part of the value; a quoted key and a tab are found too.
  CHECK(errors_of("clinic:\n  name: X\nbrand:\n  \"accent\":\t#green   # ours\n") ==
        "clinic.yaml:4:3: error: 'accent' has no value: '#' starts a comment in YAML; quote the colour: "
        "accent: \"#green\"\n");
  CHECK(errors_of("clinic:\n  name: X\n  phone: #1 for the front desk\n") ==
        "clinic.yaml:3:3: error: 'phone' has no value: '#' starts a comment in YAML; quote the value: "
        "phone: \"#1 for the front desk\"\n");
  // In every file: a layout, a resource list, front matter (lines of the Markdown file).
  LayoutConfig layout;
  Diagnostics d;
  CHECK_FALSE(parse_layout("body_size: 12\nheader_band: #40\n", "l.yaml", layout, d));
  CHECK(d.to_string() == "l.yaml:2:1: error: 'header_band' has no value: '#' starts a comment in YAML; quote the "
                         "value: header_band: \"#40\"\n");
  ResourceList list;
  Diagnostics r;
  CHECK_FALSE(parse_resources("resources:\n  - name: Line\n    phone: #555\n", "r.yaml", list, r));
  CHECK(r.to_string() == "r.yaml:3:5: error: 'phone' has no value: '#' starts a comment in YAML; quote the value: "
                         "phone: \"#555\"\n");
  ArticleMeta meta;
  Diagnostics f;
  CHECK_FALSE(parse_front_matter("title: #1 \"tip\"\n", "a.md", 2, meta, f));
  CHECK(f.to_string() == "a.md:2:1: error: 'title' has no value: '#' starts a comment in YAML; quote the value: "
                         "title: '#1 \"tip\"'\n");
  // A comment is a comment: after a colon and a blank, '#' and a blank; no value, or a value.
  ClinicConfig c;
  Diagnostics none;
  CHECK(parse_clinic_config("clinic:\n  name: X   # ours\n  tagline:   # none yet\n  phone: 555 #1\nbrand:\n"
                            "  primary: \"#7A3E9D\" # purple\n  accent:\n",
                            "clinic.yaml", c, none));
  CHECK(none.items().empty());
}

TEST_CASE("a ': ' inside a value: yaml-cpp's message, and how to quote it") {
  CHECK(errors_of("clinic:\n  name: X\n  tagline: Care: for all   # ours\n") ==
        "clinic.yaml:3:16: error: invalid YAML: illegal map value: a value containing ': ' must be quoted, e.g. "
        "tagline: \"Care: for all\"\n");
  ArticleMeta meta;
  Diagnostics f;
  CHECK_FALSE(parse_front_matter("title: Asthma: using a spacer\n", "a.md", 2, meta, f));
  CHECK(f.to_string() == "a.md:2:14: error: invalid YAML: illegal map value: a value containing ': ' must be "
                         "quoted, e.g. title: \"Asthma: using a spacer\"\n");
  ResourceList list;
  Diagnostics r;
  CHECK_FALSE(parse_resources("resources:\n  - name: Helpline: 24 hours\n", "r.yaml", list, r));
  CHECK(r.to_string() == "r.yaml:2:19: error: invalid YAML: illegal map value: a value containing ': ' must be "
                         "quoted, e.g. name: \"Helpline: 24 hours\"\n");
  // Bad indentation is the same message from yaml-cpp, at the key's own colon: no example.
  CHECK(errors_of("clinic:\n  name: X\n    phone: 1\n") ==
        "clinic.yaml:3:10: error: invalid YAML: illegal map value: a value containing ': ' must be quoted\n");
  // A value quoted only in part: the hint, without an example that would quote it twice.
  CHECK(errors_of("clinic:\n  name: \"X\": Y\n") ==
        "clinic.yaml:2:12: error: invalid YAML: illegal map value: a value containing ': ' must be quoted\n");
}

TEST_CASE("wrong types, colours and language codes are reported where they are written") {
  CHECK(errors_of("clinic:\n  name: [a, b]\n") == "clinic.yaml:2:9: error: 'name' in 'clinic' must be text\n");
  CHECK(errors_of("clinic: {name: X}\nbrand:\n  primary: teal\n") ==
        "clinic.yaml:3:12: error: invalid colour 'teal' for 'primary' (expected #RRGGBB, e.g. #2F6B6F)\n");
  CHECK(errors_of("clinic: {name: X}\nlanguages: [en, english-please]\n") ==
        "clinic.yaml:2:12: error: invalid language code 'english-please' (expected a BCP 47 code such as en, "
        "es, zh-Hans)\n");
  CHECK(errors_of("clinic: name\n") == "clinic.yaml:1:9: error: 'clinic' must be a map of 'key: value' entries\n");
}

TEST_CASE("a missing logo names the path it tried") {
  CHECK(errors_of("clinic:\n  name: X\n  logo: img/nope.png\n") ==
        "clinic.yaml:3:9: error: logo not found: 'img/nope.png' (tried 'img/nope.png')\n");
}

TEST_CASE("a missing config file is reported") {
  ClinicConfig c;
  Diagnostics d;
  CHECK_FALSE(load_clinic_config("/nonexistent/clinic.yaml", c, d));
  CHECK(d.to_string() == "/nonexistent/clinic.yaml: error: cannot read config file '/nonexistent/clinic.yaml'\n");
}

TEST_CASE("layouts: shipped ones load, unknown names get a suggestion") {
  LayoutConfig letter, a4;
  Diagnostics d;
  REQUIRE(load_layout({test::source_dir()}, "letter", {"c.yaml", 5, 9}, letter, d));
  REQUIRE(load_layout({test::source_dir()}, "a4", {"c.yaml", 5, 9}, a4, d));
  CHECK(letter.page_width == 612);
  CHECK(a4.page_width == doctest::Approx(595.276));
  CHECK(letter.body_size >= 12);
  LayoutConfig bad;
  CHECK_FALSE(load_layout({"/tmp/none"}, "leter", {"c.yaml", 5, 9}, bad, d));
  CHECK(d.items().back().message.rfind("unknown layout 'leter' (tried '/tmp/none/layouts/leter.yaml'", 0) == 0);
  Diagnostics d2;
  CHECK_FALSE(load_layout({test::source_dir()}, "leter", {"c.yaml", 5, 9}, bad, d2));
  CHECK(format_diagnostic(d2.items().back()).ends_with(
      "; available: a4, large-print, letter, trifold, two-column) (did you mean 'letter'?)"));
  CHECK(format_diagnostic(d2.items().back()).rfind("c.yaml:5:9: error: unknown layout 'leter'", 0) == 0);
}

TEST_CASE("layout values are range-checked") {
  LayoutConfig l;
  Diagnostics d;
  CHECK_FALSE(parse_layout("body_size: 7\npage_size: legal\n", "layouts/x.yaml", l, d));
  CHECK(d.to_string() ==
        "layouts/x.yaml:2:12: error: unknown page_size 'legal' (use letter, a4 or [width, height] in points)\n"
        "layouts/x.yaml:1:12: error: 'body_size' in layout must be between 8 and 32 (got 7)\n");
}

TEST_CASE("strings files must define every label") {
  Strings s;
  Diagnostics d;
  CHECK_FALSE(parse_strings("helpful_resources: Help\n", "content/xx/strings.yaml", s, d));
  CHECK(d.items().size() == required_string_keys().size());  // the other labels, and months
  CHECK(d.to_string().find("content/xx/strings.yaml:1:1: error: missing required key 'contact_us' in strings file") !=
        std::string::npos);
}

TEST_CASE("a new language's labels: every English label copied, each listed as untranslated, read back as written") {
  Strings en;
  Diagnostics d;
  REQUIRE(load_strings(test::source_dir() + "/content/en/strings.yaml", 1 << 20, en, d));
  const std::string text = untranslated_strings_yaml(en, "en");
  CHECK(text.starts_with("translation: draft\nsource_language: \"en\"\nuntranslated:\n  - helpful_resources\n"));
  Strings so;
  Diagnostics back;
  REQUIRE(parse_strings(text, "content/so/strings.yaml", so, back));
  CHECK(back.to_string() == "");
  CHECK(so.labels == en.labels);
  CHECK(so.months == en.months);
  CHECK(so.language_names == en.language_names);
  CHECK(so.translation == "draft");
  CHECK(so.source_language == "en");
  // Every label the English file has, in the order a file is written: the machine-readable list
  // a translation workflow exports.
  std::vector<std::string> expected;
  for (const auto& key : translatable_string_keys())
    if (en.labels.count(key) || key == "months" || key == "language_names") expected.push_back(key);
  CHECK(so.untranslated == expected);
  CHECK(so.untranslated.size() == en.labels.size() + 2);
  CHECK(so.untranslated_pos.line == 4);
  // Any text survives the quoting: quotes, backslashes, line breaks, a YAML indicator first.
  Strings odd = en;
  odd.labels["phone"] = "Tel \"quoted\" \\ back\nslash: # not a comment";
  odd.labels["email"] = "- @&*!|>%";
  odd.language_names["no"] = "Norwegian";  // a key YAML 1.1 would read as false
  Strings read;
  Diagnostics odd_diags;
  REQUIRE(parse_strings(untranslated_strings_yaml(odd, "en"), "s.yaml", read, odd_diags));
  CHECK(read.labels == odd.labels);
  CHECK(read.language_names == odd.language_names);
}

TEST_CASE("strings: the untranslated list names labels this file defines, once; a translation names its source") {
  std::string all;  // the English labels, then the lines of each case
  REQUIRE(read_file(test::source_dir() + "/content/en/strings.yaml", all));
  const auto logo_alt = all.find("logo_alt: ");  // an optional label, left out
  REQUIRE(logo_alt != std::string::npos);
  all.erase(logo_alt, all.find('\n', logo_alt) + 1 - logo_alt);
  const int next = static_cast<int>(std::count(all.begin(), all.end(), '\n')) + 1;
  auto errors = [&](const std::string& more) {
    Strings s;
    Diagnostics d;
    parse_strings(all + more, "s.yaml", s, d);
    return d.to_string();
  };
  const std::string l = "s.yaml:" + std::to_string(next + 1);
  CHECK(errors("untranslated: [phone, months]\n") == "");
  CHECK(errors("untranslated:\n  - phone\n  - phnoe\n") ==
        "s.yaml:" + std::to_string(next + 2) + ":5: error: 'untranslated' lists 'phnoe', which is no label (did you mean 'phone'?)\n");
  CHECK(errors("untranslated:\n  - phone\n  - phone\n") ==
        "s.yaml:" + std::to_string(next + 2) + ":5: error: 'untranslated' lists 'phone' twice\n");
  CHECK(errors("untranslated:\n  - logo_alt\n") ==
        l + ":5: error: 'untranslated' lists 'logo_alt', which this file does not define (remove it from the list)\n");
  CHECK(errors("translation: draft\n") ==
        "s.yaml:" + std::to_string(next) + ":14: error: translated labels must name their 'source_language'\n");
  CHECK(errors("translation: done\nsource_language: en\n") ==
        "s.yaml:" + std::to_string(next) + ":14: error: 'translation' must be draft or reviewed (got 'done')\n");
  Strings s;
  Diagnostics d;
  REQUIRE(parse_strings(all + "translation: reviewed\nsource_language: en\n", "s.yaml", s, d));
  CHECK(s.translation == "reviewed");
  CHECK(s.untranslated.empty());
}

TEST_CASE("the optional logo description must name the clinic") {
  test::Fixture f;
  Strings s;
  Diagnostics d;
  std::string all;
  for (const auto& key : required_string_keys()) all += key + ": 'x {n} {total} {date} {day} {year} {month} {source} {language}'\n";
  parse_strings(all + "months: [a, b, c, d, e, f, g, h, i, j, k, l]\nlogo_alt: Logo\n", "s.yaml", s, d);
  CHECK(d.to_string().find("s.yaml:" + std::to_string(required_string_keys().size() + 2) +
                           ":11: error: 'logo_alt' must contain {clinic}") != std::string::npos);
  CHECK(logo_description(f.strings, f.clinic) == "Test Clinic");  // no logo_alt: the name alone
  f.strings.labels["logo_alt"] = "{clinic} logo";
  CHECK(logo_description(f.strings, f.clinic) == "Test Clinic logo");
}

TEST_CASE("dates are written with the language's pattern") {
  test::Fixture f;
  CHECK(f.strings.format_date("2026-03-04") == "March 4, 2026");
  CHECK(f.strings.format_date("garbage") == "garbage");
}

TEST_CASE("resource lists: entries need a name; unknown keys are caught") {
  ResourceList r;
  Diagnostics d;
  CHECK_FALSE(parse_resources("resources:\n  - description: x\n  - name: A\n    webiste: a.org\n", "r.yaml", r, d));
  CHECK(d.to_string() ==
        "r.yaml:2:5: error: missing required key 'name' in a resource of 'resources'\n"
        "r.yaml:4:5: error: unknown key 'webiste' in a resource of 'resources' (did you mean 'website'?)\n");
}

TEST_CASE("front matter errors point at the line in the Markdown file") {
  ArticleMeta m;
  Diagnostics d;
  CHECK_FALSE(parse_front_matter("title: T\nreviewed: 2026-13-01\nauthor: me\n", "a.md", 2, m, d));
  CHECK(d.to_string() ==
        "a.md:3:11: error: 'reviewed' must be a real date written YYYY-MM-DD (got '2026-13-01')\n"
        "a.md:4:1: error: unknown key 'author' in front matter\n");
}

TEST_CASE("suggestions only for close matches") {
  CHECK(closest_match("clinc", {"clinic", "brand"}) == "clinic");
  CHECK(closest_match("langauges", {"languages", "layout"}) == "languages");
  CHECK(closest_match("zzz", {"clinic", "brand"}).empty());
}

TEST_CASE("clinic texts per language: exact code, then primary language, then default, then English") {
  ClinicConfig c;
  Diagnostics d;
  REQUIRE(parse_clinic_config("clinic:\n  name: X\n  tagline: {en: Care, es: Cuidado, pt: Cuidado pt}\n"
                              "  hours: {default: [Mon-Fri], fr: [Lun-Ven, Sam]}\n"
                              "footer_note: Same for all\n",
                              "c.yaml", c, d));
  CHECK(printed_clinic(c, "es").tagline == "Cuidado");
  CHECK(printed_clinic(c, "pt-BR").tagline == "Cuidado pt");
  CHECK(printed_clinic(c, "ko").tagline == "Care");
  CHECK(printed_clinic(c, "fr").hours == std::vector<std::string>{"Lun-Ven", "Sam"});
  CHECK(printed_clinic(c, "ko").hours == std::vector<std::string>{"Mon-Fri"});
  CHECK(printed_clinic(c, "ar").footer_note == "Same for all");
  CHECK(c.tagline.size() == 3);  // as written: the loader keeps every language
  CHECK(errors_of("clinic:\n  name: X\n  tagline: {english: Care}\n") ==
        "clinic.yaml:3:13: error: invalid language code 'english' in 'tagline'\n");
}

TEST_CASE("the clinic's own resources may describe themselves per language") {
  ClinicConfig c;
  Diagnostics d;
  REQUIRE(parse_clinic_config("clinic: {name: X}\nextra_resources:\n  - name: Group\n"
                              "    description: {en: A group, es: Un grupo}\n",
                              "c.yaml", c, d));
  CHECK(printed_clinic(c, "es").extra_resources[0].description == "Un grupo");
  CHECK(printed_clinic(c, "fr").extra_resources[0].description == "A group");
  CHECK(printed_clinic(c, "es").extra_resources[0].name == "Group");
  ResourceList list;
  CHECK_FALSE(parse_resources("resources:\n  - name: Group\n    description: {en: A group}\n", "r.yaml", list, d));
  CHECK(d.to_string().find("r.yaml:3:18: error: 'description' in a resource of 'resources' must be text") != std::string::npos);
}

TEST_CASE("layout: one name, or a list whose first is the main layout; a name twice is an error") {
  ClinicConfig one, two;
  Diagnostics d;
  CHECK(parse_clinic_config("clinic:\n  name: X\nlayout: a4\n", "c.yaml", one, d));
  CHECK(one.layouts == std::vector<std::string>{"a4"});
  CHECK(parse_clinic_config("clinic:\n  name: X\nlayout: [letter, large-print]\n", "c.yaml", two, d));
  CHECK(two.layouts == std::vector<std::string>{"letter", "large-print"});
  CHECK(two.layout == "letter");
  CHECK(errors_of("clinic:\n  name: X\nlayout: [letter, a4, letter]\n") ==
        "clinic.yaml:3:9: error: layout 'letter' is listed twice in 'layout'\n");
}

TEST_CASE("language codes get a 'did you mean' from the languages with labels") {
  const std::vector<std::string> shipped{"am", "ar", "bn", "en", "es", "fa", "fr", "hi", "ht", "ja",
                                         "ko", "pt-BR", "ru", "th", "tl", "vi", "zh-Hans", "zh-Hant"};
  using Codes = std::vector<std::string>;
  CHECK(language_suggestions("sp", shipped) == Codes{"es"});
  CHECK(language_suggestions("zh", shipped) == Codes{"zh-Hans", "zh-Hant"});
  CHECK(language_suggestions("pt", shipped) == Codes{"pt-BR"});
  CHECK(language_suggestions("pt-PT", shipped) == Codes{"pt-BR"});
  CHECK(language_suggestions("en-US", shipped) == Codes{"en"});
  CHECK(language_suggestions("zh-Hnas", shipped) == Codes{"zh-Hans"});  // a typo: the closer one
  CHECK(language_suggestions("zh-TW", shipped) == Codes{"zh-Hant"});
  CHECK(language_suggestions("cn", shipped) == Codes{"zh-Hans"});
  CHECK(language_suggestions("chi", shipped) == Codes{"zh-Hans", "zh-Hant"});
  CHECK(language_suggestions("jp", shipped) == Codes{"ja"});
  CHECK(language_suggestions("ZH_HANS", shipped) == Codes{"zh-Hans"});
  CHECK(language_suggestions("spa", shipped) == Codes{"es"});
  // Known codes need none; a language handout has no labels for, and nothing like it, gets none.
  CHECK(language_suggestions("es", shipped).empty());
  CHECK(language_suggestions("so", shipped).empty());
  CHECK(language_suggestions("de", shipped).empty());
  CHECK(did_you_mean_language("zh", shipped) == " (did you mean 'zh-Hans' or 'zh-Hant'?)");
  CHECK(did_you_mean_language("sp", shipped) == " (did you mean 'es'?)");
  CHECK(did_you_mean_language("so", shipped) == "");
}
