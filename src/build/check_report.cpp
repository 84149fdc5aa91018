#include "build/check_report.h"

#include <algorithm>
#include <cstdio>

#include "build/build_report.h"

namespace handout {
namespace {

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// 6, 6.5: a target as the clinic wrote it.
std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string padded(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

// The first words of a sentence, enough to find it in the file.
std::string opening(const std::string& sentence, std::size_t words = 8) {
  std::size_t end = 0;
  for (std::size_t n = 0; n < words && end != std::string::npos; ++n) end = sentence.find(' ', end + 1);
  return end == std::string::npos ? sentence : sentence.substr(0, end) + " …";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The table's head: one row per formula, the first one compared with the target.
std::string score_rows(const HandoutCheck& c) {
  if (c.scores.empty()) return "  no running text to measure\n";
  std::string out;
  for (std::size_t i = 0; i < c.scores.size(); ++i) {
    const ReadingScore& s = c.scores[i];
    std::string target;
    if (i == 0) target = (c.over_target() ? "over target " : "within target ") + short_number(c.target_grade);
    out += "  " + padded(s.formula, 27) + padded(fixed(s.value, 2), 8) + padded("grade " + fixed(s.grade, 1), 12) +
           padded(s.band, 20) + target + "\n";
  }
  return out;
}

std::string sentence_rows(const HandoutCheck& c, std::size_t listed) {
  std::string out;
  for (std::size_t i = 0; i < c.long_sentences.size() && i < listed; ++i) {
    const Sentence& s = c.long_sentences[i];
    out += "    " + c.file + ":" + std::to_string(s.line) + ": " + std::to_string(s.words) + " words: " + opening(s.text) + "\n";
  }
  if (c.long_sentences.size() > listed) out += "    and " + std::to_string(c.long_sentences.size() - listed) + " more\n";
  return out;
}

std::string word_rows(const HandoutCheck& c, std::size_t listed) {
  std::string out;
  for (std::size_t i = 0; i < c.hard_words.size() && i < listed; ++i) {
    const CountedWord& w = c.hard_words[i];
    out += "    " + c.file + ":" + std::to_string(w.line) + ": " + w.word + " (" + std::to_string(w.syllables) + ")\n";
  }
  if (c.hard_words.size() > listed) out += "    and " + std::to_string(c.hard_words.size() - listed) + " more\n";
  return out;
}

std::string verdict(const HandoutCheck& c) {
  const std::string counts = "(" + plural(c.count(Severity::Error), "error", "errors") + ", " +
                             plural(c.count(Severity::Warning), "warning", "warnings") + ")\n";
  if (c.passed()) return "  passed " + counts;
  const std::string grade = c.over_target() ? ": grade " + fixed(c.scores.front().grade, 1) + " over target " +
                                                  short_number(c.target_grade)
                                            : "";
  return "  failed" + grade + " " + counts;
}

std::string score_json(const ReadingScore& s) {
  return "{\"formula\": " + json_string(s.formula) + ", \"value\": " + fixed(s.value, 2) + ", \"grade\": " +
         fixed(s.grade, 1) + ", \"band\": " + json_string(s.band) + "}";
}

std::string finding_json(const Finding& f) {
  const Diagnostic& d = f.diag;
  return "{\"file\": " + json_string(d.file) + ", \"line\": " + std::to_string(d.line) + ", \"column\": " +
         std::to_string(d.col) + ", \"severity\": " + (d.severity == Severity::Error ? "\"error\"" : d.severity == Severity::Warning ? "\"warning\"" : "\"note\"") +
         ", \"check\": " + json_string(f.check) + ", \"message\": " + json_string(d.message) + "}";
}

// "[a, b]" of each item's JSON, one per line at `indent`.
template <typename T, typename F>
std::string json_list(const std::vector<T>& items, F to_json, const char* indent) {
  if (items.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) out += indent + to_json(items[i]) + (i + 1 < items.size() ? ",\n" : "\n");
  return out + std::string(indent).substr(2) + "]";
}

std::string handout_json(const HandoutCheck& c) {
  const char* in = "        ";
  auto sentence = [](const Sentence& s) {
    return "{\"line\": " + std::to_string(s.line) + ", \"words\": " + std::to_string(s.words) + ", \"text\": " + json_string(s.text) + "}";
  };
  auto word = [](const CountedWord& w) {
    return "{\"line\": " + std::to_string(w.line) + ", \"word\": " + json_string(w.word) + ", \"syllables\": " +
           std::to_string(w.syllables) + "}";
  };
  return "    {\"language\": " + json_string(c.language) + ", \"article\": " + json_string(c.article) + ", \"file\": " +
         json_string(c.file) + ",\n      \"scores\": " + json_list(c.scores, score_json, in) +
         ",\n      \"target_grade\": " + fixed(c.target_grade, 1) + ", \"sentences\": " + std::to_string(c.sentences) +
         ", \"words\": " + std::to_string(c.words) +
         ", \"syllables\": " + std::to_string(c.syllables) + ", \"polysyllables\": " + std::to_string(c.polysyllables) +
         ",\n      \"long_sentences\": " + json_list(c.long_sentences, sentence, in) +
         ",\n      \"hard_words\": " + json_list(c.hard_words, word, in) +
         ",\n      \"findings\": " + json_list(c.findings, finding_json, in) +
         ",\n      \"passed\": " + (c.passed() ? "true" : "false") + "}";
}

}  // namespace

int HandoutCheck::count(Severity severity) const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.diag.severity == severity; }));
}

std::string check_text(const HandoutCheck& c, std::size_t listed) {
  std::string out = c.language + "/" + c.article + "  " + c.file + "\n" + score_rows(c);
  if (!c.scores.empty())
    out += "  " + plural(c.sentences, "sentence", "sentences") + ", " + plural(c.words, "word", "words") + ", " +
           plural(c.syllables, "syllable", "syllables") + " (" + std::to_string(c.polysyllables) + " words of 3+); " +
           std::to_string(c.long_sentences.size()) + " over 20 words; " + std::to_string(c.hard_words.size()) +
           " words of 4+ syllables\n";
  if (!c.long_sentences.empty()) out += "  long sentences:\n" + sentence_rows(c, listed);
  if (!c.hard_words.empty()) out += "  hard words (syllables):\n" + word_rows(c, listed);
  for (const Finding& f : c.findings) out += format_diagnostic(f.diag) + "\n";
  return out + verdict(c);
}

std::string check_json(const std::vector<HandoutCheck>& checks) {
  std::string out = "[\n";
  for (std::size_t i = 0; i < checks.size(); ++i) out += handout_json(checks[i]) + (i + 1 < checks.size() ? ",\n" : "\n");
  return out + "]\n";
}

std::string check_summary(const HandoutCheck& c) {
  std::string out = "check: " + c.language + "/" + c.article + ": ";
  if (c.scores.empty()) {
    out += "no running text to measure";
  } else {
    const ReadingScore& s = c.scores.front();
    const std::string name = s.formula == "Flesch-Kincaid grade" ? "FK" : s.formula;
    out += "grade " + fixed(s.grade, 1) + " (" + name + ")" + (c.over_target() ? " over" : " within") + " target " +
           short_number(c.target_grade);
  }
  return out + "; " + plural(c.long_sentences.size(), "long sentence", "long sentences") + "; " +
         plural(c.findings.size(), "problem", "problems");
}

}  // namespace handout
