// The readability formulas, each with its source, and the tables that turn their values into
// a US school grade and words. Tables are steps, not interpolated: a value gets its band's
// grade (the middle of the band's school years when the source gives a range of years).
#include <cmath>
#include <span>

#include "check/language.h"
#include "check/readability.h"

namespace handout {
namespace {

using reading::Language;

/// One row of an interpretation table: values from `from` on (ease scales) or up to `to`.
struct Band {
  double limit;
  double grade;
  const char* words;
};

double per(double a, double b) { return b > 0 ? a / b : 0; }

// Flesch (1948), "A new readability yardstick", J. Applied Psychology 32: reading ease table
// with school grades; Kandel & Moles (1958) kept Flesch's scale for French.
constexpr Band kFleschTable[] = {{90, 5, "very easy"}, {80, 6, "easy"}, {70, 7, "fairly easy"},
    {60, 8.5, "standard"}, {50, 11, "fairly difficult"}, {30, 14, "difficult"}, {-1e9, 16, "very difficult"}};
// Fernández Huerta (1959) as tabled by legible.es: 4th, 5th, 6th grade, 7th-8th, pre-university,
// "cursos selectivos" (first university years), university.
constexpr Band kHuertaTable[] = {{90, 4, "very easy"}, {80, 5, "easy"}, {70, 6, "fairly easy"},
    {60, 7.5, "normal"}, {50, 12, "fairly difficult"}, {30, 14, "difficult"}, {-1e9, 16, "very difficult"}};
// INFLESZ (Barrio-Cantalejo et al. 2008, An Sist Sanit Navar 31(2)): primary school for the two
// easy bands, ESO (US 7-10), bachillerato (US 11-12), university.
constexpr Band kInfleszTable[] = {{80, 4, "very easy"}, {65, 6, "fairly easy"}, {55, 8.5, "normal"},
    {40, 11.5, "somewhat difficult"}, {-1e9, 14, "very difficult"}};
// Martins et al. (1996): 1st-4th, 5th-8th "série", ensino médio (US 10-12), higher education.
constexpr Band kMartinsTable[] = {{75, 2.5, "very easy"}, {50, 6.5, "easy"}, {25, 11, "difficult"},
    {-1e9, 14, "very difficult"}};
// Lucisano & Piemontese (1988): below 80 hard with primary schooling (Italian grades 1-5),
// below 60 with middle school (6-8), below 40 with a high-school diploma (9-13).
constexpr Band kGulpeaseTable[] = {{80, 5, "easy for primary school"}, {60, 8, "easy for middle school"},
    {40, 12, "easy for high school"}, {-1e9, 16, "difficult for high school"}};
// Grade-valued formulas (Flesch-Kincaid, SMOG, Wiener): US school stages, upper limits.
constexpr Band kGradeTable[] = {{6, 0, "elementary school"}, {8, 0, "middle school"}, {12, 0, "high school"},
    {16, 0, "college"}, {1e9, 0, "graduate"}};
// LIX: Björnsson's (1968) text classes, upper limits; grades are a rough house mapping.
constexpr Band kLixTable[] = {{25, 3, "very easy (children's books)"}, {30, 5, "easy (simple texts)"},
    {40, 7, "medium (fiction, newspapers)"}, {50, 10, "difficult (factual texts)"},
    {60, 13, "very difficult (specialist texts)"}, {1e9, 16, "very difficult (research)"}};
// Characters per sentence (zh, ja, ko, th): a house heuristic, not a published scale.
constexpr Band kCharsTable[] = {{20, 4, "very easy"}, {30, 6, "easy"}, {40, 8.5, "fairly difficult"},
    {50, 11, "difficult"}, {1e9, 14, "very difficult"}};

// Higher is easier: the first band whose lower limit the value reaches.
const Band& ease_band(std::span<const Band> table, double value) {
  for (const Band& b : table) {
    if (value >= b.limit) return b;
  }
  return table.back();
}

// Higher is harder: the first band whose upper limit the value does not pass.
const Band& difficulty_band(std::span<const Band> table, double value) {
  for (const Band& b : table) {
    if (value <= b.limit) return b;
  }
  return table.back();
}

ReadingScore ease_score(const char* name, double value, std::span<const Band> table) {
  const Band& b = ease_band(table, value);
  return {name, value, b.grade, b.words};
}

ReadingScore difficulty_score(const char* name, double value, std::span<const Band> table) {
  const Band& b = difficulty_band(table, value);
  return {name, value, b.grade, b.words};
}

ReadingScore grade_score(const char* name, double value) {
  const double grade = value > 0 ? value : 0;
  return {name, value, grade, difficulty_band(kGradeTable, grade).words};
}

// Wiener Sachtextformel, first form (Bamberger & Vanecek 1984, "Lesen - Verstehen - Lernen -
// Schreiben"): MS % words of 3+ syllables, SL words per sentence, IW % words of 7+ letters,
// ES % one-syllable words; the value is a (German) school grade, 4 very easy to 15 very hard.
double wiener(const ReadingStats& c) {
  const double ms = 100 * per(c.polysyllables, c.words), sl = per(c.words, c.sentences);
  const double iw = 100 * per(c.long_words, c.words), es = 100 * per(c.monosyllables, c.words);
  return 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875;
}

ReadingScore word_formula(ReadingFormula f, const ReadingStats& c) {
  const double asl = per(c.words, c.sentences);   // words per sentence
  const double asw = per(c.syllables, c.words);   // syllables per word
  switch (f) {
    // Kincaid, Fishburne, Rogers & Chissom (1975), Naval Technical Training Command report 8-75.
    case ReadingFormula::FleschKincaidGrade: return grade_score("Flesch-Kincaid grade", 0.39 * asl + 11.8 * asw - 15.59);
    // McLaughlin (1969), "SMOG grading", J. Reading 12(8): the regression form, scaled to 30 sentences.
    case ReadingFormula::Smog:
      return grade_score("SMOG", 1.043 * std::sqrt(c.polysyllables * per(30, c.sentences)) + 3.1291);
    // Fernández Huerta (1959): L = 206.84 - 0.60 P - 1.02 F with P syllables per 100 words and F
    // words per sentence. Errata: it is widely printed with F = sentences per 100 words, which
    // makes shorter sentences score harder (G. Law, LINGUIST List 22.2332, 2011); legible.es and
    // textstat use words per sentence, as Flesch's 1.015 term it adapts does.
    case ReadingFormula::FernandezHuerta: return ease_score("Fernandez Huerta", 206.84 - 60 * asw - 1.02 * asl, kHuertaTable);
    // Szigriszt-Pazos (1993) perspicuity, read on the INFLESZ scale (Barrio-Cantalejo 2008).
    case ReadingFormula::SzigrisztInflesz: return ease_score("Szigriszt-Pazos (INFLESZ)", 206.835 - 62.3 * asw - asl, kInfleszTable);
    // Kandel & Moles (1958), "Application de l'indice de Flesch à la langue française".
    case ReadingFormula::KandelMoles: return ease_score("Kandel-Moles", 207 - 1.015 * asl - 73.6 * asw, kFleschTable);
    case ReadingFormula::WienerSachtext: return grade_score("Wiener Sachtextformel", wiener(c));
    // Lucisano & Piemontese (1988), "GULPEASE", Scuola e Città 3: letters, not syllables.
    case ReadingFormula::Gulpease:
      return ease_score("Gulpease", 89 + per(300.0 * c.sentences - 10.0 * c.letters, c.words), kGulpeaseTable);
    // Martins, Ghiraldelo, Nunes & Oliveira Jr. (1996), Flesch adapted to Brazilian Portuguese.
    case ReadingFormula::FleschMartins: return ease_score("Flesch (Martins)", 248.835 - 1.015 * asl - 84.6 * asw, kMartinsTable);
    // Björnsson (1968), "Läsbarhet": words per sentence + percentage of words over 6 letters.
    case ReadingFormula::Lix: return difficulty_score("LIX", asl + 100 * per(c.long_words, c.words), kLixTable);
    case ReadingFormula::CharactersPerSentence: break;
  }
  return {};
}

}  // namespace

std::vector<ReadingFormula> formulas_for(std::string_view lang) {
  switch (reading::language_of(lang)) {
    case Language::En: return {ReadingFormula::FleschKincaidGrade, ReadingFormula::Smog};
    case Language::Es: return {ReadingFormula::FernandezHuerta, ReadingFormula::SzigrisztInflesz};
    case Language::Fr: return {ReadingFormula::KandelMoles};
    case Language::De: return {ReadingFormula::WienerSachtext};
    case Language::It: return {ReadingFormula::Gulpease};
    case Language::Pt: return {ReadingFormula::FleschMartins};
    case Language::Zh: case Language::Ja: case Language::Ko: case Language::Th:
      return {ReadingFormula::CharactersPerSentence};
    case Language::Other: break;
  }
  return {ReadingFormula::Lix};
}

ReadingScore score_from_counts(ReadingFormula formula, const ReadingStats& counts) {
  const bool by_characters = formula == ReadingFormula::CharactersPerSentence;
  ReadingScore s = by_characters
      ? difficulty_score("characters per sentence", per(counts.cjk_characters, counts.sentences), kCharsTable)
      : word_formula(formula, counts);
  if (counts.sentences <= 0 || (by_characters ? counts.cjk_characters : counts.words) <= 0) {
    s.value = s.grade = 0;  // nothing to measure: no value, rather than a division by zero
    s.band = "no text";
  }
  return s;
}

std::vector<ReadingScore> reading_scores(const ReadingStats& stats, std::string_view lang) {
  std::vector<ReadingScore> scores;
  if (stats.sentences <= 0) return scores;
  for (ReadingFormula f : formulas_for(lang)) {
    if (f == ReadingFormula::CharactersPerSentence ? stats.cjk_characters > 0 : stats.words > 0) {
      scores.push_back(score_from_counts(f, stats));
    }
  }
  return scores;
}

}  // namespace handout
