// Reading level: syllable counts per language against dictionary syllabifications, each formula
// against a worked example or a hand calculation, sentence splitting, and the English seed text.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "check/readability.h"
#include "test_support.h"

namespace handout {
namespace {

using WordList = std::vector<std::pair<const char*, int>>;

// Share of words whose count matches the dictionary; mismatches are printed.
double agreement(const WordList& words, const char* lang) {
  int right = 0;
  for (const auto& [word, expected] : words) {
    const int got = count_syllables(word, lang);
    if (got == expected) ++right;
    else MESSAGE(std::string(lang) << ": " << std::string(word) << " counted " << got << ", dictionary " << expected);
  }
  return double(right) / double(words.size());
}

// Merriam-Webster (first pronunciation); vestibulodynia from Dorland's (ves-tib-u-lo-dyn-i-a).
const WordList kEnglish = {
    {"table", 2}, {"baked", 1}, {"wanted", 2}, {"boxes", 2}, {"dial", 2}, {"muscles", 2},
    {"vaginismus", 4}, {"penetration", 4}, {"physiotherapist", 6}, {"pelvic", 2}, {"involuntarily", 6},
    {"intimacy", 4}, {"anticipation", 5}, {"endometriosis", 6}, {"vestibulodynia", 7}, {"physical", 3},
    {"therapy", 3}, {"experience", 4}, {"overwhelming", 4}, {"frustrating", 3}, {"perfectionism", 5},
    {"relationships", 4}, {"simultaneously", 6}, {"collaborative", 5}, {"gradual", 3}, {"sexual", 3},
    {"religious", 3}, {"hormonal", 3}, {"procedures", 3}, {"awareness", 3}, {"clinicians", 3},
    {"multidisciplinary", 7}, {"specializing", 4}, {"curiosity", 5}, {"quietly", 3}, {"being", 2},
    {"going", 2}, {"people", 2}, {"create", 2}, {"women's", 2}, {"doesn't", 2}, {"something", 2},
    {"sometimes", 2}, {"lovely", 2}, {"tangled", 2}, {"continuous", 4}, {"situation", 4}, {"anxiety", 4},
    {"patient", 2}, {"client", 2}, {"easier", 3}, {"coordination", 5}, {"medium", 3}, {"spasm", 2},
    {"yes", 1}, {"player", 2}, {"crying", 2}, {"the", 1}, {"are", 1}, {"whole", 1}, {"little", 2},
    {"confusion", 3}, {"emotional", 4}, {"especially", 4}, {"Australian", 3}, {"reptilian", 4},
};

// RAE, Ortografía de la lengua española (2010), §4.1: diphthongs, hiatus, silent u in qu/gu.
const WordList kSpanish = {
    {"día", 2}, {"país", 2}, {"ciudad", 2}, {"aéreo", 4}, {"queso", 2}, {"guerra", 2}, {"pingüino", 3},
    {"agua", 2}, {"huevo", 2}, {"cuidado", 3}, {"Uruguay", 3}, {"hoy", 1}, {"muy", 1}, {"y", 1},
    {"leí", 2}, {"reír", 2}, {"poeta", 3}, {"teatro", 3}, {"ahí", 2}, {"búho", 2}, {"músculos", 3},
    {"penetración", 4}, {"fisioterapeuta", 6}, {"vaginismo", 4}, {"relación", 3}, {"miedo", 2},
    {"ansiedad", 3}, {"sexualidad", 4}, {"suelo", 2}, {"pélvico", 3}, {"respiración", 4},
};

// Written syllables with the mute e, -es and verb -ent not counted (the spoken count, as in
// Lexique 3's syllable field).
const WordList kFrench = {
    {"table", 1}, {"eau", 1}, {"oiseau", 2}, {"château", 2}, {"maison", 2}, {"femmes", 1},
    {"parlent", 1}, {"moment", 2}, {"réel", 2}, {"créé", 2}, {"naïf", 2}, {"Noël", 2}, {"poème", 2},
    {"payer", 2}, {"quoi", 1}, {"guerre", 1}, {"douleur", 2}, {"muscles", 1}, {"pelvien", 2},
    {"vaginisme", 3}, {"anxiété", 4}, {"kinésithérapeute", 6}, {"patient", 2}, {"aiment", 1},
    {"souvent", 2}, {"respiration", 4}, {"pénétration", 4}, {"rapidement", 3},
};

// Duden syllabification (Worttrennung), where it marks every syllable.
const WordList kGerman = {
    {"Muskel", 2}, {"Beckenboden", 4}, {"Schmerz", 1}, {"Patient", 3}, {"Feier", 2}, {"Theater", 3},
    {"Situation", 5}, {"Bauer", 2}, {"Liebe", 2}, {"Zeitung", 2}, {"Häuser", 2}, {"Beobachtung", 4},
    {"Qualität", 3}, {"Angst", 1}, {"Entspannung", 3}, {"Familie", 3},
};

// Treccani syllabification (divisione in sillabe).
const WordList kItalian = {
    {"paese", 3}, {"poeta", 3}, {"giorno", 2}, {"uomo", 2}, {"famiglia", 3}, {"muscolo", 3},
    {"dolore", 3}, {"ansia", 2}, {"fisioterapista", 6}, {"perché", 2}, {"città", 2}, {"pausa", 2},
    {"tuoi", 1}, {"quando", 2}, {"acqua", 2},
};

// Priberam dictionary (divisão silábica), which splits rising diphthongs: his-tó-ri-a.
const WordList kPortuguese = {
    {"história", 4}, {"coração", 3}, {"saúde", 3}, {"mãe", 1}, {"põe", 1}, {"muito", 2}, {"quando", 2},
    {"água", 2}, {"série", 3}, {"ciência", 4}, {"país", 2}, {"doença", 3}, {"saída", 3},
    {"fisioterapia", 7}, {"músculos", 3}, {"dor", 1}, {"ansiedade", 5}, {"relação", 3}, {"pélvico", 3},
};

// Russian: one syllable per vowel letter (Ozhegov's dictionary syllabification).
const WordList kRussian = {{"молоко", 3}, {"мышцы", 2}, {"боль", 1}, {"моя", 2}, {"здоровье", 3}, {"врач", 1}};

std::vector<TextSample> seed_samples() {
  std::ifstream in(test::source_dir() + "/tests/fixtures/vaginismus-explained.txt");
  std::vector<TextSample> samples;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty()) samples.push_back({line, n});
  }
  return samples;
}

