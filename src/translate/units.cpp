#include "translate/units.h"

#include <algorithm>
#include <map>
#include <set>

#include "hash/content_hash.h"
#include "util/utf8.h"

namespace handout::translate {

const char* kind_name(UnitKind kind) {
  switch (kind) {
    case UnitKind::Title: return "title";
    case UnitKind::Summary: return "summary";
    case UnitKind::Heading: return "heading";
    case UnitKind::Paragraph: return "paragraph";
    case UnitKind::ListItem: return "list item";
    case UnitKind::TableCell: return "table cell";
    case UnitKind::ImageAlt: return "image description";
    case UnitKind::ResourceIntro: return "resource list intro";
    case UnitKind::ResourceDescription: return "resource description";
    case UnitKind::Label: return "label";
    case UnitKind::ClinicText: return "clinic text";
  }
  return "unit";
}

std::string Unit::hash() const {
  std::string bytes = text;
  for (const InlineCode& c : codes) bytes += '\0' + std::string(ctype(c.kind)) + '\0' + c.value;
  std::uint64_t h = content_hash(bytes);
  // 8 characters: a letter (26), then 7 of 32 (35 bits): never a YAML number, boolean or null.
  static const char* kLetters = "abcdefghijklmnopqrstuvwxyz";
  static const char* kBase32 = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out(1, kLetters[h % 26]);
  h /= 26;
  for (int i = 0; i < 7; ++i, h >>= 5) out += kBase32[h & 31];
  return out;
}

// ---- spans to tagged text ----------------------------------------------------------------

namespace {

struct OpenCode {
  InlineCode::Kind kind;
  std::string value;
  int id;
};

// The paired codes a span is inside, outermost first: a link, then strong, emphasis, strike.
std::vector<std::pair<InlineCode::Kind, std::string>> wanted(const Span& s) {
  std::vector<std::pair<InlineCode::Kind, std::string>> out;
  if (!s.link.empty()) out.emplace_back(InlineCode::Kind::Link, s.link);
  if (s.strong) out.emplace_back(InlineCode::Kind::Strong, "");
  if (s.emph) out.emplace_back(InlineCode::Kind::Emph, "");
  if (s.strike) out.emplace_back(InlineCode::Kind::Strike, "");
  return out;
}

}  // namespace

std::string tagged_text(const std::vector<Span>& spans, std::vector<InlineCode>& codes) {
  std::string out;
  std::vector<OpenCode> stack;
  int next = static_cast<int>(codes.size()) + 1;
  auto close_to = [&](std::size_t depth) {
    while (stack.size() > depth) out += "</" + std::to_string(stack.back().id) + ">", stack.pop_back();
  };
  for (const Span& s : spans) {
    if (s.hard_break) {
      codes.push_back({InlineCode::Kind::Break, next, ""});
      out += "<" + std::to_string(next++) + "/>";
      continue;
    }
    const auto want = wanted(s);
    std::size_t same = 0;
    while (same < stack.size() && same < want.size() && stack[same].kind == want[same].first &&
           stack[same].value == want[same].second)
      ++same;
    close_to(same);
    for (std::size_t i = same; i < want.size(); ++i) {
      codes.push_back({want[i].first, next, want[i].second});
      stack.push_back({want[i].first, want[i].second, next});
      out += "<" + std::to_string(next++) + ">";
    }
    if (s.code) {
      codes.push_back({InlineCode::Kind::Code, next, s.text});
      out += "<" + std::to_string(next++) + "/>";
    } else {
      out += s.text;
    }
  }
  close_to(0);
  return out;
}

// ---- the units of an article ---------------------------------------------------------------

namespace {

class UnitWalker {
 public:
  explicit UnitWalker(std::vector<Unit>& out) : out_(out) {}

  void blocks(const std::vector<Block>& blocks, bool in_list) {
    for (const Block& b : blocks) block(b, in_list);
  }

