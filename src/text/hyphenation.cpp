#include "text/hyphenation.h"

#include <dirent.h>
#include <hyphen.h>
#include <iconv.h>
#include <sys/mman.h>

#include <locale.h>
#include <wctype.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

#include "hash/content_hash.h"
#include "util/mapped_file.h"
#include "util/program_dirs.h"
#include "util/text.h"
#include "util/utf8.h"

namespace handout {

// Zeroed memory of its own mapping, in huge pages where the kernel has them (German's states
// take 11 MB: thousands of page faults in 4 KB pages, a handful in 2 MB ones).
class Region {
 public:
  Region() = default;
  Region(const Region&) = delete;
  Region& operator=(const Region&) = delete;
  ~Region() {
    if (data_) ::munmap(data_, size_);
  }
  void* allocate(std::size_t n) {
    constexpr std::size_t kHuge = std::size_t(2) << 20;
    size_ = (n + kHuge - 1) / kHuge * kHuge;
    void* p = ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return data_ = nullptr;
    if (n >= kHuge) ::madvise(p, size_, MADV_HUGEPAGE);
    return data_ = p;
  }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

// A dictionary level read back from a compiled file: the HyphenDict libhyphen works on, its
// states in memory of their own; transitions, strings and the nohyphen list point into the
// mapped file, which libhyphen only reads.
struct CompiledLevel {
  HyphenDict dict{};
  Region states;
};

// The loaded patterns and the converter to their charset, shared by a language's hyphenator and
// the per-article copies keeping_whole makes.
struct Hyphenator::Patterns {
  HyphenDict* dict = nullptr;                          // the first level, libhyphen's or levels[0]
  MappedFile file;                                     // a compiled file, mapped
  std::vector<std::unique_ptr<CompiledLevel>> levels;  // its levels, else empty
  iconv_t converter = reinterpret_cast<iconv_t>(-1);   // UTF-8 to an 8-bit pattern file's charset
  mutable std::mutex converter_mutex;                  // iconv keeps state between calls
  std::string path;
  std::string fallback_reason;