ReadingStats counts(int sentences, int words, int syllables) {
  ReadingStats c;
  c.sentences = sentences;
  c.words = words;
  c.syllables = syllables;
  return c;
}

}  // namespace

TEST_CASE("readability: syllables agree with dictionaries in each language") {
  CHECK(agreement(kEnglish, "en") >= 0.9);
  CHECK(agreement(kSpanish, "es") >= 0.9);
  CHECK(agreement(kFrench, "fr") >= 0.9);
  CHECK(agreement(kGerman, "de") >= 0.9);
  CHECK(agreement(kItalian, "it") >= 0.9);
  CHECK(agreement(kPortuguese, "pt-BR") >= 0.9);
  CHECK(agreement(kRussian, "ru") == 1.0);
}

TEST_CASE("readability: sentences end at . ! ? and CJK, Devanagari and Ethiopic stops, not at abbreviations") {
  auto texts = [](const std::string& text, const char* lang) {
    std::vector<std::string> out;
    for (const Sentence& s : measure({{text, 1}}, lang).sentence_list) out.push_back(s.text);
    return out;
  };
  CHECK(texts("See Dr. Lee at 3.5 p.m. today. Take e.g. a warm bath! Does it help? Yes.", "en") ==
        std::vector<std::string>{"See Dr. Lee at 3.5 p.m. today.", "Take e.g. a warm bath!", "Does it help?", "Yes."});
  CHECK(texts("It is approx. five minutes (see www.example.org). Then rest...", "en") ==
        std::vector<std::string>{"It is approx. five minutes (see www.example.org).", "Then rest..."});
  CHECK(texts("“Is it normal?” she asked. Yes", "en") ==
        std::vector<std::string>{"“Is it normal?”", "she asked.", "Yes"});
  CHECK(texts("痛みがあります。医師に相談してください！大丈夫ですか？", "ja").size() == 3);
  CHECK(texts("यह दर्द है। डॉक्टर से मिलें।", "hi").size() == 2);
  CHECK(texts("ህመም አለ። ሐኪም ያማክሩ።", "am").size() == 2);
  CHECK(texts("Der Dr. med. Weber z.B. hilft. Gut.", "de").size() == 2);
}

TEST_CASE("readability: each sentence and hard word carries the line it starts on") {
  const ReadingStats s = measure({{"First line.\nSecond\nline here. Third one.", 10}, {"Vaginismus\nphysiotherapist.", 20}}, "en");
  REQUIRE(s.sentence_list.size() == 4);
  CHECK(s.sentence_list[0].line == 10);
  CHECK(s.sentence_list[1].line == 11);
  CHECK(s.sentence_list[1].text == "Second line here.");
  CHECK(s.sentence_list[1].words == 3);
  CHECK(s.sentence_list[2].line == 12);
  CHECK(s.sentence_list[3].line == 20);
  REQUIRE(s.hard_words.size() == 2);
  CHECK(s.hard_words[0].word == "Vaginismus");
  CHECK(s.hard_words[0].line == 20);
  CHECK(s.hard_words[1].word == "physiotherapist");
  CHECK(s.hard_words[1].line == 21);
  CHECK(s.words == 9);
  CHECK(s.sentences == 4);
}

