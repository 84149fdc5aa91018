#include "fonts/cff_charset.h"

#include <cstdint>

namespace handout {
namespace {

// A bounds-checked reader over the table.
struct Reader {
  std::string_view d;
  bool ok = true;
  unsigned byte(std::size_t at) {
    if (at >= d.size()) return ok = false, 0;
    return static_cast<unsigned char>(d[at]);
  }
  unsigned card16(std::size_t at) { return byte(at) << 8 | byte(at + 1); }
  unsigned offset(std::size_t at, unsigned size) {
    unsigned v = 0;
    for (unsigned i = 0; i < size; ++i) v = v << 8 | byte(at + i);
    return v;
  }
};

// An INDEX at `at`: its element count, where element `i` starts and ends, and where it ends.
struct Index {
  unsigned count = 0, off_size = 0;
  std::size_t offsets = 0, data = 0, end = 0;
};

Index read_index(Reader& r, std::size_t at) {
  Index x;
  x.count = r.card16(at);
  if (x.count == 0) return x.end = at + 2, x;
  x.off_size = r.byte(at + 2);
  if (x.off_size < 1 || x.off_size > 4) return r.ok = false, x;
  x.offsets = at + 3;
  x.data = x.offsets + (x.count + 1) * x.off_size - 1;  // offsets count from 1
  x.end = x.data + r.offset(x.offsets + x.count * x.off_size, x.off_size);
  return x;
}

}  // namespace

namespace {

// Where the charset of a CID-keyed CFF table starts, and how many glyphs it has.
struct Charset {
  std::size_t at = 0;
  unsigned glyphs = 0;
};

bool find_charset(Reader& r, Charset& out) {
  const Index names = read_index(r, r.byte(2));  // the header's size, then the Name INDEX
  const Index top = read_index(r, names.end);
  if (!r.ok || top.count == 0) return false;
  // The first Top DICT: find ROS (12 30, CID-keyed), charset (15) and CharStrings (17).
  std::size_t at = top.data + r.offset(top.offsets, top.off_size);
  const std::size_t end = top.data + r.offset(top.offsets + top.off_size, top.off_size);
  std::vector<long> operands;
  long charset = -1, charstrings = -1;
  bool cid_keyed = false;
  while (r.ok && at < end && at < r.d.size()) {
    const unsigned b = r.byte(at);
    if (b == 28) operands.push_back(static_cast<std::int16_t>(r.card16(at + 1))), at += 3;
    else if (b == 29) operands.push_back(static_cast<std::int32_t>(r.offset(at + 1, 4))), at += 5;
    else if (b == 30) {  // a real number: nibbles until one is 0xF
      ++at;
      while (r.ok && (r.byte(at) & 0x0F) != 0x0F && (r.byte(at) >> 4) != 0x0F) ++at;
      ++at, operands.push_back(0);
    } else if (b >= 32 && b <= 246) operands.push_back(static_cast<long>(b) - 139), ++at;
    else if (b >= 247 && b <= 250) operands.push_back((static_cast<long>(b) - 247) * 256 + r.byte(at + 1) + 108), at += 2;
    else if (b >= 251 && b <= 254) operands.push_back(-(static_cast<long>(b) - 251) * 256 - r.byte(at + 1) - 108), at += 2;
    else {  // an operator
      const unsigned op = b == 12 ? 1200 + r.byte(at + 1) : b;
      at += b == 12 ? 2 : 1;
      if (op == 1230) cid_keyed = true;
      if (op == 15 && !operands.empty()) charset = operands.back();
      if (op == 17 && !operands.empty()) charstrings = operands.back();
      operands.clear();
    }
  }
  if (!r.ok || !cid_keyed || charset <= 2 || charstrings <= 0) return false;  // 0-2: predefined, not CID
  out.at = static_cast<std::size_t>(charset);
  out.glyphs = read_index(r, static_cast<std::size_t>(charstrings)).count;
  return r.ok;
}

// Reads the charset: the CID of each glyph, and where the charset ends.
bool read_charset(Reader& r, const Charset& c, std::vector<unsigned>& cid_of_glyph, std::size_t& end) {
  cid_of_glyph.assign(1, 0);
  std::size_t p = c.at;
  const unsigned format = r.byte(p++);
  while (r.ok && cid_of_glyph.size() < c.glyphs) {
    if (format == 0) {
      cid_of_glyph.push_back(r.card16(p)), p += 2;
    } else if (format == 1 || format == 2) {
      const unsigned first = r.card16(p);
      const unsigned left = format == 1 ? r.byte(p + 2) : r.card16(p + 2);
      p += format == 1 ? 3 : 4;
      for (unsigned k = 0; k <= left && cid_of_glyph.size() < c.glyphs; ++k) cid_of_glyph.push_back(first + k);
    } else {
      return false;
    }
  }
  end = p;
  return r.ok;
}

}  // namespace

bool cff_glyph_cids(std::string_view cff, std::vector<unsigned>& cid_of_glyph) {
  Reader r{cff};
  Charset c;
  std::size_t end = 0;
  return find_charset(r, c) && read_charset(r, c, cid_of_glyph, end);
}

bool cff_number_cids_by_glyph(std::string& cff) {
  Reader r{cff};
  Charset c;
  std::size_t end = 0;
  std::vector<unsigned> cids;
  if (!find_charset(r, c) || !read_charset(r, c, cids, end)) return false;
  // The identity charset, written over the old one in no more bytes: format 0 lists every
  // glyph as the old format 0 did; a one-range format 2 (5 bytes) fits where any format 1 or 2
  // charset with ranges was, except a one-range format 1 (4 bytes), rewritten as format 1.
  std::string identity;
  auto card16 = [&](unsigned v) { identity += static_cast<char>(v >> 8), identity += static_cast<char>(v & 0xFF); };
  const unsigned format = r.byte(c.at);
  if (c.glyphs <= 1) return true;
  if (format == 0) {
    identity += '\0';
    for (unsigned g = 1; g < c.glyphs; ++g) card16(g);
  } else if (end - c.at >= 5) {
    identity += '\2', card16(1), card16(c.glyphs - 2);
  } else if (c.glyphs - 2 <= 255) {
    identity += '\1', card16(1), identity += static_cast<char>(c.glyphs - 2);
  }
  if (identity.empty() || identity.size() > end - c.at) return false;
  cff.replace(c.at, identity.size(), identity);
  return true;
}

}  // namespace handout
