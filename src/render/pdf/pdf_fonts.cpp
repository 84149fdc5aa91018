#include "render/pdf/pdf_fonts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "deflate/deflate.h"
#include "render/pdf/pdf_objects.h"
#include "render/pdf/pdf_text_encoding.h"
#include "util/utf8.h"

namespace handout {
namespace {


// Six capital letters naming a subset, from what it holds: the same glyphs give the same tag,
// so output stays deterministic.
std::string subset_tag(const std::string& path, const std::vector<unsigned>& glyphs) {
  std::size_t h = std::hash<std::string>{}(path);
  for (unsigned g : glyphs) h = h * 1000003u ^ g;
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  return tag;
}

// /W from the ranges of consecutive glyph ids.
pdf::Array widths(pdf::Document& pdf, const std::vector<std::pair<unsigned, double>>& w) {
  pdf::Array out = pdf.new_array();
  for (const auto& [first, run] : width_ranges(w)) {
    pdf::Array values = pdf.new_array();
    for (double v : run) values.add(pdf::Real{std::round(v * 1000)});
    out.add(static_cast<int>(first)).add(values);
  }
  return out;
}

}  // namespace

PdfFonts::Embedded& PdfFonts::entry(FontId id) {
  if (auto known = by_id_.find(id); known != by_id_.end()) return *known->second;
  const FontFace& face = fonts_.face(id);
  Embedded& e = by_glyphs_[face.glyphs_key()];
  if (!e.face) e.face = &face;  // the first face met names the font; the others share its glyphs
  by_id_[id] = &e;
  return e;
}

void PdfFonts::collect(const PagedDocument& doc) {
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* t = std::get_if<TextItem>(&item)) {
        Embedded& e = entry(t->font);
        for (const auto& g : t->glyphs) {
          if (g.id >= e.new_id.size()) e.new_id.resize(g.id + 1, kUnused);
          e.new_id[g.id] = 0;  // used; its code comes with the subset
        }
      }
}

bool PdfFonts::embed(std::string& error) {
  for (auto& [path, e] : by_glyphs_)
    if (!embed_one(e, error)) return false;
  return true;
}

pdf::Dict PdfFonts::descriptor(const FontFace::Subset& subset, const FontDescription& d, const std::string& name) {
  pdf::Dict font_file = pdf_.new_deflated_stream(subset.deflated);
  if (subset.cff)
    font_file.set("Subtype", pdf::Name{"CIDFontType0C"});  // a bare CID-keyed CFF table
  else
    font_file.set("Length1", static_cast<int>(subset.file_size));
  pdf::Dict desc = pdf_.new_dict();
  desc.set("Type", pdf::Name{"FontDescriptor"}).set("FontName", pdf::Name{name});
  desc.set("Flags", 4);  // symbolic: glyphs are selected by id, not by a standard encoding
  pdf::Array bbox = pdf_.new_array();
  for (double v : d.bbox) bbox.add(static_cast<int>(std::round(v * 1000)));
  desc.set("FontBBox", bbox);
  desc.set("ItalicAngle", pdf::Real{d.italic_angle});
  desc.set("Ascent", static_cast<int>(std::round(d.ascent * 1000)));
  desc.set("Descent", static_cast<int>(std::round(d.descent * 1000)));
  desc.set("CapHeight", static_cast<int>(std::round(d.cap_height * 1000)));
  desc.set("StemV", 80);
  desc.set(subset.cff ? "FontFile3" : "FontFile2", font_file);
  return desc;
}

