// Plain data read from the clinic's YAML, layouts, strings and resource lists.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace handout {

/// An sRGB colour.
struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

/// Text a clinic may write once or per language: key "" for one text for all languages, else
/// language codes (and optionally "default").
using LocalizedText = std::map<std::string, std::vector<std::string>>;

/// One helpful resource: an organisation, a website, maybe a phone number.
struct Resource {
  std::string name;
  std::string description;
  std::string website;      ///< as written, printed
  std::string website_uri;  ///< the link made of it; empty when it is not a safe link
  std::string phone;
  SourcePos pos;
  bool operator==(const Resource&) const = default;
};

/// A resource of the config's extra_resources, as written: its description may be given per
/// language (`description` of `entry` stays empty until the config is resolved for a language).
struct ConfigResource {
  Resource entry;
  LocalizedText description;
  bool operator==(const ConfigResource&) const = default;
};

/// The clinic's identity, the same in every language.
struct ClinicInfo {
  std::string name;
  std::string logo_path;  ///< resolved path; empty when the clinic has no logo
  SourcePos logo_pos;     ///< where the config names it
  std::vector<std::string> address;
  std::string phone;
  std::string email;
  std::string website;
  std::string email_uri, website_uri;  ///< links made of them; empty when not safe links
  bool operator==(const ClinicInfo&) const = default;
};

/// Brand colours and font families.
struct Brand {
  Color primary{0x2F, 0x6B, 0x6F};
  Color accent{0x8F, 0xB8, 0xA8};
  std::string body_font = "Noto Sans";
  std::string heading_font = "Noto Sans";
  /// Families tried in order for characters the body or heading font lacks (other scripts).
  /// The defaults come from Debian's fonts-noto-core, fonts-noto-cjk, fonts-droid-fallback,
  /// fonts-nanum and fonts-ipafont-gothic. The scripts of the shipped languages come first: a
  /// family is opened only when the ones before it lack a character, so the language-assistance
  /// notice opens none of the others.
  std::vector<std::string> fallback_fonts{
      "Noto Sans Arabic",    "Noto Sans Devanagari", "Noto Sans Bengali",  "Noto Sans Thai",
      "Noto Sans Ethiopic",  "Noto Sans CJK SC",     "Noto Sans Hebrew",   "Noto Sans Gurmukhi",
      "Noto Sans Gujarati",  "Noto Sans Tamil",      "Noto Sans Lao",      "Noto Sans Khmer",
      "Noto Sans Myanmar",   "Noto Sans Armenian",   "Noto Sans Georgian", "Noto Sans Sinhala",
      "Droid Sans Fallback", "Nanum Gothic",         "IPAGothic"};
  /// Families tried first for a language, as browsers do: Han characters and punctuation take
  /// the reader's regional forms (Japanese, Korean, Traditional or Simplified Chinese).
  std::vector<std::pair<std::string, std::vector<std::string>>> language_fonts{
      {"ja", {"Noto Sans CJK JP"}},      {"ko", {"Noto Sans CJK KR"}},
      {"zh-Hant", {"Noto Sans CJK TC"}}, {"zh-TW", {"Noto Sans CJK TC"}},
      {"zh-HK", {"Noto Sans CJK HK"}},   {"zh", {"Noto Sans CJK SC"}}};
  SourcePos body_font_pos, heading_font_pos, fallback_fonts_pos, language_fonts_pos;
  SourcePos primary_pos;  ///< where brand.primary is written (the config when absent)
  bool operator==(const Brand&) const = default;
};

/// What one run may cost, so a runaway input fails clearly instead of running for minutes.
struct Limits {
  long long input_bytes = 2LL << 20;      ///< each article, resource list and YAML file
  int pages = 60;                         ///< pages in one handout
  long long image_pixels = 40'000'000;    ///< width x height of each image
  bool operator==(const Limits&) const = default;
};

/// Notices added to every handout (`notices`).
struct NoticesConfig {
  /// Section 1557 taglines: free language assistance, in each of `assistance_languages`.
  bool language_assistance = false;
  /// Under the title of a translation whose source changed since it was made: "Translated from
  /// an earlier version of the English text" (the `translation_outdated` label).
  bool outdated_translation = false;
  std::vector<std::string> assistance_languages;  ///< as listed, else the config's `languages`
  SourcePos pos;
  bool operator==(const NoticesConfig&) const = default;
};