 private:
  void block(const Block& b, bool in_list) {
    switch (b.kind) {
      case BlockKind::Heading:
        add(UnitKind::Heading, b, "heading level " + std::to_string(b.level));
        break;
      case BlockKind::Paragraph:
        add(in_list ? UnitKind::ListItem : UnitKind::Paragraph, b, in_list ? "list item" : "paragraph");
        break;
      case BlockKind::Image: add(UnitKind::ImageAlt, b, "image description (" + b.url + ")"); break;
      case BlockKind::TableCell: add(UnitKind::TableCell, b, "table cell"); break;
      case BlockKind::List:
        for (const Block& item : b.children) blocks(item.children, true);
        break;
      case BlockKind::BlockQuote: blocks(b.children, in_list); break;
      case BlockKind::Table:
      case BlockKind::TableRow: blocks(b.children, in_list); break;
      default: break;  // code blocks and rules are not translated
    }
  }

  void add(UnitKind kind, const Block& b, const std::string& what) {
    Unit u;
    u.kind = kind;
    u.text = tagged_text(b.spans, u.codes);
    if (u.text.empty()) return;  // nothing to translate (and no empty msgid, which PO reserves)
    u.id = "b" + std::to_string(++n_);
    u.line = b.line;
    u.note = what + ", line " + std::to_string(b.line);
    out_.push_back(std::move(u));
  }

  std::vector<Unit>& out_;
  int n_ = 0;
};

Unit plain_unit(const std::string& id, UnitKind kind, const std::string& text, int line, const std::string& note) {
  Unit u;
  u.id = id, u.kind = kind, u.text = text, u.line = line, u.note = note;
  return u;
}

}  // namespace

std::vector<Unit> article_units(const ArticleMeta& meta, const Document& body, const ResourceList& resources) {
  std::vector<Unit> out;
  out.push_back(plain_unit("title", UnitKind::Title, meta.title, meta.title_pos.line, "title"));
  if (!meta.summary.empty())
    out.push_back(plain_unit("summary", UnitKind::Summary, meta.summary, meta.summary_pos.line, "summary"));
  UnitWalker(out).blocks(body.blocks, false);
  if (!resources.intro.empty())
    out.push_back(plain_unit("res-intro", UnitKind::ResourceIntro, resources.intro, 0, "resource list: intro"));
  for (std::size_t i = 0; i < resources.resources.size(); ++i) {
    const Resource& r = resources.resources[i];
    if (r.description.empty()) continue;
    out.push_back(plain_unit("res-" + std::to_string(i + 1), UnitKind::ResourceDescription, r.description, r.pos.line,
                             "resource description: " + r.name));
  }
  return out;
}

// ---- reading tagged text -------------------------------------------------------------------

std::string code_problem(const std::string& source, const std::string& target) {
  std::map<int, bool> paired;  // the source's codes: id -> paired?
  for (const TaggedPiece& p : split_tagged(source))
    if (p.type != TaggedPiece::Type::Text) paired[p.id] = p.type != TaggedPiece::Type::Standalone;
  std::set<int> opened, closed, seen;
  std::vector<int> stack;
  const auto name = [](int id, const char* form) { return std::string(form).replace(std::string(form).find('N'), 1, std::to_string(id)); };
  for (const TaggedPiece& p : split_tagged(target)) {
    if (p.type == TaggedPiece::Type::Text) continue;
    auto it = paired.find(p.id);
    if (it == paired.end()) return "inline code " + std::to_string(p.id) + " is not in the source";
    if (p.type == TaggedPiece::Type::Standalone) {
      if (it->second) return "inline code " + name(p.id, "<N>") + " is written as " + name(p.id, "<N/>");
      if (!seen.insert(p.id).second) return "inline code " + name(p.id, "<N/>") + " is used twice";
      continue;
    }
    if (!it->second) return "inline code " + name(p.id, "<N/>") + " is written as a pair";
    if (p.type == TaggedPiece::Type::Open) {
      if (!opened.insert(p.id).second) return "inline code " + name(p.id, "<N>") + " opens twice";
      stack.push_back(p.id);
      continue;
    }
    if (!opened.count(p.id)) return "inline code " + name(p.id, "</N>") + " closes before it opens";
    if (!closed.insert(p.id).second) return "inline code " + name(p.id, "</N>") + " closes twice";
    if (stack.empty() || stack.back() != p.id)
      return "inline code " + name(p.id, "</N>") + " closes inside " + name(stack.back(), "<N>") + " (codes cross)";
    stack.pop_back();
  }
  if (!stack.empty()) return "inline code " + name(stack.back(), "<N>") + " is never closed";
  for (const auto& [id, is_paired] : paired)
    if (is_paired ? !closed.count(id) : !seen.count(id))
      return "inline code " + name(id, is_paired ? "<N>" : "<N/>") + " is missing";
  return "";
}

// ---- tagged text to Markdown ---------------------------------------------------------------

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Emphasis must hug its text in Markdown ("** a**" is no emphasis): spaces just inside a pair
// move outside it, and an empty pair goes.
std::vector<TaggedPiece> tidy(std::vector<TaggedPiece> pieces) {
  using T = TaggedPiece::Type;
  for (bool again = true; again;) {
    again = false;
    for (std::size_t i = 0; i + 1 < pieces.size() && !again; ++i)
      if (pieces[i].type == T::Open && pieces[i + 1].type == T::Close && pieces[i].id == pieces[i + 1].id)
        pieces.erase(pieces.begin() + i, pieces.begin() + i + 2), again = true;
  }
  std::vector<TaggedPiece> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    TaggedPiece p = pieces[i];
    if (p.type == T::Open && i + 1 < pieces.size() && pieces[i + 1].type == T::Text) {
      std::string& t = pieces[i + 1].text;
      std::size_t n = 0;
      while (n < t.size() && space(t[n])) ++n;
      if (n) out.push_back({T::Text, t.substr(0, n), 0}), t.erase(0, n);
    }
    if (p.type == T::Close && !out.empty() && out.back().type == T::Text) {
      std::string& t = out.back().text;
      std::size_t n = t.size();
      while (n > 0 && space(t[n - 1])) --n;
      std::string moved = t.substr(n);
      t.erase(n);
      out.push_back(p);
      if (!moved.empty()) pieces.insert(pieces.begin() + i + 1, {T::Text, moved, 0});
      continue;
    }
    out.push_back(p);
  }
  return out;
}