TEST_CASE("readability: Flesch-Kincaid grade against Wikipedia's worked examples") {
  // Wikipedia, "Flesch-Kincaid readability tests": Green Eggs and Ham averages 5.7 words per
  // sentence and 1.02 syllables per word, grade -1.3 (0.39*5.7 + 11.8*1.02 - 15.59 = -1.331).
  const ReadingScore eggs = score_from_counts(ReadingFormula::FleschKincaidGrade, counts(1000, 5700, 5814));
  CHECK(eggs.value == doctest::Approx(-1.331).epsilon(1e-6));
  CHECK(eggs.grade == 0);
  CHECK(eggs.band == "elementary school");
  // Wikipedia's reading-ease example, "The Australian platypus is seemingly a hybrid of a mammal
  // and reptilian creature.": 13 words, 24 syllables (FRE 37.5); grade 0.39*13 + 11.8*24/13 - 15.59.
  const ReadingStats platypus =
      measure({{"The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.", 1}}, "en");
  CHECK(platypus.words == 13);
  CHECK(platypus.syllables == 24);
  const std::vector<ReadingScore> scores = reading_scores(platypus, "en");
  REQUIRE(scores.size() == 2);
  CHECK(scores[0].formula == "Flesch-Kincaid grade");
  CHECK(scores[0].value == doctest::Approx(11.2638).epsilon(1e-4));
  CHECK(scores[0].band == "high school");
}

TEST_CASE("readability: SMOG scales polysyllables to 30 sentences") {
  ReadingStats c = counts(30, 600, 900);
  c.polysyllables = 42;  // 1.043 * sqrt(42) + 3.1291 = 1.043 * 6.48074 + 3.1291 = 9.88851
  CHECK(score_from_counts(ReadingFormula::Smog, c).value == doctest::Approx(9.88851).epsilon(1e-5));
  c.sentences = 10;
  c.polysyllables = 14;  // 14 in 10 sentences is 42 in 30: the same grade
  CHECK(score_from_counts(ReadingFormula::Smog, c).value == doctest::Approx(9.88851).epsilon(1e-5));
  CHECK(score_from_counts(ReadingFormula::Smog, c).band == "high school");
}

TEST_CASE("readability: Spanish formulas (Fernandez Huerta, Szigriszt-Pazos on the INFLESZ scale)") {
  const ReadingStats c = counts(5, 100, 180);
  // 206.84 - 60 * 1.8 - 1.02 * 20 = 78.44: "algo fácil", 6th grade in Fernández Huerta's table.
  const ReadingScore huerta = score_from_counts(ReadingFormula::FernandezHuerta, c);
  CHECK(huerta.value == doctest::Approx(78.44));
  CHECK(huerta.band == "fairly easy");
  CHECK(huerta.grade == 6);
  // The errata: shorter sentences (more of them in the same words) must read easier.
  CHECK(score_from_counts(ReadingFormula::FernandezHuerta, counts(10, 100, 180)).value > huerta.value);
  // 206.835 - 62.3 * 1.8 - 100 / 5 = 74.695: INFLESZ "bastante fácil" (65-80).
  const ReadingScore inflesz = score_from_counts(ReadingFormula::SzigrisztInflesz, c);
  CHECK(inflesz.value == doctest::Approx(74.695));
  CHECK(inflesz.band == "fairly easy");
  CHECK(reading_scores(measure({{"El dolor pélvico tiene tratamiento. Hable con su fisioterapeuta.", 3}}, "es-MX"), "es-MX")
            .size() == 2);
}