/// What `handout check` holds the handouts to (the config's `check:` map).
struct CheckConfig {
  double target_grade = 6;      ///< the AMA's advice: patient materials at a 6th-grade reading level
  int review_after_months = 24; ///< a medical review older than this is due again
  /// Jargon and the plainer words to say instead, in the order written (matched case-insensitively).
  std::vector<std::pair<std::string, std::string>> plain_words;
  SourcePos target_grade_pos;
  bool operator==(const CheckConfig&) const = default;
};

/// How messages reach a mail server (`email.smtp`). Credentials are never in the YAML: the
/// password comes from an environment variable or a file only its owner can read.
struct SmtpConfig {
  std::string host;
  int port = 587;
  /// starttls (submission, port 587), tls (implicit TLS, port 465) or none (plain text: only to
  /// this machine, and only with allow_plaintext: true).
  std::string security = "starttls";
  bool allow_plaintext = false;
  std::string ca_file;        ///< resolved path; empty: the system's certificate store
  std::string username;       ///< empty: no authentication
  std::string password_env;   ///< the environment variable holding the password
  std::string password_file;  ///< resolved path of a file holding it (mode 0600 or 0400, the user's own)
  SourcePos password_pos;     ///< where password_env or password_file is written
  double messages_per_minute = 60;
  int retries = 3;            ///< further tries after a temporary failure (4xx, connection lost)
  double retry_seconds = 30;  ///< wait before the first retry; doubled before each next one
  int timeout_seconds = 60;   ///< for connecting, and for each answer of the server
  SourcePos pos;              ///< where `smtp:` is written
  bool operator==(const SmtpConfig&) const = default;
};

/// Messages to patients (`email:`): who they are from, and the clinic's own words in them.
struct EmailConfig {
  bool present = false;       ///< the config has `email:`
  std::string from_name, from_address;  ///< email.from: "Name <address>" or an address
  std::string reply_to;                 ///< an address, or empty
  std::string clinic_name;   ///< the name in subjects and attachment names (default clinic.name)
  LocalizedText signature;     ///< the clinic's closing lines, once or per language
  LocalizedText password_hint; ///< how a patient gets their password, once or per language
  bool has_smtp = false;
  SmtpConfig smtp;
  SourcePos pos, from_pos, password_hint_pos;
  bool operator==(const EmailConfig&) const = default;
};

/// The whole clinic configuration (handout.yaml).
struct ClinicConfig {
  std::string path;      ///< the YAML file as given
  std::string base_dir;  ///< its directory; relative paths resolve from here
  ClinicInfo clinic;
  LocalizedText tagline, hours;  ///< clinic.tagline and clinic.hours, as written
  Brand brand;
  std::vector<std::string> languages{"en"};
  std::vector<SourcePos> language_pos;  ///< where each of `languages` is written (empty: not written)
  std::string layout = "letter";  ///< the first (main) layout
  std::vector<std::string> layouts{"letter"};  ///< every layout each handout is built in, main first
  SourcePos layout_pos;
  std::vector<std::string> articles;  ///< empty: every article of each language
  std::vector<SourcePos> article_pos;
  std::string output_dir = "out";
  /// Where personal copies go (`patients_output:`, default personal-copies/ beside the config):
  /// a folder of their own, never inside the published output folder.
  std::string patients_output_dir = "personal-copies";
  SourcePos patients_output_pos;
  LocalizedText footer_note;
  std::vector<ConfigResource> extra_resources;
  std::string fallback_language;  ///< build this language's article when one is missing ("" = error)
  SourcePos fallback_language_pos;
  Limits limits;
  bool missing_glyphs_allowed = false;  ///< missing_glyphs: warn (boxes print; default: the handout fails)
  std::string online_url;  ///< where each handout is online: a template with {lang} and {article}
  SourcePos online_url_pos;
  NoticesConfig notices;
  CheckConfig check;
  EmailConfig email;
  bool operator==(const ClinicConfig&) const = default;
};

/// The clinic as printed on one language's handouts: the config with every per-language text
/// chosen for that language. Layout reads this, never the raw config.
struct PrintedClinic {
  ClinicInfo info;
  std::string tagline;
  std::vector<std::string> hours;
  std::string footer_note;
  std::vector<Resource> extra_resources;
  bool missing_glyphs_allowed = false;
};