  bool compiled() const { return !levels.empty(); }
  ~Patterns() {
    if (converter != reinterpret_cast<iconv_t>(-1)) iconv_close(converter);
    if (dict && !compiled()) hnj_hyphen_free(dict);
  }
  // Converts UTF-8 text to the pattern file's charset; false if a character has no place in it.
  bool to_charset(std::string& text) const;
};

namespace {

// Candidate pattern files for a language tag, most specific first.
std::vector<std::string> candidates(const std::string& lang, const std::string& dir) {
  std::string tag = lang;
  std::replace(tag.begin(), tag.end(), '-', '_');
  const std::string primary = tag.substr(0, tag.find('_'));
  std::string upper = primary;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  std::vector<std::string> out{dir + "/hyph_" + tag + ".dic", dir + "/hyph_" + primary + ".dic",
                               dir + "/hyph_" + primary + "_" + upper + ".dic"};
  if (DIR* d = ::opendir(dir.c_str())) {  // any regional variant, e.g. hyph_es_MX.dic
    std::vector<std::string> found;
    while (auto* e = ::readdir(d)) {
      std::string f = e->d_name;
      if (f.rfind("hyph_" + primary + "_", 0) == 0 && f.ends_with(".dic")) found.push_back(dir + "/" + f);
    }
    ::closedir(d);
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// A UTF-8 character-type locale of our own: the process locale ("C" by default) knows only
// ASCII letters, and changing it would affect the whole program.
locale_t unicode_locale() {
  static locale_t loc = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    return l ? l : newlocale(LC_CTYPE_MASK, "C", static_cast<locale_t>(0));
  }();
  return loc;
}

char32_t to_lower(char32_t c) { return static_cast<char32_t>(towlower_l(static_cast<wint_t>(c), unicode_locale())); }

std::u32string lower_case(const std::u32string& s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) out.push_back(to_lower(c));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Compiled pattern files (.hyb). Loading Debian's German patterns with hnj_hyphen_load takes
// seconds of CPU (291,931 states found through a fixed hash table of 31,627 buckets, each state
// and string malloc'ed); the build runs it once per pattern file (tools/hyphen_compile.cpp) and
// writes the state machine it built, which a run maps and turns back into libhyphen's states in
// milliseconds. libhyphen itself then hyphenates with it, so the answers are its own.
// Version 3, in the machine's own byte order and struct layout (the file is made on the machine
// or architecture it runs on; the header says which and another one is refused):
//
//   magic "HOHYPHEN", u32 version, u32 layout (kLayout: byte order and struct sizes)
//   source: u64 size, 16-byte content hash (content_hash_128), u32 name length, name (the
//           .dic's file name after symbolic links; for people, not checked)
//   u32 levels: the HyphenDict, then each nextlevel in turn
//   per level:
//     i8 lhmin, rhmin, clhmin, crhmin; u8 utf8; cset (20 bytes)
//     i32 nohyphenl; u32 nohyphen length (0: none), its bytes (nohyphenl + 1 NUL-ended strings)
//     u32 states, u32 transitions, u32 replacements, u32 string pool length
//     zero bytes up to a multiple of 8 from the start of the file, then
//     the transitions, the states' in order, as libhyphen's HyphenTrans (mapped, used in place)
//     per state a StateRecord: i32 fallback_state, u32 match (offset + 1 in the pool; 0: none),
//       u16 num_trans, i8 replindex, i8 replcut (0, 0 for a state without a match: libhyphen
//       leaves them unset and reads them only with a replacement)
//     per replacement: u32 state, u32 repl (offset + 1 in the pool)
//     the pool: NUL-ended strings (mapped, used in place)
//
// A run hashes the .dic it would load (hashing is cheap; parsing it is what is slow) and uses the compiled file only when size and hash match; anything else (an
// updated hyphen-de, a file made from another machine's patterns, a damaged file) falls back
// to hnj_hyphen_load. File times are never trusted: a package upgrade or a copy changes them
// without changing the patterns, and the reverse happens too.

constexpr char kMagic[8] = {'H', 'O', 'H', 'Y', 'P', 'H', 'E', 'N'};
constexpr std::uint32_t kVersion = 3;
constexpr int kMaxLevels = 8;  // libhyphen builds 2; more means a damaged file

struct StateRecord {
  std::int32_t fallback_state;
  std::uint32_t match;
  std::uint16_t num_trans;
  std::int8_t replindex, replcut;
};
static_assert(sizeof(StateRecord) == 12);

struct ReplRecord {
  std::uint32_t state, repl;
};

// Byte order (the low byte of 0x0102 first or not) and the sizes of the structs mapped in place.
constexpr std::uint32_t kLayout = (std::endian::native == std::endian::little ? 1u : 2u) |
                                  std::uint32_t(sizeof(HyphenTrans)) << 8 |
                                  std::uint32_t(alignof(HyphenTrans)) << 16;

class Writer {
 public:
  void bytes(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  template <class T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  void pad(std::size_t to) {
    while (out_.size() % to) out_.push_back('\0');
  }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  std::size_t at() const { return at_; }
  std::size_t left() const { return bytes_.size() - at_; }
  const char* take(std::size_t n) {
    if (!ok_ || n > left()) {
      ok_ = false;
      return nullptr;
    }
    const char* p = bytes_.data() + at_;
    at_ += n;
    return p;
  }
  template <class T>
  T value() {
    T v{};
    if (const char* p = take(sizeof v)) std::memcpy(&v, p, sizeof v);
    return v;
  }
  void align(std::size_t to) {
    const std::size_t pad = (to - at_ % to) % to;
    if (take(pad) == nullptr && pad > 0) ok_ = false;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

// A string pool that stores each distinct string once; references are offset + 1 (0: none).
class Pool {
 public:
  std::uint32_t add(const char* s) {
    if (!s) return 0;
    auto [it, fresh] = at_.try_emplace(s, static_cast<std::uint32_t>(text_.size() + 1));
    if (fresh) text_.append(s, std::strlen(s) + 1);
    return it->second;
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::map<std::string, std::uint32_t> at_;
};

// The bytes of a level's nohyphen list: nohyphenl + 1 NUL-ended strings, as libhyphen walks them.
std::string nohyphen_bytes(const HyphenDict* d) {
  if (!d->nohyphen) return {};
  const char* p = d->nohyphen;
  for (int i = 0; i <= d->nohyphenl; ++i) p += std::strlen(p) + 1;
  return std::string(d->nohyphen, static_cast<std::size_t>(p - d->nohyphen));
}

void write_level(Writer& w, const HyphenDict* d) {
  for (char v : {d->lhmin, d->rhmin, d->clhmin, d->crhmin}) w.value(v);
  w.value(static_cast<std::uint8_t>(d->utf8 ? 1 : 0));
  w.bytes(d->cset, sizeof d->cset);
  w.value(static_cast<std::int32_t>(d->nohyphenl));
  const std::string nohyphen = nohyphen_bytes(d);
  w.value(static_cast<std::uint32_t>(nohyphen.size()));
  w.bytes(nohyphen.data(), nohyphen.size());
  Pool pool;
  Writer states, trans, repls;
  std::uint32_t transitions = 0, replacements = 0;
  for (int s = 0; s < d->num_states; ++s) {
    const HyphenState& st = d->states[s];
    const StateRecord r{st.fallback_state, pool.add(st.match), static_cast<std::uint16_t>(st.num_trans),
                        st.match ? st.replindex : std::int8_t(0), st.match ? st.replcut : std::int8_t(0)};
    states.value(r);
    for (int t = 0; t < st.num_trans; ++t) {
      HyphenTrans out;
      std::memset(&out, 0, sizeof out);  // no stray padding bytes in the file
      out.ch = st.trans[t].ch;
      out.new_state = st.trans[t].new_state;
      trans.value(out);
    }
    transitions += static_cast<std::uint32_t>(st.num_trans);
    if (st.repl) {
      repls.value(ReplRecord{static_cast<std::uint32_t>(s), pool.add(st.repl)});
      ++replacements;
    }
  }
  w.value(static_cast<std::uint32_t>(d->num_states));
  w.value(transitions);
  w.value(replacements);
  w.value(static_cast<std::uint32_t>(pool.text().size()));
  w.pad(8);
  w.bytes(trans.str().data(), trans.str().size());
  w.bytes(states.str().data(), states.str().size());
  w.bytes(repls.str().data(), repls.str().size());
  w.bytes(pool.text().data(), pool.text().size());
}

// One level read back; false when the bytes are not a well-formed level. `r` reads the whole
// mapped file, so its offsets are the file's (the transitions' alignment depends on it).
bool read_level(Reader& r, CompiledLevel& level) {
  HyphenDict& d = level.dict;
  d.lhmin = r.value<char>();
  d.rhmin = r.value<char>();
  d.clhmin = r.value<char>();
  d.crhmin = r.value<char>();
  d.utf8 = r.value<std::uint8_t>();
  if (const char* cset = r.take(sizeof d.cset)) std::memcpy(d.cset, cset, sizeof d.cset);
  d.cset[sizeof d.cset - 1] = '\0';
  d.nohyphenl = r.value<std::int32_t>();
  const auto nohyphen_size = r.value<std::uint32_t>();
  const char* nohyphen = r.take(nohyphen_size);
  const auto num_states = r.value<std::uint32_t>(), transitions = r.value<std::uint32_t>(),
             replacements = r.value<std::uint32_t>(), pool_size = r.value<std::uint32_t>();
  r.align(8);
  if (!r.ok() || num_states == 0 || num_states > 0x7FFFFFFF || d.nohyphenl < 0) return false;
  if (nohyphen_size > 0) {
    // nohyphenl + 1 NUL-ended strings, all inside the bytes read.
    const char* p = nohyphen;
    const char* end = nohyphen + nohyphen_size;
    for (int i = 0; i <= d.nohyphenl; ++i) {
      const void* nul = std::memchr(p, '\0', static_cast<std::size_t>(end - p));
      if (!nul) return false;
      p = static_cast<const char*>(nul) + 1;
    }
    d.nohyphen = const_cast<char*>(nohyphen);  // libhyphen only reads it
  }
  const char* trans_bytes = r.take(std::size_t(transitions) * sizeof(HyphenTrans));
  const char* state_bytes = r.take(std::size_t(num_states) * sizeof(StateRecord));
  const char* repl_bytes = r.take(std::size_t(replacements) * sizeof(ReplRecord));
  const char* pool = r.take(pool_size);
  if (!r.ok() || (pool_size > 0 && pool[pool_size - 1] != '\0')) return false;
  // The pool ends with a NUL, so every offset inside it starts a string.
  auto string_at = [&](std::uint32_t ref, bool& ok) -> char* {
    if (ref == 0) return nullptr;
    if (ref > pool_size) return ok = false, nullptr;
    return const_cast<char*>(pool + (ref - 1));  // libhyphen only reads it
  };
  auto* trans = reinterpret_cast<HyphenTrans*>(const_cast<char*>(trans_bytes));  // aligned: see the format
  auto* states = static_cast<HyphenState*>(level.states.allocate(std::size_t(num_states) * sizeof(HyphenState)));
  if (!states) return false;
  const auto n = static_cast<std::int64_t>(num_states);
  for (std::uint32_t t = 0; t < transitions; ++t)
    if (trans[t].new_state < 0 || trans[t].new_state >= n) return false;
  bool ok = true;
  std::size_t next_trans = 0;
  for (std::uint32_t s = 0; ok && s < num_states; ++s) {
    StateRecord rec;
    std::memcpy(&rec, state_bytes + std::size_t(s) * sizeof rec, sizeof rec);
    HyphenState& st = states[s];
    st.fallback_state = rec.fallback_state;
    st.num_trans = rec.num_trans;
    st.match = string_at(rec.match, ok);
    st.replindex = rec.replindex;
    st.replcut = rec.replcut;
    if (st.fallback_state < -1 || st.fallback_state >= n || std::size_t(st.num_trans) > transitions - next_trans) ok = false;
    if (!ok || st.num_trans == 0) continue;
    st.trans = trans + next_trans;
    next_trans += static_cast<std::size_t>(st.num_trans);
  }
  if (next_trans != transitions) ok = false;
  for (std::uint32_t i = 0; ok && i < replacements; ++i) {
    ReplRecord rec;
    std::memcpy(&rec, repl_bytes + std::size_t(i) * sizeof rec, sizeof rec);
    if (rec.state >= num_states || states[rec.state].repl) ok = false;
    else states[rec.state].repl = string_at(rec.repl, ok);
  }
  if (!ok) return false;
  d.num_states = static_cast<int>(num_states);
  d.states = states;
  return true;
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool read_source(Reader& r, PatternSource& src) {
  const char* magic = r.take(sizeof kMagic);
  if (!magic || std::memcmp(magic, kMagic, sizeof kMagic) != 0 || r.value<std::uint32_t>() != kVersion ||
      r.value<std::uint32_t>() != kLayout)
    return false;
  src.size = r.value<std::uint64_t>();
  if (const char* h = r.take(src.hash.size())) std::memcpy(src.hash.data(), h, src.hash.size());
  const auto name_size = r.value<std::uint32_t>();
  const char* name = r.take(name_size);
  if (!r.ok()) return false;
  src.name.assign(name, name_size);
  return true;
}

// What became of looking for a compiled file.
enum class Lookup { Loaded, Absent, Stale, Damaged };

// The levels in compiled file `path`, mapped into `file`, if it was made from a pattern file of
// `dic_size` bytes hashing to `dic_hash`.
Lookup load_compiled(const std::string& path, std::uint64_t dic_size, const std::array<unsigned char, 16>& dic_hash,
                     MappedFile& file, std::vector<std::unique_ptr<CompiledLevel>>& levels) {
  MappedFile mapped;
  if (!mapped.open(path)) return Lookup::Absent;
  Reader r(mapped.bytes());
  PatternSource src;
  if (!read_source(r, src)) return Lookup::Damaged;
  if (src.size != dic_size || src.hash != dic_hash) return Lookup::Stale;
  const auto count = r.value<std::uint32_t>();
  if (!r.ok() || count == 0 || count > kMaxLevels) return Lookup::Damaged;
  std::vector<std::unique_ptr<CompiledLevel>> read;
  for (std::uint32_t i = 0; i < count; ++i) {
    auto level = std::make_unique<CompiledLevel>();
    if (!read_level(r, *level)) return Lookup::Damaged;
    if (!read.empty()) read.back()->dict.nextlevel = &level->dict;
    read.push_back(std::move(level));
  }
  if (r.left() != 0) return Lookup::Damaged;  // trailing bytes: not a file this code wrote
  levels = std::move(read);
  file.swap(mapped);
  return Lookup::Loaded;
}

std::vector<std::string> program_compiled_dirs() {
  // Found as the build's modules are (src/util/program_dirs.h): a binary inside the build tree
  // reads <build>/hyphen first; then <bindir>/../share/handout/hyphen; then the install prefix's.
  const ModuleDirs dirs{HANDOUT_HYPHEN_BUILD_DIR, HANDOUT_HYPHEN_BIN_TO_DATA_DIR, HANDOUT_HYPHEN_INSTALL_DATA_DIR};
  return program_module_paths(executable_dir(), dirs, "hyphen");
}

}  // namespace

bool is_letter(char32_t c) { return iswalpha_l(static_cast<wint_t>(c), unicode_locale()); }

std::string compiled_pattern_name(const std::string& dic_path) {
  std::string name = base_name(canonical_or_same(dic_path));
  if (name.ends_with(".dic")) name.resize(name.size() - 4);
  return name + ".hyb";
}

bool compile_patterns(const std::string& dic_path, const std::string& out_path, std::string& error) {
  MappedFile dic;
  if (!dic.open(dic_path)) {
    error = dic_path + ": cannot read it";
    return false;
  }
  HyphenDict* dict = hnj_hyphen_load(dic_path.c_str());
  if (!dict) {
    error = dic_path + ": libhyphen cannot load it";
    return false;
  }
  Writer w;
  w.bytes(kMagic, sizeof kMagic);
  w.value(kVersion);
  w.value(kLayout);
  w.value(static_cast<std::uint64_t>(dic.bytes().size()));
  const auto hash = content_hash_128(dic.bytes());
  w.bytes(hash.data(), hash.size());
  const std::string name = base_name(canonical_or_same(dic_path));
  w.value(static_cast<std::uint32_t>(name.size()));
  w.bytes(name.data(), name.size());
  std::vector<const HyphenDict*> levels;
  for (const HyphenDict* d = dict; d && levels.size() <= kMaxLevels; d = d->nextlevel) levels.push_back(d);
  bool ok = levels.size() <= kMaxLevels;
  if (!ok) error = dic_path + ": more than " + std::to_string(kMaxLevels) + " levels";
  for (const HyphenDict* d : levels) {
    for (int s = 0; ok && s < d->num_states; ++s)
      if (d->states[s].num_trans > 0xFFFF) ok = false, error = dic_path + ": a state with over 65535 transitions";
  }
  if (ok) {
    w.value(static_cast<std::uint32_t>(levels.size()));
    for (const HyphenDict* d : levels) write_level(w, d);
  }
  hnj_hyphen_free(dict);
  if (!ok) return false;
  // Written beside the target and renamed, so a reader never sees half a file.
  const std::string tmp = out_path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  ok = f && std::fwrite(w.str().data(), 1, w.str().size(), f) == w.str().size();
  if (f && std::fclose(f) != 0) ok = false;
  if (ok && std::rename(tmp.c_str(), out_path.c_str()) != 0) ok = false;
  if (!ok) {
    error = out_path + ": cannot write it: " + std::strerror(errno);
    std::remove(tmp.c_str());
  }
  return ok;
}

std::optional<PatternSource> compiled_pattern_source(const std::string& path) {
  MappedFile file;
  if (!file.open(path)) return std::nullopt;
  Reader r(file.bytes());
  PatternSource src;
  if (!read_source(r, src)) return std::nullopt;
  return src;
}

const std::vector<std::string>& Hyphenator::compiled_dirs() {
  static const std::vector<std::string> dirs = program_compiled_dirs();
  return dirs;
}

std::vector<std::string> Hyphenator::pattern_files(const std::string& lang, const std::string& dict_dir) {
  return lang.empty() ? std::vector<std::string>{} : candidates(lang, dict_dir);
}

std::unique_ptr<Hyphenator> Hyphenator::open(const std::string& dic_path, const std::vector<std::string>& compiled_dirs) {
  MappedFile dic;
  if (!dic.open(dic_path)) return nullptr;
  auto patterns = std::make_shared<Patterns>();
  patterns->path = dic_path;
  if (!compiled_dirs.empty()) {
    const auto hash = content_hash_128(dic.bytes());
    const std::string name = compiled_pattern_name(dic_path);
    Lookup found = Lookup::Absent;
    for (const auto& dir : compiled_dirs) {
      const Lookup l = load_compiled(dir + "/" + name, dic.bytes().size(), hash, patterns->file, patterns->levels);
      if (l == Lookup::Loaded) {
        patterns->dict = &patterns->levels.front()->dict;
        break;
      }
      if (l != Lookup::Absent && found == Lookup::Absent) found = l;
    }
    if (!patterns->dict)
      patterns->fallback_reason = found == Lookup::Stale     ? "the compiled copy " + name + " was made from other patterns"
                                  : found == Lookup::Damaged ? "the compiled copy " + name + " cannot be read"
                                                             : "no compiled copy " + name + " was found";
  }
  if (!patterns->dict) patterns->dict = hnj_hyphen_load(dic_path.c_str());
  if (!patterns->dict) return nullptr;
  // Some pattern files are in a legacy 8-bit charset (German ISO8859-1, Russian KOI8-R);
  // words must be converted to it.
  if (!patterns->dict->utf8) {
    patterns->converter = iconv_open(patterns->dict->cset, "UTF-8");
    if (patterns->converter == reinterpret_cast<iconv_t>(-1)) return nullptr;  // an unknown charset: unusable
  }
  std::unique_ptr<Hyphenator> h(new Hyphenator());
  h->patterns_ = std::move(patterns);
  return h;
}

std::unique_ptr<Hyphenator> Hyphenator::for_language(const std::string& lang, const std::string& dict_dir) {
  if (lang.empty()) return nullptr;
  for (const auto& path : candidates(lang, dict_dir))
    if (auto h = open(path, compiled_dirs())) return h;
  return nullptr;
}

Hyphenator::~Hyphenator() = default;

const std::string& Hyphenator::path() const { return patterns_->path; }

bool Hyphenator::compiled() const { return patterns_->compiled(); }

const std::string& Hyphenator::fallback_reason() const { return patterns_->fallback_reason; }

std::unique_ptr<Hyphenator> Hyphenator::keeping_whole(const std::vector<std::string>& texts) const {
  std::unique_ptr<Hyphenator> h(new Hyphenator());
  h->patterns_ = patterns_;
  h->kept_ = kept_;
  for (const auto& text : texts) {
    const std::u32string chars = utf8_decode(text);
    for (std::size_t i = 0; i < chars.size();) {
      if (!is_letter(chars[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < chars.size() && is_letter(chars[j])) ++j;
      if (j - i >= kMinWord) h->kept_.push_back(lower_case(chars.substr(i, j - i)));
      i = j;
    }
  }
  std::sort(h->kept_.begin(), h->kept_.end());
  h->kept_.erase(std::unique(h->kept_.begin(), h->kept_.end()), h->kept_.end());
  return h;
}

bool Hyphenator::Patterns::to_charset(std::string& text) const {
  std::lock_guard<std::mutex> lock(converter_mutex);
  iconv(converter, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
  std::string out(text.size() * 4 + 4, '\0');
  char* in_ptr = text.data();
  char* out_ptr = out.data();
  std::size_t in_left = text.size(), out_left = out.size();
  const bool ok = iconv(converter, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1) && in_left == 0;
  if (ok) text = out.substr(0, out.size() - out_left);
  return ok;
}

std::vector<std::size_t> Hyphenator::points(const std::u32string& word) const {
  if (word.size() < kMinWord || word.size() > 60) return {};
  for (char32_t c : word)
    if (!is_letter(c)) return {};  // digits, '@', '/', '.', '-' ...: never split
  const std::u32string lower = lower_case(word);
  const std::size_t n = lower.size();
  // Positions inside a key term (not at its edges) are never used.
  std::vector<bool> inside(n + 1, false);
  for (const auto& term : kept_)
    for (auto at = lower.find(term); at != std::u32string::npos; at = lower.find(term, at + 1))
      for (std::size_t k = at + 1; k < at + term.size(); ++k) inside[k] = true;
  std::string bytes = utf8_encode(lower);
  const Patterns& p = *patterns_;
  if (p.converter != reinterpret_cast<iconv_t>(-1) && !p.to_charset(bytes)) return {};
  std::vector<char> hyphens(bytes.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int rc = hnj_hyphen_hyphenate3(p.dict, bytes.c_str(), static_cast<int>(bytes.size()), hyphens.data(), nullptr,
                                       &rep, &pos, &cut, kMinBefore, kMinAfter, kMinBefore, kMinAfter);
  // libhyphen reports per character (it converts UTF-8 byte positions itself): an odd digit
  // at k-1 allows a hyphen after character k. Non-standard breaks (rep) change spelling: skipped.
  std::vector<std::size_t> out;
  for (std::size_t k = kMinBefore; rc == 0 && k + kMinAfter <= n; ++k)
    if ((hyphens[k - 1] - '0') % 2 == 1 && !(rep && rep[k - 1]) && !inside[k]) out.push_back(k);
  if (rep) {
    for (std::size_t i = 0; i < bytes.size(); ++i) free(rep[i]);
    free(rep);
  }
  free(pos);
  free(cut);
  return out;
}

std::string Hyphenator::libhyphen_answer(const std::string& word, bool in_file_charset) const {
  const Patterns& p = *patterns_;
  std::string bytes = word;
  if (!in_file_charset && p.converter != reinterpret_cast<iconv_t>(-1) && !p.to_charset(bytes)) return "";
  if (bytes.empty()) return "";
  const int size = static_cast<int>(bytes.size());
  std::string out;
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<char> hyphens(bytes.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int rc = pass == 0 ? hnj_hyphen_hyphenate2(p.dict, bytes.c_str(), size, hyphens.data(), nullptr, &rep, &pos, &cut)
                             : hnj_hyphen_hyphenate3(p.dict, bytes.c_str(), size, hyphens.data(), nullptr, &rep, &pos,
                                                     &cut, kMinBefore, kMinAfter, kMinBefore, kMinAfter);
    out += "rc=" + std::to_string(rc) + " hyphens=";
    for (char c : hyphens) out += c >= '0' && c <= '9' ? c : '_';  // libhyphen may leave NULs
    for (int i = 0; rep && i < size; ++i)
      if (rep[i]) out += " rep[" + std::to_string(i) + "]=" + rep[i] + "," + std::to_string(pos[i]) + "," + std::to_string(cut[i]);
    out += "; ";
    if (rep) {
      for (int i = 0; i < size; ++i) free(rep[i]);
      free(rep);
    }
    free(pos);
    free(cut);
  }
  return out;
}

}  // namespace handout
