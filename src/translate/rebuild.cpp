#include "translate/rebuild.h"

#include <cstdio>

namespace handout::translate {

std::string yaml_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out + "\"";
}

std::string source_yaml(const TranslationSource& source) {
  std::string out = "source:\n  article: " + source.article + "\n  language: " + source.language + "\n  blocks: [";
  for (std::size_t i = 0; i < source.blocks.size(); ++i) {
    if (i > 0) out += i % 8 == 0 ? ",\n    " : ", ";
    out += source.blocks[i];
  }
  return out + "]";
}

std::string with_source(const std::string& text, const TranslationSource& source) {
  // The front matter's lines: from after the first "---" to the next line that is "---".
  std::vector<std::string> lines;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  if (lines.empty() || lines[0] != "---") return text;
  std::size_t close = 1;
  while (close < lines.size() && lines[close] != "---") ++close;
  if (close == lines.size()) return text;
  std::vector<std::string> out(lines.begin(), lines.begin() + 1);
  for (std::size_t i = 1; i < close; ++i) {
    if (lines[i].rfind("source:", 0) == 0) {  // drop it and its indented lines
      while (i + 1 < close && (lines[i + 1].empty() || lines[i + 1][0] == ' ')) ++i;
      continue;
    }
    out.push_back(lines[i]);
  }
  out.push_back(source_yaml(source));
  out.insert(out.end(), lines.begin() + close, lines.end());
  std::string joined;
  for (std::size_t i = 0; i < out.size(); ++i) joined += out[i] + (i + 1 < out.size() ? "\n" : "");
  return joined;
}

namespace {

// Writes the source's blocks with the translated text of each unit, in the order article_units
// cut them (the same walk, the same rule for empty blocks).
class MarkdownWriter {
 public:
  MarkdownWriter(const std::vector<Unit>& units, const Translations& t) : units_(units), t_(t) {
    while (next_ < units_.size() && units_[next_].id.rfind("b", 0) != 0) ++next_;
  }

  std::vector<std::string> blocks(const std::vector<Block>& blocks, bool tight = false) {
    std::vector<std::string> out;
    for (const Block& b : blocks) {
      auto lines = block(b);
      if (lines.empty()) continue;
      if (!out.empty() && !tight) out.push_back("");
      out.insert(out.end(), lines.begin(), lines.end());
    }
    return out;
  }

 private:
  // The next unit's text as Markdown, when the block has text (else "").
  std::string text(const Block& b, const std::string& indent) {
    std::vector<InlineCode> codes;
    if (tagged_text(b.spans, codes).empty() || next_ >= units_.size()) return "";
    const Unit& u = units_[next_++];
    auto it = t_.find(u.id);
    return tagged_to_markdown(it != t_.end() ? it->second : u.text, u.codes, indent);
  }

  static std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (std::size_t nl; (nl = s.find('\n', at)) != std::string::npos; at = nl + 1) out.push_back(s.substr(at, nl - at));
    out.push_back(s.substr(at));
    return out;
  }

