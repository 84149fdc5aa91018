#include "config/config_bytes.h"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace handout {
namespace {

// One list of fields per struct serves both directions. A field added to a struct must be
// added here: these sizes (x86-64, libstdc++) fail the build until it is.
static_assert(sizeof(SourcePos) == 40 && sizeof(Resource) == 200 && sizeof(ConfigResource) == 248,
              "a field was added: list it in config_bytes.cpp");
static_assert(sizeof(ClinicInfo) == 288 && sizeof(Brand) == 320 && sizeof(Limits) == 24 &&
                  sizeof(NoticesConfig) == 72 && sizeof(CheckConfig) == 80 && sizeof(ClinicConfig) == 1368,
              "a field was added: list it in config_bytes.cpp");

template <typename T, typename U>
concept Is = std::is_same_v<std::remove_const_t<T>, U>;

template <typename F, typename T> requires Is<T, SourcePos>
void fields(F& f, T& p) { f(p.file, p.line, p.col); }
template <typename F, typename T> requires Is<T, Color>
void fields(F& f, T& c) { f(c.r, c.g, c.b); }
template <typename F, typename T> requires Is<T, Resource>
void fields(F& f, T& r) { f(r.name, r.description, r.website, r.website_uri, r.phone, r.pos); }
template <typename F, typename T> requires Is<T, ConfigResource>
void fields(F& f, T& r) { f(r.entry, r.description); }
template <typename F, typename T> requires Is<T, ClinicInfo>
void fields(F& f, T& c) {
  f(c.name, c.logo_path, c.logo_pos, c.address, c.phone, c.email, c.website, c.email_uri, c.website_uri);
}
template <typename F, typename T> requires Is<T, Brand>
void fields(F& f, T& b) {
  f(b.primary, b.accent, b.body_font, b.heading_font, b.fallback_fonts, b.language_fonts, b.body_font_pos,
    b.heading_font_pos, b.fallback_fonts_pos, b.language_fonts_pos, b.primary_pos);
}
template <typename F, typename T> requires Is<T, Limits>
void fields(F& f, T& l) { f(l.input_bytes, l.pages, l.image_pixels); }
template <typename F, typename T> requires Is<T, NoticesConfig>
void fields(F& f, T& n) { f(n.language_assistance, n.assistance_languages, n.pos); }
template <typename F, typename T> requires Is<T, CheckConfig>
void fields(F& f, T& c) { f(c.target_grade, c.review_after_months, c.plain_words, c.target_grade_pos); }
template <typename F, typename T> requires Is<T, ClinicConfig>
void fields(F& f, T& c) {
  f(c.path, c.base_dir, c.clinic, c.tagline, c.hours, c.brand, c.languages, c.layout, c.layouts, c.layout_pos,
    c.articles, c.article_pos, c.output_dir, c.footer_note, c.extra_resources, c.fallback_language,
    c.fallback_language_pos, c.limits, c.missing_glyphs_allowed, c.online_url, c.online_url_pos, c.notices, c.check);
}

template <typename T>
concept Numeric = std::is_arithmetic_v<T>;

struct Writer {
  std::string out;
  template <typename... T>
  void operator()(const T&... v) { (one(v), ...); }
  void one(const std::string& s) { count(s.size()), out += s; }
  template <Numeric T>
  void one(T v) {  // numbers as their bytes: doubles come back bit for bit
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out.append(bytes, sizeof v);
  }
  template <typename T>
  void one(const std::vector<T>& v) { count(v.size()); for (const auto& x : v) one(x); }
  template <typename K, typename V>
  void one(const std::map<K, V>& m) { count(m.size()); for (const auto& [k, v] : m) one(k), one(v); }
  template <typename A, typename B>
  void one(const std::pair<A, B>& p) { one(p.first), one(p.second); }
  template <typename T>
  void one(const T& s) requires requires(Writer& w) { fields(w, s); } { fields(*this, s); }
  void count(std::size_t n) { one(static_cast<std::uint32_t>(n)); }
};

struct Reader {
  std::string_view rest;
  bool ok = true;
  template <typename... T>
  void operator()(T&... v) { (one(v), ...); }
  bool take(void* to, std::size_t n) {
    if (!ok || rest.size() < n) return ok = false;
    std::memcpy(to, rest.data(), n);
    rest.remove_prefix(n);
    return true;
  }
  std::size_t count() {
    std::uint32_t n = 0;
    return take(&n, sizeof n) && n <= rest.size() ? n : (ok = false, 0);  // every item takes a byte or more
  }
  void one(std::string& s) {
    const std::size_t n = count();
    if (ok) s.assign(rest.substr(0, n)), rest.remove_prefix(n);
  }
  template <Numeric T>
  void one(T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      unsigned char b = 0;
      if (take(&b, 1)) ok = b <= 1, v = b == 1;
    } else {
      take(&v, sizeof v);
    }
  }
  template <typename T>
  void one(std::vector<T>& v) {
    v.assign(count(), T{});
    for (auto& x : v) one(x);
  }
  template <typename K, typename V>
  void one(std::map<K, V>& m) {
    m.clear();
    for (std::size_t i = 0, n = count(); ok && i < n; ++i) {
      std::pair<K, V> entry;
      one(entry);
      if (ok && !m.emplace(std::move(entry)).second) ok = false;  // a key twice
    }
  }
  template <typename A, typename B>
  void one(std::pair<A, B>& p) { one(p.first), one(p.second); }
  template <typename T>
  void one(T& s) requires requires(Reader& r) { fields(r, s); } { fields(*this, s); }
};

}  // namespace

std::string clinic_config_bytes(const ClinicConfig& config) {
  Writer w;
  w.one(config);
  return std::move(w.out);
}

bool parse_clinic_config_bytes(std::string_view bytes, ClinicConfig& out) {
  Reader r{bytes};
  ClinicConfig config;
  r.one(config);
  if (!r.ok || !r.rest.empty()) return false;
  out = std::move(config);
  return true;
}

}  // namespace handout