bool PdfFonts::embed_one(Embedded& e, std::string& error) {
  std::vector<unsigned> used;  // original glyph ids, ascending
  for (unsigned g = 0; g < e.new_id.size(); ++g)
    if (e.new_id[g] != kUnused) used.push_back(g);
  const FontFace::Subset subset = e.face->subset(used);
  if (subset.deflated.empty() || subset.codes.size() != used.size()) {
    error = "cannot subset font '" + e.face->path() + "'" +
            (subset.cff ? " (its CFF outlines are not CID-keyed; use a TrueType or CID-keyed font)" : "");
    return false;
  }
  // The code drawn is the subset's glyph id, also its CID. Up to 256 glyphs (every subset but
  // Chinese and Japanese text's) take one byte each through an identity CMap; more take
  // Identity-H's two.
  e.code_bytes = std::all_of(subset.codes.begin(), subset.codes.end(), [](unsigned g) { return g < 256; }) ? 1 : 2;
  std::vector<std::pair<unsigned, double>> w;
  for (std::size_t i = 0; i < used.size(); ++i) {
    e.new_id[used[i]] = subset.codes[i];
    w.emplace_back(subset.codes[i], e.face->glyph_advance(used[i]));
    e.advance.resize(std::max<std::size_t>(e.advance.size(), subset.codes[i] + 1));
    e.advance[subset.codes[i]] = w.back().second;
  }
  std::sort(w.begin(), w.end());
  const FontDescription d = e.face->describe();
  const std::string name = subset_tag(e.face->glyphs_key(), used) + "+" + d.postscript_name;
  pdf::Dict desc = descriptor(subset, d, name);
  pdf::Dict cid = pdf_.new_dict();
  cid.set("Type", pdf::Name{"Font"}).set("Subtype", pdf::Name{subset.cff ? "CIDFontType0" : "CIDFontType2"});
  cid.set("BaseFont", pdf::Name{name});
  cid.set("CIDSystemInfo", system_info());
  cid.set("FontDescriptor", desc);
  if (!subset.cff) cid.set("CIDToGIDMap", pdf::Name{"Identity"});  // CIDs are the subset's glyph ids
  cid.set("DW", 0);
  cid.set("W", widths(pdf_, w));
  e.type0 = pdf_.new_dict();
  e.type0.set("Type", pdf::Name{"Font"}).set("Subtype", pdf::Name{"Type0"}).set("BaseFont", pdf::Name{name});
  if (e.code_bytes == 1)
    e.type0.set("Encoding", one_byte_encoding());
  else
    e.type0.set("Encoding", pdf::Name{"Identity-H"});
  e.type0.set("DescendantFonts", pdf_.new_array().add(cid));
  e.to_unicode = pdf_.new_deflated_stream(deflate_zlib("", level_));  // filled by finish()
  e.type0.set("ToUnicode", e.to_unicode);
  if (!pdf_.failure().empty()) {
    error = "cannot write font '" + e.face->path() + "': " + pdf_.failure();
    return false;
  }
  return true;
}

pdf::Dict PdfFonts::one_byte_encoding() {
  if (one_byte_encoding_) return one_byte_encoding_;  // one for every font that uses it
  const char* name = "Handout-OneByte-Identity";
  pdf::Dict cmap = pdf_.new_deflated_stream(deflate_zlib(one_byte_cmap(name), level_));
  cmap.set("Type", pdf::Name{"CMap"}).set("CMapName", pdf::Name{name});
  cmap.set("CIDSystemInfo", system_info()).set("WMode", 0);
  return one_byte_encoding_ = cmap;
}

pdf::Dict PdfFonts::system_info() {
  pdf::Dict info = pdf_.new_direct_dict();
  info.set("Registry", pdf::Text{"Adobe"}).set("Ordering", pdf::Text{"Identity"}).set("Supplement", 0);
  return info;
}

bool PdfFonts::map_glyph(Embedded& e, unsigned code, std::string_view utf8, bool reversed) {
  if (code >= e.text_of.size()) e.text_of.resize(code + 1);
  Meaning& m = e.text_of[code];
  if (!m.known) {
    m = Meaning{std::string(utf8), reversed, true};
    return true;
  }
  return m.utf8 == utf8 && m.reversed == reversed;
}

namespace {

// The characters of each cluster of a run, found from where the clusters start.
class ClusterText {
 public:
  explicit ClusterText(const TextItem& t) : t_(t) {
    for (const auto& g : t.glyphs) starts_.push_back(g.cluster);
    std::sort(starts_.begin(), starts_.end());
    starts_.erase(std::unique(starts_.begin(), starts_.end()), starts_.end());
  }
  /// The cluster's bytes in t.text.
  std::string_view at(std::size_t start) const {
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), start);
    const std::size_t end = next == starts_.end() ? t_.text.size() : *next;
    return std::string_view(t_.text).substr(start, end - start);
  }

 private:
  const TextItem& t_;
  std::vector<std::size_t> starts_;  // sorted byte offsets in t.text
};

// A right-to-left run is written in visual order inside /ReversedChars: a reader turns the
// whole run around, a ligature's letters included, so they are mapped in visual order too.
std::u32string as_read(std::string_view utf8, bool reversed) {
  std::u32string text = utf8_decode(utf8);
  if (reversed) std::reverse(text.begin(), text.end());
  return text;
}

bool several_characters(std::string_view utf8) {
  return std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) > 1;
}

}  // namespace