std::string escape_text(const std::string& text, bool last) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<~&|").find(c) != std::string_view::npos || (c == '!' && i + 1 == text.size() && !last))
      out += '\\';
    out += c;
  }
  return out;
}

std::string code_span(const std::string& value) {
  std::size_t longest = 0, run = 0;
  for (char c : value) run = c == '`' ? run + 1 : 0, longest = std::max(longest, run);
  const std::string fence(longest + 1, '`');
  const bool pad = !value.empty() && (value.front() == '`' || value.back() == '`');
  return fence + (pad ? " " : "") + value + (pad ? " " : "") + fence;
}

std::string link_end(const std::string& target) {
  const bool wrap = target.find_first_of(" ()<>") != std::string::npos;
  return "](" + (wrap ? "<" + target + ">" : target) + ")";
}

// A block's text must not read as another block's start ("# ", "- ", "1. ", "> ").
std::string guard_line_start(std::string md) {
  std::size_t lead = 0;
  while (lead < md.size() && md[lead] == ' ') ++lead;
  md.erase(0, lead);
  if (md.empty()) return md;
  if (std::string_view("#>-+=").find(md[0]) != std::string_view::npos) return "\\" + md;
  std::size_t d = 0;
  while (d < md.size() && md[d] >= '0' && md[d] <= '9') ++d;
  if (d > 0 && d < md.size() && (md[d] == '.' || md[d] == ')')) md.insert(d, "\\");
  return md;
}

}  // namespace

std::string tagged_to_markdown(const std::string& tagged, const std::vector<InlineCode>& codes,
                               const std::string& continuation) {
  std::map<int, const InlineCode*> by_id;
  for (const InlineCode& c : codes) by_id[c.id] = &c;
  std::string out;
  const auto pieces = tidy(split_tagged(tagged));
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const TaggedPiece& p = pieces[i];
    if (p.type == TaggedPiece::Type::Text) {
      out += escape_text(p.text, i + 1 == pieces.size());
      continue;
    }
    auto it = by_id.find(p.id);
    if (it == by_id.end()) continue;  // refused before: import checks the codes first
    const InlineCode& c = *it->second;
    const bool open = p.type == TaggedPiece::Type::Open;
    switch (c.kind) {
      case InlineCode::Kind::Strong: out += "**"; break;
      case InlineCode::Kind::Emph: out += "*"; break;
      case InlineCode::Kind::Strike: out += "~~"; break;
      case InlineCode::Kind::Link: out += open ? "[" : link_end(c.value); break;
      case InlineCode::Kind::Code: out += code_span(c.value); break;
      case InlineCode::Kind::Break: out += "\\\n" + continuation; break;
    }
  }
  return guard_line_start(out);
}