  static std::vector<std::string> prefixed(const std::vector<std::string>& lines, const std::string& first,
                                           const std::string& rest, bool blank_too = false) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < lines.size(); ++i)
      out.push_back(i == 0 ? first + lines[i] : lines[i].empty() && !blank_too ? "" : rest + lines[i]);
    return out;
  }

  std::vector<std::string> list(const Block& b) {
    std::vector<std::string> out;
    int n = b.start;
    for (const Block& item : b.children) {
      std::string marker = b.ordered ? std::to_string(n++) + ". " : "- ";
      const std::string indent(marker.size(), ' ');
      if (item.task) marker += item.checked ? "[x] " : "[ ] ";
      auto lines = blocks(item.children);
      if (lines.empty()) lines.push_back("");
      if (!out.empty() && !b.tight) out.push_back("");
      auto item_lines = prefixed(lines, marker, indent);
      out.insert(out.end(), item_lines.begin(), item_lines.end());
    }
    return out;
  }

  std::vector<std::string> table(const Block& b) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < b.children.size(); ++r) {
      std::string row = "|";
      for (const Block& cell : b.children[r].children) row += " " + text(cell, "") + " |";
      out.push_back(row);
      if (r == 0) {
        std::string rule = "|";
        for (std::size_t c = 0; c < b.children[0].children.size(); ++c) {
          const Align a = c < b.align.size() ? b.align[c] : Align::None;
          rule += a == Align::Left ? " :-- |" : a == Align::Center ? " :-: |" : a == Align::Right ? " --: |" : " --- |";
        }
        out.push_back(rule);
      }
    }
    return out;
  }

  std::vector<std::string> block(const Block& b) {
    switch (b.kind) {
      case BlockKind::Heading: return {std::string(b.level, '#') + " " + text(b, "")};
      case BlockKind::Paragraph: return split_lines(text(b, ""));
      case BlockKind::Image: {
        std::string alt = text(b, "");
        return {"![" + alt + "](" + (b.url.find_first_of(" ()") != std::string::npos ? "<" + b.url + ">" : b.url) + ")"};
      }
      case BlockKind::List: return list(b);
      case BlockKind::BlockQuote: {
        auto lines = blocks(b.children);
        std::vector<std::string> out;
        for (const auto& l : lines) out.push_back(l.empty() ? ">" : "> " + l);
        return out;
      }
      case BlockKind::ThematicBreak: return {"***"};
      case BlockKind::CodeBlock: {
        std::string code;
        for (const Span& s : b.spans) code += s.text;
        if (!code.empty() && code.back() == '\n') code.pop_back();
        auto lines = split_lines(code);
        lines.insert(lines.begin(), "````");
        lines.push_back("````");
        return lines;
      }
      case BlockKind::Table: return table(b);
      default: return {};
    }
  }

  const std::vector<Unit>& units_;
  const Translations& t_;
  std::size_t next_ = 0;
};

std::string translated(const std::vector<Unit>& units, const Translations& t, const std::string& id) {
  for (const Unit& u : units)
    if (u.id == id) {
      auto it = t.find(id);
      return tagged_to_plain(it != t.end() ? it->second : u.text, u.codes);
    }
  return "";
}

}  // namespace

std::string article_markdown(const Document& source_body, const std::vector<Unit>& units, const Translations& t,
                             const TranslationHeader& h) {
  std::string out = "---\ntitle: " + yaml_quoted(translated(units, t, "title")) + "\n";
  const std::string summary = translated(units, t, "summary");
  if (!summary.empty()) out += "summary: " + yaml_quoted(summary) + "\n";
  if (!h.keywords.empty()) {
    out += "keywords: [";
    for (std::size_t i = 0; i < h.keywords.size(); ++i) out += (i ? ", " : "") + yaml_quoted(h.keywords[i]);
    out += "]\n";
  }
  out += "translation: " + h.translation + "\nsource_language: " + h.source_language + "\n";
  if (!h.translated.empty()) out += "translated: " + h.translated + "\n";
  out += source_yaml(h.source) + "\n---\n\n";
  MarkdownWriter writer(units, t);
  for (const auto& line : writer.blocks(source_body.blocks)) out += line + "\n";
  return out;
}

std::string resources_yaml(const ResourceList& source, const std::vector<Unit>& units, const Translations& t) {
  std::string out = "# Written by `handout translate import`: names, websites and phones as in the source.\n";
  if (!source.intro.empty()) out += "intro: " + yaml_quoted(translated(units, t, "res-intro")) + "\n";
  out += "resources:\n";
  for (std::size_t i = 0; i < source.resources.size(); ++i) {
    const Resource& r = source.resources[i];
    out += "  - name: " + yaml_quoted(r.name) + "\n";
    if (!r.description.empty())
      out += "    description: " + yaml_quoted(translated(units, t, "res-" + std::to_string(i + 1))) + "\n";
    if (!r.website.empty()) out += "    website: " + yaml_quoted(r.website) + "\n";
    if (!r.phone.empty()) out += "    phone: " + yaml_quoted(r.phone) + "\n";
  }
  return out;
}

}  // namespace handout::translate
