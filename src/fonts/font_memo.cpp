#include "fonts/font_memo.h"

#include <hb.h>

#include <algorithm>

namespace handout {
namespace {

thread_local FontMemo* t_current = nullptr;

void put_varint(std::string& out, std::uint64_t v) {
  for (; v >= 0x80; v >>= 7) out += static_cast<char>((v & 0x7F) | 0x80);
  out += static_cast<char>(v);
}
void put_bytes(std::string& out, std::string_view bytes) {
  put_varint(out, bytes.size());
  out += bytes;
}
// Small negative numbers (mark offsets) small too: 0, -1, 1, -2 -> 0, 1, 2, 3.
std::uint32_t zigzag(std::int32_t v) {
  return (static_cast<std::uint32_t>(v) << 1) ^ static_cast<std::uint32_t>(v >> 31);
}

// Reads the bytes from the front; every read checks what is left.
class Bytes {
 public:
  explicit Bytes(std::string_view bytes) : rest_(bytes) {}
  bool varint(std::uint64_t& v, std::uint64_t max) {
    v = 0;
    for (int shift = 0; shift < 64 && !rest_.empty(); shift += 7) {
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v <= max;
    }
    return false;
  }
  template <typename T>
  bool u32(T& v) {
    std::uint64_t w = 0;
    if (!varint(w, 0xFFFFFFFFu)) return false;
    v = static_cast<T>(w);
    return true;
  }
  bool i32(std::int32_t& v) {
    std::uint32_t w = 0;
    if (!u32(w)) return false;
    v = static_cast<std::int32_t>((w >> 1) ^ (0u - (w & 1)));
    return true;
  }
  bool text(std::string& s) {
    std::uint64_t n = 0;
    if (!varint(n, ~0ULL) || n > rest_.size()) return false;  // what is left after the length itself
    s.assign(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return true;
  }
  std::size_t left() const { return rest_.size(); }

 private:
  std::string_view rest_;
};

bool read_glyph(Bytes& in, RawGlyph& g) {
  std::uint32_t flag = 0;
  if (!in.u32(g.id) || !in.u32(g.cluster) || !in.i32(g.advance) || !in.i32(g.dx) || !in.i32(g.dy) || !in.u32(flag) ||
      flag > 1)
    return false;
  g.unsafe_to_break = flag == 1;
  return true;
}

bool read_subset(Bytes& in, FontMemo::Subset& s) {
  std::uint32_t cff = 0;
  std::uint64_t count = 0;
  if (!in.u32(cff) || cff > 1 || !in.varint(count, in.left())) return false;
  s.cff = cff == 1;
  s.codes.resize(count);
  for (unsigned& code : s.codes)
    if (!in.u32(code)) return false;
  std::uint64_t size = 0;
  if (!in.text(s.deflated) || !in.varint(size, 0xFFFFFFFFu)) return false;
  s.file_size = static_cast<std::size_t>(size);
  return true;
}

// The entries of a map in key order: the same memo, the same bytes.
template <typename Map>
std::vector<const typename Map::value_type*> in_order(const Map& map) {
  std::vector<const typename Map::value_type*> sorted;
  for (const auto& entry : map) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  return sorted;
}

}  // namespace

const std::vector<RawGlyph>* FontMemo::find_run(const std::string& key) const {
  auto it = earlier_.runs.find(key);
  return it == earlier_.runs.end() ? nullptr : &it->second;
}

const FontMemo::Subset* FontMemo::find_subset(const std::string& key) const {
  auto it = earlier_.subsets.find(key);
  return it == earlier_.subsets.end() ? nullptr : &it->second;
}

void FontMemo::record_run(const std::string& key, const std::vector<RawGlyph>& glyphs) {
  used_.runs.try_emplace(key, glyphs);
}

void FontMemo::record_subset(const std::string& key, const Subset& subset) { used_.subsets.try_emplace(key, subset); }

FontMemo::Use::Use(FontMemo* memo) : previous_(t_current) { t_current = memo; }
FontMemo::Use::~Use() { t_current = previous_; }
FontMemo* FontMemo::current() { return t_current; }

std::string shaping_engine() { return std::string("HarfBuzz ") + hb_version_string(); }

std::string font_memo_runs_bytes(const FontMemo::Contents& memo) {
  std::string out;
  for (const auto* run : in_order(memo.runs)) {
    put_bytes(out, run->first);
    put_varint(out, run->second.size());
    for (const RawGlyph& g : run->second) {
      put_varint(out, g.id), put_varint(out, g.cluster);
      put_varint(out, zigzag(g.advance)), put_varint(out, zigzag(g.dx)), put_varint(out, zigzag(g.dy));
      put_varint(out, g.unsafe_to_break ? 1 : 0);
    }
  }
  return out;
}

std::string font_memo_subsets_bytes(const FontMemo::Contents& memo) {
  std::string out;
  for (const auto* subset : in_order(memo.subsets)) {
    put_bytes(out, subset->first);
    put_varint(out, subset->second.cff ? 1 : 0);
    put_varint(out, subset->second.codes.size());
    for (unsigned code : subset->second.codes) put_varint(out, code);
    put_bytes(out, subset->second.deflated);
    put_varint(out, subset->second.file_size);
  }
  return out;
}

bool parse_font_memo_runs(std::string_view bytes, FontMemo::Contents& out) {
  out.runs.clear();
  Bytes in(bytes);
  while (in.left() > 0) {
    std::string key;
    std::uint64_t count = 0;
    // Each glyph takes at least six bytes: a count beyond what is left is damage.
    if (!in.text(key) || !in.varint(count, in.left() / 6)) return out.runs.clear(), false;
    std::vector<RawGlyph> glyphs(count);
    for (RawGlyph& g : glyphs)
      if (!read_glyph(in, g)) return out.runs.clear(), false;
    if (!out.runs.emplace(std::move(key), std::move(glyphs)).second) return out.runs.clear(), false;  // a key twice
  }
  return true;
}

bool parse_font_memo_subsets(std::string_view bytes, FontMemo::Contents& out) {
  out.subsets.clear();
  Bytes in(bytes);
  while (in.left() > 0) {
    std::string key;
    FontMemo::Subset subset;
    if (!in.text(key) || !read_subset(in, subset) || !out.subsets.emplace(std::move(key), std::move(subset)).second)
      return out.subsets.clear(), false;
  }
  return true;
}

}  // namespace handout