std::string PdfFonts::text_state(pdf::Page& page, const TextItem& t) {
  const std::string colour = pdf_number(t.color.r / 255.0) + " " + pdf_number(t.color.g / 255.0) + " " + pdf_number(t.color.b / 255.0);
  const std::string font = page.font_resource(entry(t.font).type0);
  // A family without a bold face (Chinese, Japanese): headings are drawn filled and stroked
  // with a thin outline in the same colour, so they still read as bold.
  const bool bold = fonts_.needs_synthetic_bold(t.font);
  std::string ops;
  if (!state_.open) ops = "q\nBT\n", state_ = TextState{}, state_.open = true;
  if (font != state_.font || t.size != state_.size) ops += "/" + font + " " + pdf_number(t.size) + " Tf\n";
  if (colour != state_.colour) ops += colour + " rg\n";
  if (bold && (!state_.bold || colour != state_.colour || t.size != state_.size))
    ops += "2 Tr " + pdf_number(t.size * 0.035) + " w " + colour + " RG\n";
  if (!bold && state_.bold) ops += "0 Tr\n";
  state_.font = font, state_.size = t.size, state_.colour = colour, state_.bold = bold;
  return ops;
}

std::string PdfFonts::show(pdf::Page& page, const TextItem& t, double baseline, const std::string& open,
                           const std::string& close) {
  Embedded& e = entry(t.font);
  const ClusterText cluster_text(t);
  // One text position runs through the whole item: TJ numbers move it sideways (kerning,
  // justification, mark offsets) and Ts raises or lowers it for marks, so extraction sees
  // one line of text, not glyphs scattered by separate placements.
  std::string ops = text_state(page, t) + open;
  // The line starts where the last one did, moved by Td: line after line, the same step
  // repeats (and compresses). Positions are rounded to 1/1000 pt first, so steps add up exactly.
  const long long x = std::llround(t.x * 1000), y = std::llround(baseline * 1000);
  ops += pdf_number((x - state_.x) / 1000.0) + " " + pdf_number((y - state_.y) / 1000.0) + " Td\n[";
  state_.x = x, state_.y = y;
  bool in_array = true, in_string = false;  // inside "[ ... ] TJ", inside "( ... )"
  auto close_string = [&] {
    if (in_string) ops += ')', in_string = false;
  };
  auto close_array = [&] {
    close_string();
    if (in_array) ops += "] TJ\n", in_array = false;
  };
  double pen = t.x, at = t.x, rise = 0;  // pen: the layout's position; at: where the PDF's is
  for (std::size_t i = 0; i < t.glyphs.size();) {
    // One cluster: the glyphs sharing a cluster value, side by side in visual order.
    std::size_t j = i + 1;
    while (j < t.glyphs.size() && t.glyphs[j].cluster == t.glyphs[i].cluster) ++j;
    const std::string_view text = cluster_text.at(t.glyphs[i].cluster);
    const bool reversed = t.rtl && several_characters(text);
    const bool actual_text = j - i > 1 || !map_glyph(e, e.new_id[t.glyphs[i].id], text, reversed);
    if (actual_text) close_array(), ops += "/Span <</ActualText <FEFF" + utf16_hex(as_read(text, reversed)) + ">>> BDC\n";
    for (std::size_t k = i; k < j; ++k) {
      const GlyphPos& g = t.glyphs[k];
      if (g.dy != rise) close_array(), ops += pdf_number(g.dy) + " Ts\n", rise = g.dy;
      if (!in_array) ops += "[", in_array = true;
      const double want = pen + g.dx;
      if (std::abs(want - at) > 0.001) close_string(), ops += pdf_number(-(want - at) * 1000 / t.size);
      if (!in_string) ops += '(', in_string = true;
      append_code(ops, e.new_id[g.id], e.code_bytes);
      at = want + e.advance[e.new_id[g.id]] * t.size;
      pen += g.advance;
    }
    if (actual_text) close_array(), ops += "EMC\n";
    i = j;
  }
  close_array();
  if (rise != 0) ops += "0 Ts\n";
  return ops + close;
}

std::string PdfFonts::end_text() {
  if (!state_.open) return "";
  state_.open = false;
  return "ET\nQ\n";
}

void PdfFonts::finish() {
  for (auto& [key, e] : by_glyphs_) {
    if (!e.to_unicode) continue;
    std::map<unsigned, std::u32string> text_of;
    for (unsigned code = 0; code < e.text_of.size(); ++code)
      if (e.text_of[code].known) text_of[code] = as_read(e.text_of[code].utf8, e.text_of[code].reversed);
    e.to_unicode.set_bytes(deflate_zlib(to_unicode_cmap(text_of, e.code_bytes), level_));
  }
}

}  // namespace handout