TEST_CASE("readability: Kandel-Moles, Wiener Sachtextformel, Gulpease, Flesch-Martins, LIX by hand") {
  // Kandel & Moles: 207 - 1.015 * 20 - 73.6 * 1.5 = 76.3, Flesch's "fairly easy" (7th grade).
  const ReadingScore km = score_from_counts(ReadingFormula::KandelMoles, counts(5, 100, 150));
  CHECK(km.value == doctest::Approx(76.3));
  CHECK(km.grade == 7);
  // Wiener: MS 15, SL 12.5, IW 30, ES 50:
  // 0.1935*15 + 0.1672*12.5 + 0.1297*30 - 0.0327*50 - 0.875 = 2.9025 + 2.09 + 3.891 - 1.635 - 0.875 = 6.3735.
  ReadingStats w = counts(8, 100, 170);
  w.polysyllables = 15;
  w.long_words = 30;
  w.monosyllables = 50;
  CHECK(score_from_counts(ReadingFormula::WienerSachtext, w).value == doctest::Approx(6.3735));
  // Gulpease: 89 + (300 * 5 - 10 * 450) / 100 = 59, hard with middle school, fine with high school.
  ReadingStats g = counts(5, 100, 0);
  g.letters = 450;
  const ReadingScore gulpease = score_from_counts(ReadingFormula::Gulpease, g);
  CHECK(gulpease.value == doctest::Approx(59));
  CHECK(gulpease.band == "easy for high school");
  // Martins: 248.835 - 1.015 * 20 - 84.6 * 2 = 59.335, "fácil" (5th-8th série).
  const ReadingScore martins = score_from_counts(ReadingFormula::FleschMartins, counts(5, 100, 200));
  CHECK(martins.value == doctest::Approx(59.335));
  CHECK(martins.band == "easy");
  // LIX: 100 / 5 + 100 * 30 / 100 = 50, the top of Björnsson's factual-text band.
  ReadingStats l = counts(5, 100, 0);
  l.long_words = 30;
  CHECK(score_from_counts(ReadingFormula::Lix, l).value == doctest::Approx(50));
  CHECK(score_from_counts(ReadingFormula::Lix, l).band == "difficult (factual texts)");
  CHECK(score_from_counts(ReadingFormula::Lix, counts(0, 0, 0)).band == "no text");
}

TEST_CASE("readability: each language gets its formulas") {
  auto names = [](const char* lang) {
    std::vector<std::string> out;
    const ReadingStats s = measure({{"Uno dos tres. Cuatro cinco. 一二三。", 1}}, lang);
    for (const ReadingScore& r : reading_scores(s, lang)) out.push_back(r.formula);
    return out;
  };
  CHECK(names("en") == std::vector<std::string>{"Flesch-Kincaid grade", "SMOG"});
  CHECK(names("fr") == std::vector<std::string>{"Kandel-Moles"});
  CHECK(names("de") == std::vector<std::string>{"Wiener Sachtextformel"});
  CHECK(names("it") == std::vector<std::string>{"Gulpease"});
  CHECK(names("pt-BR") == std::vector<std::string>{"Flesch (Martins)"});
  CHECK(names("ru") == std::vector<std::string>{"LIX"});
  CHECK(names("zh-Hant") == std::vector<std::string>{"characters per sentence"});
  CHECK(reading_scores(measure({}, "en"), "en").empty());
}

TEST_CASE("readability: CJK text is measured in characters per sentence") {
  // 今日は晴れです (7 characters) + 明日は雨でしょう (8) in 2 sentences: 7.5 per sentence.
  const ReadingStats s = measure({{"今日は晴れです。明日は雨でしょう。", 1}}, "ja");
  CHECK(s.sentences == 2);
  CHECK(s.cjk_characters == 15);
  CHECK(s.words == 0);
  const std::vector<ReadingScore> scores = reading_scores(s, "ja");
  REQUIRE(scores.size() == 1);
  CHECK(scores[0].value == doctest::Approx(7.5));
  CHECK(scores[0].band == "very easy");
  // Korean is spaced into words, and its Hangul syllables are counted too.
  const ReadingStats ko = measure({{"통증이 있습니다.", 1}}, "ko");
  CHECK(ko.words == 2);
  CHECK(ko.cjk_characters == 7);
  CHECK(count_syllables("있습니다", "ko") == 4);
}

TEST_CASE("readability: the English seed article (Vaginismus Explained)") {
  const std::vector<TextSample> samples = seed_samples();
  REQUIRE(samples.size() == 47);
  const ReadingStats s = measure(samples, "en");
  const std::vector<ReadingScore> scores = reading_scores(s, "en");
  REQUIRE(scores.size() == 2);
  MESSAGE("seed: " << s.sentences << " sentences, " << s.words << " words, " << s.syllables << " syllables, "
          << s.polysyllables << " polysyllables; FK " << scores[0].value << ", SMOG " << scores[1].value);
  // Pinned figures of this module (each line is a sample, so headings and list items are
  // sentences): 82 sentences, 902 words, 1631 syllables, 183 polysyllables.
  CHECK(s.sentences == 82);
  CHECK(s.words == 902);
  CHECK(scores[0].value == doctest::Approx(10.04).epsilon(0.001));
  CHECK(scores[1].value == doctest::Approx(11.66).epsilon(0.001));
  CHECK(s.hard_words.front().word == "Vaginismus");
  CHECK(s.hard_words.front().line == 1);
}

}  // namespace handout