/// A page layout (layouts/<name>.yaml). All lengths in PostScript points.
struct LayoutConfig {
  std::string name;
  double page_width = 612, page_height = 792;
  double margin_top = 48, margin_bottom = 50, margin_left = 64, margin_right = 64;
  double body_size = 12;
  /// Tri-fold: the body is set at the largest size from body_size down to this that fits the
  /// panels (0: body_size only). Headings and gaps scale with it.
  double min_body_size = 0;
  double body_leading = 1.5;  ///< line height as a multiple of the font size
  std::vector<double> heading_sizes{22, 16.5, 14, 13, 12, 12};
  double title_size = 24;
  double summary_size = 13.5;
  double paragraph_gap = 8;
  double header_band = 84;
  double footer_size = 8.5;
  int min_lines = 2;  ///< fewest lines of a paragraph alone at a page's top or bottom
  bool justify = false;       ///< align: justify (else ragged right)
  bool hyphenate = true;      ///< hyphenate body text where the language has patterns
  bool total_fit = true;      ///< line_breaking: total-fit (Knuth-Plass) or first-fit
  int columns = 1;            ///< body columns per page (1 or 2)
  double column_gap = 24;
  bool trifold = false;       ///< format: trifold (two sides of three panels) instead of pages
  bool landscape = false;     ///< orientation: landscape
  double min_text_size = 0;   ///< floor for every text size (large print)
  bool avoid_italics = false; ///< emphasis and secondary text set upright (large print)
  bool high_contrast = false; ///< pure black text, darker brand colours
  bool qr_resources = false;  ///< qr_codes: resources (a code beside each resource's website)
  bool qr_online = false;     ///< qr_codes: online (a code for the handout's online copy)
  int assistance_taglines = -1;  ///< most language-assistance taglines (-1: all; 0: no notice)
};

/// Labels printed on a handout, in its language (content/<lang>/strings.yaml).
struct Strings {
  std::map<std::string, std::string> labels;
  std::vector<std::string> months;  ///< twelve month names for dates
  std::map<std::string, std::string> language_names;  ///< "en" -> "English", in this language
  /// Labels translated from another language: `translation: draft` or `reviewed` ("" for an
  /// original), and `source_language`, the language they were translated from.
  std::string translation, source_language;
  /// The labels still in the source language, as the file lists them under `untranslated:`:
  /// top-level keys of the file (a label, `months`, `language_names`). `handout new-language`
  /// lists every label; a translator deletes each line as the label is translated. This list is
  /// the one machine-readable record of what is left to translate.
  std::vector<std::string> untranslated;
  SourcePos untranslated_pos, translation_pos;  ///< where they are written (the file when absent)
  /// What the labels were translated from (`source:`, written by `handout translate`): the
  /// source's language and a hash of each label as it was ("phone", "months",
  /// "language_names.es"), so an export sends the labels whose source changed since.
  std::string source_labels_language;
  std::map<std::string, std::string> source_labels;
  SourcePos source_labels_pos;  ///< where `source:` is written (the file when absent)
  /// The name of a language in this language (its code when the strings file has none).
  std::string language_name(const std::string& code) const;
  /// The label for `key` ("" if absent; loading checks every required key is present).
  const std::string& get(const std::string& key) const;
  /// A YYYY-MM-DD date written with this language's `date` pattern and month names.
  std::string format_date(const std::string& iso) const;
  bool operator==(const Strings&) const = default;
};

/// What a translation was made from (its front matter's `source:`): the source article, its
/// language and a short hash per block (translate/units.h), in the source's order.
struct TranslationSource {
  std::string article, language;
  std::vector<std::string> blocks;
  SourcePos pos;  ///< where `source:` is written
  bool present() const { return !blocks.empty(); }
};

/// An article's YAML front matter.
struct ArticleMeta {
  std::string title;
  std::string summary;
  std::string reviewed;  ///< YYYY-MM-DD or empty
  std::vector<std::string> keywords;
  std::string resources_file;  ///< explicit resource list, relative to the article
  SourcePos resources_pos;
  std::string translation;      ///< "draft" or "reviewed" for a translation; "" for an original
  std::string source_language;  ///< the language it was translated from
  std::string translated;       ///< YYYY-MM-DD the translation was made
  TranslationSource source;     ///< the source's blocks it was made from (empty: not recorded)
  /// "draft" while the article is not ready for patients (`status: draft`, as `handout init`
  /// and `new` write it), "ready" or "" once it is: the build and `handout check` warn about a draft.
  std::string status;
  SourcePos title_pos, summary_pos, reviewed_pos, translation_pos, status_pos;  ///< where they are written (the front matter when absent)
};

/// A resource list file: an optional lead-in sentence and the entries.
struct ResourceList {
  std::string intro;
  std::vector<Resource> resources;
};

}  // namespace handout