std::string tagged_to_plain(const std::string& tagged, const std::vector<InlineCode>& codes) {
  std::string out;
  for (const TaggedPiece& p : split_tagged(tagged)) {
    if (p.type == TaggedPiece::Type::Text) out += p.text;
    if (p.type != TaggedPiece::Type::Standalone) continue;
    for (const InlineCode& c : codes)
      if (c.id == p.id) out += c.kind == InlineCode::Kind::Code ? c.value : " ";
  }
  return out;
}

// ---- pseudo-translation ----------------------------------------------------------------------

namespace {

std::string accented(char32_t c) {
  static const std::map<char32_t, const char*> kAccents = {
      {'a', "á"}, {'b', "ƀ"}, {'c', "ç"}, {'d', "ď"}, {'e', "é"}, {'f', "ƒ"}, {'g', "ĝ"}, {'h', "ĥ"}, {'i', "í"},
      {'j', "ĵ"}, {'k', "ķ"}, {'l', "ļ"}, {'m', "ɱ"}, {'n', "ñ"}, {'o', "ö"}, {'p', "þ"}, {'r', "ŕ"}, {'s', "š"},
      {'t', "ţ"}, {'u', "ü"}, {'w', "ŵ"}, {'y', "ý"}, {'z', "ž"}, {'A', "Å"}, {'B', "Ɓ"}, {'C', "Ç"}, {'D', "Ď"},
      {'E', "É"}, {'G', "Ĝ"}, {'H', "Ĥ"}, {'I', "Î"}, {'J', "Ĵ"}, {'K', "Ķ"}, {'L', "Ļ"}, {'N', "Ñ"}, {'O', "Ö"},
      {'R', "Ŕ"}, {'S', "Š"}, {'T', "Ţ"}, {'U', "Û"}, {'W', "Ŵ"}, {'Y', "Ý"}, {'Z', "Ž"}};
  auto it = kAccents.find(c);
  return it != kAccents.end() ? it->second : utf8_encode(std::u32string(1, c));
}

std::size_t letters(const std::string& s) { return utf8_decode(s).size(); }

}  // namespace

std::string pseudo_text(const std::string& tagged) {
  std::string out;
  std::size_t length = 0;  // characters of text, codes not counted
  for (const TaggedPiece& p : split_tagged(tagged)) {
    if (p.type == TaggedPiece::Type::Text) {
      for (char32_t c : utf8_decode(p.text)) out += accented(c);
      length += letters(p.text);
    } else {
      out += p.type == TaggedPiece::Type::Open ? "<" + std::to_string(p.id) + ">"
             : p.type == TaggedPiece::Type::Close ? "</" + std::to_string(p.id) + ">"
                                                  : "<" + std::to_string(p.id) + "/>";
    }
  }
  // 37.5% longer, in words of the padding so lines still break between them.
  const std::size_t extra = (length * 3 + 4) / 8;
  static const char32_t kPad[] = U"ļöŕéɱ íþšüɱ ďöļöŕ šíţ áɱéţ çöñšéçţéţüŕ áďíþíšçíñĝ éļíţ ";
  const std::size_t pad_len = sizeof(kPad) / sizeof(kPad[0]) - 1;
  std::u32string pad;
  for (std::size_t i = 0; i < extra; ++i) pad += kPad[i % pad_len];
  if (!pad.empty()) {
    pad[0] = U' ';
    if (pad.back() == U' ') pad.back() = U'á';  // a text never ends in a space
    std::string enc;
    for (char32_t c : pad) enc += utf8_encode(std::u32string(1, c));
    out += enc;
  }
  return out;
}

}  // namespace handout::translate
