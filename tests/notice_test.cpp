// The language-assistance notice: its config, which taglines a handout prints, and its block.
#include <doctest/doctest.h>

#include "config/config.h"
#include "build/language_catalogue.h"
#include "test_support.h"

using namespace handout;

namespace {

std::string config_errors(const std::string& notices, ClinicConfig& c) {
  Diagnostics d;
  parse_clinic_config("clinic:\n  name: X\n  phone: 555-0100\nlanguages: [en, es, ar]\n" + notices, "c.yaml", c, d);
  return d.to_string();
}

}  // namespace

TEST_CASE("notices: a list, or a map with the taglines' languages; the config's languages by default") {
  ClinicConfig list;
  CHECK(config_errors("notices: [language_assistance]\n", list).empty());
  CHECK(list.notices.language_assistance);
  CHECK(list.notices.assistance_languages == std::vector<std::string>{"en", "es", "ar"});
  ClinicConfig map;
  CHECK(config_errors("notices:\n  language_assistance: true\n  language_assistance_languages: [es, vi]\n", map).empty());
  CHECK(map.notices.assistance_languages == std::vector<std::string>{"es", "vi"});
  ClinicConfig bad;
  CHECK(config_errors("notices: [language_asistance]\n", bad) ==
        "c.yaml:5:10: error: unknown notice 'language_asistance' in 'notices' (did you mean 'language_assistance'?)\n");
  CHECK(config_errors("notices:\n  language_assistance_languages: [es, 'x y']\n", bad) ==
        "c.yaml:6:34: error: invalid language code 'x y' in 'language_assistance_languages'\n");
}

TEST_CASE("a small layout prints a few taglines: the handout's own language first, then the list's order") {
  const std::vector<Tagline> all{{"English", "e", "en", ""}, {"Español", "s", "es", ""}, {"العربية", "a", "ar", ""},
                                 {"Tiếng Việt", "v", "vi", ""}};
  auto langs = [](const std::vector<Tagline>& t) {
    std::string out;
    for (const auto& x : t) out += x.lang + " ";
    return out;
  };
  CHECK(langs(taglines_for(all, "ar", -1)) == "en es ar vi ");
  CHECK(langs(taglines_for(all, "ar", 2)) == "ar en ");
  CHECK(langs(taglines_for(all, "vi", 3)) == "vi en es ");
  CHECK(taglines_for(all, "en", 0).empty());
}

TEST_CASE("the notice ends the handout: a heading, then each tagline in its own language") {
  test::Fixture f;
  f.strings.labels["language_assistance_title"] = "Language assistance";
  Diagnostics d;
  const auto doc_without = f.lay_out("Text.", d);
  for (const auto& s : doc_without.structure) CHECK(s.lang.empty());
  f.taglines = {{"English", "Help is free. Call 555-0100.", "en", ""},
                {"Español", "La ayuda es gratuita. Llame al 555-0199.", "es", ""}};
  const auto doc = f.lay_out("Text.", d);
  CHECK(d.error_count() == 0);
  std::string last_text;
  bool heading_before = false;
  for (const auto& item : doc.pages.back().items)
    if (const auto* t = std::get_if<TextItem>(&item)) {
      if (t->text == "Language assistance") heading_before = true;
      if (t->tag.element >= 0) last_text = t->text;
    }
  CHECK(heading_before);
  CHECK(last_text.find("555-0199") != std::string::npos);  // the last tagline ends the handout
  int spanish = 0, english = 0;
  for (const auto& s : doc.structure) spanish += s.lang == "es", english += s.lang == "en";
  CHECK(spanish == 1);  // the Spanish tagline is tagged Spanish
  CHECK(english == 0);  // the handout's own language needs no tag of its own
}

TEST_CASE("a right-to-left language's tagline on a left-to-right page is set flush right") {
  test::Fixture f;
  f.strings.labels["language_assistance_title"] = "Language assistance";
  // Latin letters stand in for the script (the fixture's font has only Latin): the side comes
  // from the tagline's language.
  f.taglines = {{"English", "Short.", "en", ""}, {"Arabic", "Short.", "ar", ""}};
  Diagnostics d;
  const auto doc = f.lay_out("Text.", d);
  double english_left = -1, arabic_right = -1;
  for (const auto& item : doc.pages.back().items)
    if (const auto* t = std::get_if<TextItem>(&item)) {
      if (t->text.rfind("English", 0) == 0) english_left = t->x;
      if (t->text.find("Short.") != std::string::npos && english_left >= 0 && t->x > english_left + 100)
        arabic_right = t->x + t->width;
    }
  CHECK(english_left == doctest::Approx(f.layout.margin_left));
  CHECK(arabic_right == doctest::Approx(f.layout.page_width - f.layout.margin_right).epsilon(0.001));
}
