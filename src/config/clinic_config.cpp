#include <algorithm>
#include <string_view>

#include "config/config.h"
#include "config/resource_reader.h"
#include "config/suggest.h"
#include "config/yaml_reader.h"
#include "util/ascii.h"
#include "util/program_dirs.h"
#include "util/text.h"

// Set by CMakeLists.txt; the fallbacks are for a build without it (no program data at all).
#ifndef HANDOUT_INSTALL_DATA_DIR
#define HANDOUT_INSTALL_DATA_DIR ""
#endif
#ifndef HANDOUT_BUILD_DIR
#define HANDOUT_BUILD_DIR ""
#endif
#ifndef HANDOUT_SOURCE_DATA_DIR
#define HANDOUT_SOURCE_DATA_DIR ""
#endif

namespace handout {

bool valid_language_code(const std::string& code) {
  // BCP 47 shape: a 2-3 letter language, then subtags such as Hans, BR or 419.
  std::size_t start = 0;
  for (int part = 0; start <= code.size(); ++part) {
    const auto end = std::min(code.find('-', start), code.size());
    const std::string_view sub = std::string_view(code).substr(start, end - start);
    const bool ok = part == 0 ? sub.size() >= 2 && sub.size() <= 3 && ascii::all(sub, ascii::alpha)
                              : sub.size() >= 2 && sub.size() <= 8 && ascii::all(sub, ascii::alnum);
    if (!ok) return false;
    start = end + 1;
  }
  return true;
}

bool valid_article_name(const std::string& name) {
  return name.size() <= 100 && !name.empty() && ascii::alnum(name[0]) &&
         ascii::all(name, [](char c) { return ascii::alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::string mail_address_problem(const std::string& address) {
  const auto at = address.find('@');
  if (at == std::string::npos || at == 0 || address.find('@', at + 1) != std::string::npos)
    return "not a mail address (it needs one '@' with a name before it)";
  if (address.size() > 254) return "a mail address may have at most 254 characters";
  for (std::size_t i = 0; i < at; ++i) {
    const unsigned char c = address[i];
    if (c <= 0x20 || c >= 0x7F || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' ||
        c == ':' || c == '\\' || c == '"' || c == '[' || c == ']')
      return "a mail address may have only ASCII letters, digits and . ! # $ % & ' * + - / = ? ^ _ ` { | } ~ "
             "before its '@'";
  }
  const std::string_view domain = std::string_view(address).substr(at + 1);
  if (domain.empty() || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.' || domain.find("..") != std::string_view::npos)
    return "a mail address needs a domain with a dot after its '@'";
  if (!ascii::all(domain, [](char c) { return ascii::alnum(c) || c == '-' || c == '.'; }))
    return "a mail address's domain may have only ASCII letters, digits, '-' and '.'";
  return "";
}

bool split_mailbox(const std::string& text, std::string& name, std::string& address) {
  const auto open = text.rfind('<');
  if (open == std::string::npos) {
    name.clear(), address = text;
    return !text.empty() && text.find_first_of(" <>\"") == std::string::npos;
  }
  if (text.back() != '>' || text.find('>') != text.size() - 1) return false;
  address = text.substr(open + 1, text.size() - open - 2);
  name = text.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  return !address.empty();
}

bool is_local_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" ||
         (host.starts_with("127.") && ascii::all(host, [](char c) { return ascii::digit(c) || c == '.'; }));
}

namespace {

void read_clinic(yaml::MapReader& top, ClinicConfig& out) {
  auto node = top.child("clinic", true);
  if (!node.IsDefined() || node.IsNull()) return;
  yaml::MapReader m(node, top.file(), 0, "'clinic'", top.diags());
  if (!m.ok()) return;
  auto& c = out.clinic;
  c.name = m.text("name", true).value_or("");
  out.tagline = m.localized("tagline", false);
  if (auto logo = m.text("logo")) {
    auto resolved = join_path(out.base_dir, *logo);
    c.logo_pos = m.pos("logo");
    if (is_file(resolved))
      c.logo_path = resolved;
    else
      top.diags().error(m.pos("logo"), "logo not found: '" + *logo + "' (tried '" + resolved + "')");
  }
  c.address = m.text_list("address", true).value_or(std::vector<std::string>{});
  c.phone = m.text("phone").value_or("");
  c.email = m.link("email", c.email_uri).value_or("");
  c.website = m.link("website", c.website_uri).value_or("");
  out.hours = m.localized("hours", true);
  m.finish();
}

void read_color(yaml::MapReader& m, const std::string& key, Color& out) {
  auto text = m.text(key);
  if (text && !parse_color(*text, out))
    m.diags().error(m.pos(key), "invalid colour '" + *text + "' for '" + key +
                                    "' (expected #RRGGBB, e.g. #2F6B6F)");
}

// brand.fonts.by_language: {ko: [Nanum Gothic], ja: [IPAGothic]}; replaces the defaults.
void read_language_fonts(yaml::MapReader& fonts, Brand& brand) {
  auto node = fonts.child("by_language");
  if (!node.IsDefined() || node.IsNull()) return;
  yaml::MapReader m(node, fonts.file(), 0, "'brand.fonts.by_language'", fonts.diags());
  if (!m.ok()) return;
  brand.language_fonts.clear();
  brand.language_fonts_pos = fonts.pos("by_language");
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string lang = it->first.Scalar();
    if (!valid_language_code(lang)) m.diags().error(m.pos_of(it->first), "invalid language code '" + lang + "'");
    if (auto families = m.text_list(lang, true)) brand.language_fonts.emplace_back(lang, *families);
  }
  m.finish();
}

void read_brand(yaml::MapReader& top, ClinicConfig& out) {
  auto node = top.child("brand");
  if (!node.IsDefined() || node.IsNull()) return;
  yaml::MapReader m(node, top.file(), 0, "'brand'", top.diags());
  if (!m.ok()) return;
  read_color(m, "primary", out.brand.primary);
  out.brand.primary_pos = m.pos("primary");
  read_color(m, "accent", out.brand.accent);
  auto fonts = m.child("fonts");
  if (fonts.IsDefined() && !fonts.IsNull()) {
    yaml::MapReader f(fonts, top.file(), 0, "'brand.fonts'", top.diags());
    if (f.ok()) {
      if (auto body = f.text("body")) out.brand.body_font = *body, out.brand.body_font_pos = f.pos("body");
      if (auto head = f.text("headings"))
        out.brand.heading_font = *head, out.brand.heading_font_pos = f.pos("headings");
      if (auto chain = f.text_list("fallback", true))
        out.brand.fallback_fonts = *chain, out.brand.fallback_fonts_pos = f.pos("fallback");
      read_language_fonts(f, out.brand);
      f.finish();
    }
  }
  m.finish();
}

void read_languages(yaml::MapReader& top, ClinicConfig& out) {
  auto node = top.child("languages");
  auto langs = top.text_list("languages", true);
  if (!langs) return;
  for (std::size_t i = 0; i < langs->size(); ++i)
    out.language_pos.push_back(node.IsSequence() ? top.pos_of(node[i]) : top.pos("languages"));
  if (langs->empty()) top.diags().error(top.pos("languages"), "'languages' must name at least one language");
  for (const auto& code : *langs)
    if (!valid_language_code(code))
      top.diags().error(top.pos("languages"),
                        "invalid language code '" + code + "' (expected a BCP 47 code such as en, es, zh-Hans)");
  out.languages = *langs;
}

void read_limits(yaml::MapReader& top, ClinicConfig& out) {
  auto node = top.child("limits");
  if (!node.IsDefined() || node.IsNull()) return;
  yaml::MapReader m(node, top.file(), 0, "'limits'", top.diags());
  if (!m.ok()) return;
  if (auto mb = m.integer("input_megabytes", 1, 1024)) out.limits.input_bytes = static_cast<long long>(*mb) << 20;
  if (auto pages = m.integer("pages", 1, 100000)) out.limits.pages = *pages;
  if (auto mp = m.integer("image_megapixels", 1, 1000)) out.limits.image_pixels = *mp * 1'000'000LL;
  m.finish();
}

void read_articles(yaml::MapReader& top, ClinicConfig& out) {
  auto node = top.child("articles");
  auto list = top.text_list("articles", true);  // same key: validates the shape
  if (!list) return;
  out.articles = *list;
  if (node.IsSequence()) {
    for (const auto& item : node) out.article_pos.push_back(top.pos_of(item));
  } else {
    out.article_pos.assign(out.articles.size(), top.pos("articles"));
  }
  for (std::size_t i = 0; i < out.articles.size(); ++i)
    if (!valid_article_name(out.articles[i]))
      top.diags().error(out.article_pos[i], "invalid article name '" + out.articles[i] +
                                                "' (a file name in content/<lang>/ without '.md': letters, digits, "
                                                "'.', '_' and '-')");
}

}  // namespace

std::vector<std::string> data_dirs(const ClinicConfig& config) {
  // The program's own folders do not change while it runs: found once.
  static const std::vector<std::string> program = program_data_dirs(
      executable_dir(),
      {HANDOUT_INSTALL_DATA_DIR, canonical_or_same(HANDOUT_BUILD_DIR), canonical_or_same(HANDOUT_SOURCE_DATA_DIR)},
      is_dir);
  std::vector<std::string> dirs{config.base_dir};
  for (const auto& d : program)
    if (d != config.base_dir) dirs.push_back(d);
  return dirs;
}

bool parse_color(const std::string& text, Color& out) {
  if (text.size() != 7 || text[0] != '#' || !ascii::all(text.substr(1), ascii::hex)) return false;
  auto byte = [&](int i) { return static_cast<std::uint8_t>(std::stoi(text.substr(i, 2), nullptr, 16)); };
  out = {byte(1), byte(3), byte(5)};
  return true;
}

namespace {

// layout: a name, or a list of names (each handout is built in every one; the first is the main).
void read_layouts(yaml::MapReader& top, ClinicConfig& out) {
  auto names = top.text_list("layout", true);
  if (!names) return;
  out.layout_pos = top.pos("layout");
  if (names->empty()) return top.diags().error(out.layout_pos, "'layout' must name at least one layout");
  std::vector<std::string> unique;
  for (const auto& name : *names) {
    if (std::find(unique.begin(), unique.end(), name) != unique.end())
      top.diags().error(out.layout_pos, "layout '" + name + "' is listed twice in 'layout'");
    else
      unique.push_back(name);
  }
  out.layouts = unique;
  out.layout = unique.front();
}

// online_url: where the clinic publishes each handout, so a QR code can point at it. Only
// {lang} and {article} are filled in; the result must be a web address.
void read_online_url(yaml::MapReader& top, ClinicConfig& out) {
  auto url = top.text("online_url");
  if (!url) return;
  out.online_url_pos = top.pos("online_url");
  const std::string sample = fill_template(*url, {{"lang", "en"}, {"article", "article"}});
  if (sample.find('{') != std::string::npos || sample.find('}') != std::string::npos)
    return top.diags().error(out.online_url_pos, "'online_url' may only use {lang} and {article} (got '" + *url + "')");
  if (url->find("{article}") == std::string::npos)
    return top.diags().error(out.online_url_pos, "'online_url' must contain {article}, or every handout would point "
                                                 "to the same address");
  if (!url->starts_with("https://") && !url->starts_with("http://"))
    return top.diags().error(out.online_url_pos, "'online_url' must start with https:// (got '" + *url + "')");
  out.online_url = *url;
}

// notices: [language_assistance], or a map with language_assistance: true and the languages
// of its taglines (language_assistance_languages; default: the config's languages).
void read_notices(yaml::MapReader& top, ClinicConfig& out) {
  auto node = top.child("notices");
  if (!node.IsDefined() || node.IsNull()) return;
  NoticesConfig& n = out.notices;
  n.pos = top.pos("notices");
  const std::vector<std::string> known{"language_assistance", "outdated_translation"};
  if (node.IsSequence()) {
    const auto kinds = top.text_list("notices", false);  // kept: a loop over *temporary would dangle
    for (const auto& kind : kinds.value_or(std::vector<std::string>{})) {
      if (kind == "language_assistance")
        n.language_assistance = true;
      else if (kind == "outdated_translation")
        n.outdated_translation = true;
      else
        top.diags().error(n.pos, "unknown notice '" + kind + "' in 'notices'" + did_you_mean(kind, known));
    }
    return;
  }
  yaml::MapReader m(node, top.file(), 0, "'notices'", top.diags());
  if (!m.ok()) return;
  if (auto v = m.boolean("language_assistance")) n.language_assistance = *v;
  if (auto v = m.boolean("outdated_translation")) n.outdated_translation = *v;
  if (auto langs = m.text_list("language_assistance_languages", false)) {
    n.assistance_languages = *langs;
    for (const auto& code : *langs)
      if (!valid_language_code(code))
        top.diags().error(m.pos("language_assistance_languages"),
                          "invalid language code '" + code + "' in 'language_assistance_languages'");
  }
  m.finish();
}

// check: what `handout check` holds the handouts to. plain_words maps each term to a plainer
// one; terms are matched case-insensitively, so two spellings of one term are a mistake.
void read_plain_words(yaml::MapReader& check, CheckConfig& out) {
  auto node = check.child("plain_words");
  if (!node.IsDefined() || node.IsNull()) return;
  yaml::MapReader m(node, check.file(), 0, "'check.plain_words'", check.diags());
  if (!m.ok()) return;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string term = collapse_spaces(it->first.Scalar());
    const auto say = m.text(it->first.Scalar(), true);
    const bool known = std::any_of(out.plain_words.begin(), out.plain_words.end(), [&](const auto& w) {
      return std::equal(w.first.begin(), w.first.end(), term.begin(), term.end(),
                        [](char a, char b) { return (ascii::alpha(a) ? a | 0x20 : a) == (ascii::alpha(b) ? b | 0x20 : b); });
    });
    if (term.empty() || known)
      m.diags().error(m.pos_of(it->first), term.empty() ? "an empty term in 'check.plain_words'"
                                                          : "'" + term + "' is listed twice in 'check.plain_words'");
    else if (say && !say->empty())
      out.plain_words.emplace_back(term, *say);
  }
  m.finish();
}

void read_check(yaml::MapReader& top, CheckConfig& out) {
  auto node = top.child("check");
  if (!node.IsDefined() || node.IsNull()) return;
  yaml::MapReader m(node, top.file(), 0, "'check'", top.diags());
  if (!m.ok()) return;
  if (auto grade = m.number("target_grade", 1, 18)) out.target_grade = *grade, out.target_grade_pos = m.pos("target_grade");
  if (auto months = m.integer("review_after_months", 1, 240)) out.review_after_months = *months;
  read_plain_words(m, out);
  m.finish();
}

// email.smtp: the mail server. A password is never read from the YAML; plain text only to
// this machine and only when the config says so.
void read_smtp(yaml::MapReader& email, const std::string& base_dir, EmailConfig& out) {
  auto node = email.child("smtp");
  if (!node.IsDefined() || node.IsNull()) return;
  yaml::MapReader m(node, email.file(), 0, "'email.smtp'", email.diags());
  if (!m.ok()) return;
  SmtpConfig& s = out.smtp;
  out.has_smtp = true;
  s.pos = email.pos("smtp");
  Diagnostics& diags = m.diags();
  m.refuse("password", "an SMTP password never goes in the config: name an environment variable "
                       "(password_env) or a file only you can read (password_file)");
  s.host = m.text("host", true).value_or("");
  const bool security_given = m.text("security").has_value();
  if (auto security = m.text("security")) {
    if (*security == "starttls" || *security == "tls" || *security == "none")
      s.security = *security;
    else
      diags.error(m.pos("security"), "'security' must be starttls, tls or none (got '" + *security + "')");
  }
  s.port = s.security == "tls" ? 465 : s.security == "none" ? 25 : 587;
  if (auto port = m.integer("port", 1, 65535)) s.port = *port;
  if (auto allow = m.boolean("allow_plaintext")) s.allow_plaintext = *allow;
  if (s.security == "none" && security_given) {
    if (!is_local_host(s.host))
      diags.error(m.pos("security"), "'security: none' sends messages in plain text: only to this machine "
                                     "(localhost, 127.0.0.1, ::1), never to '" + s.host + "' (use starttls or tls)");
    else if (!s.allow_plaintext)
      diags.error(m.pos("security"), "'security: none' sends messages in plain text: add 'allow_plaintext: true' "
                                     "to send to this machine without TLS");
  }
  if (auto ca = m.text("ca_file")) {
    s.ca_file = join_path(base_dir, *ca);
    if (!is_file(s.ca_file)) diags.error(m.pos("ca_file"), "CA file not found: '" + *ca + "' (tried '" + s.ca_file + "')");
  }
  s.username = m.text("username").value_or("");
  s.password_env = m.text("password_env").value_or("");
  if (auto file = m.text("password_file")) s.password_file = join_path(base_dir, *file);
  s.password_pos = m.pos(s.password_file.empty() ? "password_env" : "password_file");
  if (!s.password_env.empty() && !s.password_file.empty())
    diags.error(m.pos("password_file"), "give the SMTP password one way: password_env or password_file, not both");
  if (s.username.empty() && (!s.password_env.empty() || !s.password_file.empty()))
    diags.error(m.pos("username"), "a password needs its 'username'");
  if (!s.username.empty() && s.password_env.empty() && s.password_file.empty())
    diags.error(m.pos("username"), "'username' needs a password: name an environment variable (password_env) "
                                   "or a file only you can read (password_file)");
  if (auto rate = m.number("messages_per_minute", 0.1, 100000)) s.messages_per_minute = *rate;
  if (auto retries = m.integer("retries", 0, 20)) s.retries = *retries;
  if (auto wait = m.number("retry_seconds", 0, 3600)) s.retry_seconds = *wait;
  if (auto timeout = m.integer("timeout_seconds", 1, 3600)) s.timeout_seconds = *timeout;
  m.finish();
}

// email: who messages to patients are from, and the clinic's words in them.
void read_email(yaml::MapReader& top, ClinicConfig& out) {
  auto node = top.child("email");
  if (!node.IsDefined() || node.IsNull()) return;
  yaml::MapReader m(node, top.file(), 0, "'email'", top.diags());
  if (!m.ok()) return;
  EmailConfig& e = out.email;
  e.present = true;
  e.pos = top.pos("email");
  Diagnostics& diags = m.diags();
  if (auto from = m.text("from", true)) {
    e.from_pos = m.pos("from");
    std::string problem;
    if (!split_mailbox(*from, e.from_name, e.from_address))
      diags.error(e.from_pos, "'from' must be an address or \"Name <address>\" (got '" + *from + "')");
    else if (problem = mail_address_problem(e.from_address); !problem.empty())
      diags.error(e.from_pos, "'from': " + problem);
  }
  if (auto reply = m.text("reply_to")) {
    std::string name;
    if (!split_mailbox(*reply, name, e.reply_to) || !mail_address_problem(e.reply_to).empty())
      diags.error(m.pos("reply_to"), "'reply_to' must be a mail address (got '" + *reply + "')");
  }
  e.clinic_name = m.text("clinic_name").value_or(out.clinic.name);
  e.signature = m.localized("signature", false);
  e.password_hint = m.localized("password_hint", false);
  e.password_hint_pos = m.pos("password_hint");
  read_smtp(m, out.base_dir, e);
  m.finish();
}

}  // namespace

bool parse_clinic_config(const std::string& text, const std::string& path, ClinicConfig& out,
                         Diagnostics& diags) {
  const auto errors_before = diags.error_count();
  out.path = path;
  out.base_dir = dir_of(path);
  YAML::Node root;
  if (!yaml::parse(text, path, 0, root, diags)) return false;
  yaml::MapReader top(root, path, 0, "config", diags);
  if (!top.ok()) return false;
  read_clinic(top, out);
  read_brand(top, out);
  read_languages(top, out);
  read_layouts(top, out);
  read_articles(top, out);
  if (auto output = top.text("output")) out.output_dir = *output;
  out.output_dir = join_path(out.base_dir, out.output_dir);
  if (auto patients = top.text("patients_output"))
    out.patients_output_dir = *patients, out.patients_output_pos = top.pos("patients_output");
  out.patients_output_dir = join_path(out.base_dir, out.patients_output_dir);
  out.footer_note = top.localized("footer_note", false);
  if (auto fb = top.text("fallback_language")) {
    out.fallback_language = *fb, out.fallback_language_pos = top.pos("fallback_language");
    if (!valid_language_code(*fb))
      diags.error(top.pos("fallback_language"), "invalid language code '" + *fb + "' for 'fallback_language'");
  }
  yaml::read_config_resources(top.child("extra_resources"), top, "extra_resources", out.extra_resources);
  read_limits(top, out);
  if (auto v = top.text("missing_glyphs")) {
    if (*v == "warn" || *v == "error")
      out.missing_glyphs_allowed = *v == "warn";
    else
      diags.error(top.pos("missing_glyphs"), "'missing_glyphs' must be error or warn (got '" + *v + "')");
  }
  read_online_url(top, out);
  read_notices(top, out);
  // The config's own list, kept: `--lang` builds fewer languages, not a shorter notice.
  if (out.notices.assistance_languages.empty()) out.notices.assistance_languages = out.languages;
  read_check(top, out.check);
  read_email(top, out);
  top.finish();
  return diags.error_count() == errors_before;
}

namespace {

std::vector<std::string> pick(const LocalizedText& text, const std::string& lang) {
  if (text.empty()) return {};
  const std::string primary = lang.substr(0, lang.find('-'));
  for (const auto& key : {std::string(""), lang, primary, std::string("default"), std::string("en")}) {
    auto it = text.find(key);
    if (it != text.end()) return it->second;
  }
  return text.begin()->second;
}

std::string pick_one(const LocalizedText& text, const std::string& lang) {
  const auto picked = pick(text, lang);
  return picked.empty() ? "" : picked.front();
}

}  // namespace

std::string localized_for(const LocalizedText& text, const std::string& lang) { return pick_one(text, lang); }

PrintedClinic printed_clinic(const ClinicConfig& config, const std::string& lang) {
  PrintedClinic out;
  out.info = config.clinic;
  out.tagline = pick_one(config.tagline, lang);
  out.hours = pick(config.hours, lang);
  out.footer_note = pick_one(config.footer_note, lang);
  for (const auto& r : config.extra_resources) {
    out.extra_resources.push_back(r.entry);
    out.extra_resources.back().description = pick_one(r.description, lang);
  }
  out.missing_glyphs_allowed = config.missing_glyphs_allowed;
  return out;
}

bool load_clinic_config(const std::string& path, ClinicConfig& out, Diagnostics& diags) {
  return yaml::load_yaml_file(path, "config file", kDefaultMaxInputBytes, out, diags, parse_clinic_config);
}

}  // namespace handout
