#include "build/translation_state.h"

#include "util/text.h"
#include "util/utf8.h"

namespace handout {

std::vector<std::string> unit_hashes(const std::vector<translate::Unit>& units) {
  std::vector<std::string> out;
  for (const auto& u : units) out.push_back(u.hash());
  return out;
}

bool source_state(const RunContext& run, const ArticleMeta& meta, SourceState& out, std::string& problem) {
  if (!meta.source.present()) {
    problem = "it records no source ('source:' in its front matter)";
    return false;
  }
  out.path = join_path(content_dir(run, meta.source.language), meta.source.article + ".md");
  Diagnostics diags;
  if (!is_file(out.path) || !load_article_text(run, out.path, out.article, diags)) {
    problem = "its source '" + out.path + "' cannot be read";
    return false;
  }
  out.units = translate::article_units(out.article.meta, out.article.body, out.article.resources);
  out.alignment = translate::align(meta.source.blocks, unit_hashes(out.units));
  return true;
}

namespace {

// "paragraph at content/en/x.md:15 (“Vaginismus happens when…”)"
std::string describe_unit(const SourceState& s, const translate::Unit& u) {
  std::u32string words = utf8_decode(translate::tagged_to_plain(u.text, u.codes));
  if (words.size() > 40) words = words.substr(0, 40) + U"…";
  const std::string file = u.kind == translate::UnitKind::ResourceIntro || u.kind == translate::UnitKind::ResourceDescription
                               ? s.article.resources_path : s.path;
  return std::string(translate::kind_name(u.kind)) + " " + u.id + " at " + file + (u.line > 0 ? ":" + std::to_string(u.line) : "") +
         " (\u201c" + utf8_encode(words) + "\u201d)";
}

}  // namespace

namespace {

// The block hashes of the source a translation records, once per run (several translations
// share a source); null when it cannot be read.
SourceHashCache::Hashes source_hashes(const RunContext& run, const TranslationSource& source) {
  const std::string path = join_path(content_dir(run, source.language), source.article + ".md");
  return run.services.source_hashes.get(path, [&]() -> SourceHashCache::Hashes {
    Article a;
    Diagnostics ignored;
    if (!is_file(path) || !load_article_text(run, path, a, ignored)) return nullptr;
    return std::make_shared<const std::vector<std::string>>(unit_hashes(translate::article_units(a.meta, a.body, a.resources)));
  });
}

}  // namespace

bool is_outdated(const RunContext& run, const ArticleMeta& meta) {
  if (!meta.source.present()) return false;
  const auto hashes = source_hashes(run, meta.source);
  return hashes && *hashes != meta.source.blocks;
}

std::optional<Diagnostic> outdated_translation(const RunContext& run, const ArticleMeta& meta) {
  if (!meta.source.present()) return std::nullopt;
  if (const auto hashes = source_hashes(run, meta.source); hashes && *hashes == meta.source.blocks) return std::nullopt;
  SourceState s;
  std::string problem;
  Diagnostics d;
  if (!source_state(run, meta, s, problem)) {
    d.warning(meta.source.pos, "cannot tell whether this translation is up to date: " + problem);
    return d.items().front();
  }
  if (s.alignment.unchanged()) return std::nullopt;
  std::vector<std::string> changed;
  for (std::size_t i = 0; i < s.units.size(); ++i)
    if (s.alignment.same[i] < 0) changed.push_back(describe_unit(s, s.units[i]));
  std::string message = "translated from an earlier version of '" + s.path + "': ";
  message += std::to_string(changed.size()) + (changed.size() == 1 ? " block changed" : " blocks changed");
  if (!s.alignment.removed.empty())
    message += (changed.empty() ? ", " : " and ") + std::to_string(s.alignment.removed.size()) + " removed";
  for (std::size_t i = 0; i < changed.size() && i < 8; ++i) message += (i ? "; " : ": ") + changed[i];
  if (changed.size() > 8) message += "; and " + std::to_string(changed.size() - 8) + " more";
  message += " (`handout translate export` gives the translator just these)";
  d.warning(meta.source.pos, message);
  return d.items().front();
}

}  // namespace handout
