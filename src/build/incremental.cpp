#include "build/incremental.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "config/config.h"
#include "hash/content_hash.h"
#include "build/file_output.h"
#include "build/program_id.h"
#include "text/hyphenation.h"
#include "util/text.h"

namespace handout {
namespace {

using Check = PlannedInput::Check;

// A file read whole to check it against its record is read through the run's InputFiles, so
// the build uses the very bytes the check saw; this bounds what a check reads.
constexpr long long kMaxCheckedBytes = 256LL << 20;

// Names in a folder, sorted; `dirs` picks folders, else regular files. lstat: a symbolic link
// (to a folder or file elsewhere) is never listed, so never pruned.
std::vector<std::string> list(const std::string& dir, bool dirs) {
  std::vector<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    struct stat st {};
    if (name[0] == '.' || ::lstat(join_path(dir, name).c_str(), &st) != 0) continue;
    if (dirs ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)) out.push_back(name);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// The planned inputs of one handout, each path once.
class Plan {
 public:
  explicit Plan(const RunContext& run) : run_(run) {}
  void add(const std::string& path, Check check) {
    if (path.empty()) return;
    const std::string abs = absolute_path(path);
    if (!seen_.insert(abs).second) return;
    out_.push_back({abs, check, run_.services.files.look(abs)});
    InputState& seen = out_.back().seen;
    // A file known by its stamp, changed a moment ago: its stamp proves nothing yet; its hash does.
    if (check == Check::Stamp && seen.racy)
      if (const auto& f = run_.services.files.read(abs, kMaxCheckedBytes); f.bytes) seen.hash = f.state.hash;
  }
  // The first data folder's `relative` that exists (as a file, or a folder when `folder`) is
  // used: each candidate before it is an input by its absence, the used one by `check`.
  void first_found(const std::string& relative, bool folder, Check check) {
    for (const auto& d : run_.in.dirs) {
      const std::string candidate = join_path(d, relative);
      const InputState s = run_.services.files.look(candidate);
      if (s.kind == (folder ? InputState::Kind::Folder : InputState::Kind::File)) return add(candidate, check);
      add(candidate, Check::Presence);
    }
  }
  std::vector<PlannedInput> take() { return std::move(out_); }

 private:
  const RunContext& run_;
  std::set<std::string> seen_;
  std::vector<PlannedInput> out_;
};

void plan_language(Plan& plan, const std::string& code) {
  plan.first_found("content/" + code + "/strings.yaml", false, Check::Content);
  plan.first_found("content/" + code, true, Check::Presence);
}

// Where `recorded` was found, searched for again now: the same files, or the family changed.
bool same_location(const RecordedFamily& recorded, const RunContext& run) {
  const FontSet::Location now = run.services.fonts.locate_once(recorded.name, run.in.dirs);
  for (int s = 0; s < 4; ++s)
    if (now.file(s) != recorded.files[s]) return false;
  return true;
}

// A recorded input as it is now: present or absent alike; a file by its stamp while that is
// trustworthy, else by the hash of its bytes. `now` is what to record of it from here on.
bool unchanged(const RecordedInput& recorded, const RunContext& run, InputState& now) {
  now = run.services.files.look(recorded.path);
  if (now.kind != recorded.state.kind) return false;
  if (now.kind != InputState::Kind::File) return true;
  if (now.stamp == recorded.state.stamp && !recorded.state.racy) return now = recorded.state, true;
  if (recorded.state.hash == 0) return false;  // known by its stamp alone, and that changed
  const InputFiles::File& f = run.services.files.read(recorded.path, kMaxCheckedBytes);
  if (!f.bytes || f.state.hash != recorded.state.hash) return false;
  now = f.state;
  return true;
}

bool pdf_unchanged(const ManifestEntry& recorded, const std::string& out_dir, InputState& now) {
  const std::string path = join_path(out_dir, recorded.pdf);
  now = look_at(path);
  if (now.kind != InputState::Kind::File) return false;
  if (now.stamp == recorded.output.stamp && !recorded.output.racy) return now = recorded.output, true;
  std::string bytes;
  if (!read_own_file(path, kMaxCheckedBytes, bytes) || content_hash(bytes) != recorded.output.hash) return false;
  now.hash = recorded.output.hash;
  return true;
}

// The state to record for a planned input: a file read whole as the build read it.
InputState recorded_state(const RunContext& run, const PlannedInput& p) {
  if (p.check == Check::Content)
    if (const InputState* read = run.services.files.read_state(p.path)) return *read;
  InputState s = p.seen;
  if (p.check != Check::Stamp) s.hash = 0;  // a planned file the build did not read: nothing of it was used
  return s;
}

}  // namespace

std::vector<PlannedInput> planned_inputs(const RunContext& run, const HandoutJob& job) {
  Plan plan(run);
  plan.add(run.in.config.path, Check::Content);
  plan.first_found("layouts/" + run.in.config.layouts[job.layout] + ".yaml", false, Check::Content);
  plan.add(run.in.config.clinic.logo_path, Check::Content);
  plan_language(plan, job.asked->code);
  plan.add(join_path(job.asked->dir, job.name + ".md"), job.content == job.asked ? Check::Content : Check::Presence);
  if (job.content != job.asked) {  // the fallback language's copy, while the asked one is missing
    plan_language(plan, job.content->code);
    plan.add(join_path(job.content->dir, job.name + ".md"), Check::Content);
  }
  if (run.in.config.notices.language_assistance && run.in.layouts[job.layout].assistance_taglines != 0)
    for (const auto& code : run.in.config.notices.assistance_languages) plan.first_found("content/" + code + "/strings.yaml", false, Check::Content);
  if (run.in.layouts[job.layout].hyphenate)
    for (const auto& file : Hyphenator::pattern_files(job.content->code)) {
      const bool exists = look_at(file).kind == InputState::Kind::File;
      plan.add(file, exists ? Check::Stamp : Check::Presence);
      if (exists) break;
    }
  return plan.take();
}

ManifestEntry entry_for(const std::string& pdf, const std::string& layout) {
  ManifestEntry e;
  e.pdf = pdf;
  e.layout = layout;
  e.program = program_fingerprint();
  e.settings = std::string("version ") + HANDOUT_VERSION;
  return e;
}

bool still_current(const ManifestEntry& recorded, const ManifestEntry& now, const std::vector<PlannedInput>& planned,
                   const RunContext& run, ManifestEntry* refreshed, std::string* why) {
  auto no = [&](const std::string& reason) {
    if (why) *why = reason;
    return false;
  };
  if (recorded.layout != now.layout) return no("its layout was " + recorded.layout);
  if (recorded.program != now.program) return no("another build of handout (or of a library it uses) made it " + hash_hex(recorded.program) + " " + hash_hex(now.program));
  if (recorded.settings != now.settings) return no("made with " + recorded.settings);
  std::map<std::string, const RecordedInput*> by_path;
  for (const auto& input : recorded.inputs) by_path[input.path] = &input;
  for (const auto& p : planned)  // another config, clinic folder or language: another set of inputs
    if (!by_path.count(p.path)) return no("it was not made from '" + p.path + "'");
  ManifestEntry fresh = recorded;
  for (std::size_t i = 0; i < recorded.inputs.size(); ++i)
    if (!unchanged(recorded.inputs[i], run, fresh.inputs[i].state))
      return no("'" + recorded.inputs[i].path + "' changed");
  for (const auto& family : recorded.families)
    if (!same_location(family, run)) return no("font '" + family.name + "' is found elsewhere now");
  if (!pdf_unchanged(recorded, run.in.config.output_dir, fresh.output)) return no("the PDF is not the one written");
  // Inputs that were racy and proved unchanged by their bytes: their stamps, no longer racy,
  // are worth recording, so the next run trusts them without reading them again.
  auto racy = [](const ManifestEntry& e) {
    std::size_t n = e.output.racy;
    for (const auto& input : e.inputs) n += input.state.racy;
    return n;
  };
  if (refreshed && racy(fresh) < racy(recorded)) *refreshed = std::move(fresh);
  return true;
}

void record_inputs(const RunContext& run, const Article& article, const std::vector<PlannedInput>& planned,
                   const std::vector<FontSet::Consulted>& families, const std::string& pdf_path,
                   const std::string& pdf, ManifestEntry& entry) {
  auto add = [&](const std::string& path, const InputState& state) {
    entry.inputs.push_back({absolute_path(path), state});
  };
  for (const auto& p : planned) add(p.path, recorded_state(run, p));
  // What the article brought: its resource list (or the absence of the one it would read),
  // its figures.
  const std::string default_resources = article.path.substr(0, article.path.size() - 3) + ".resources.yaml";
  if (!article.resources_path.empty()) {
    const InputState* read = run.services.files.read_state(article.resources_path);
    add(article.resources_path, read ? *read : look_at(article.resources_path));
  } else {
    add(default_resources, look_at(default_resources));
  }
  for (const auto& [url, image] : article.images)
    if (const InputState* read = run.services.files.read_state(image.path)) add(image.path, *read);
  // A translation that records its source prints, with notices: [outdated_translation], whether
  // the source changed since: then the source (and its resource list) is an input of its PDF.
  // (Without it the PDF does not depend on the source; an up-to-date build still warns.)
  if (article.meta.source.present() && run.in.config.notices.outdated_translation) {
    const std::string source = join_path(content_dir(run, article.meta.source.language), article.meta.source.article + ".md");
    for (const std::string& path : {source, source.substr(0, source.size() - 3) + ".resources.yaml"}) {
      const InputState* read = run.services.files.read_state(path);
      add(path, read ? *read : look_at(path));
    }
  }
  // Every family it looked at: found in the same files, and those files unchanged, its text is
  // drawn with the same glyphs (a family it never needed cannot change it).
  for (const auto& family : families) {
    RecordedFamily f{family.name, {}};
    for (int s = 0; s < 4; ++s) {
      f.files[s] = family.location.file(s);
      if (family.states[s].kind == InputState::Kind::File) add(family.location.files[s].path, family.states[s]);
    }
    entry.families.push_back(std::move(f));
  }
  std::sort(entry.inputs.begin(), entry.inputs.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  entry.inputs.erase(std::unique(entry.inputs.begin(), entry.inputs.end(),
                                 [](const auto& a, const auto& b) { return a.path == b.path; }),
                     entry.inputs.end());
  entry.output = look_at(pdf_path);
  entry.output.hash = content_hash(pdf);
}

std::vector<std::string> stale_pdfs(const std::string& out_dir, const std::set<std::string>& expected,
                                    const Manifest& manifest) {
  std::set<std::string> found;
  for (const auto& lang : list(out_dir, true))
    if (valid_language_code(lang))
      for (const auto& file : list(join_path(out_dir, lang), false))
        if (file.size() > 4 && file.ends_with(".pdf")) found.insert(lang + "/" + file);
  for (const auto& [pdf, entry] : manifest.entries())
    if (is_file(join_path(out_dir, pdf))) found.insert(pdf);
  std::vector<std::string> out;
  for (const auto& pdf : found)
    if (!expected.count(pdf)) out.push_back(pdf);
  return out;
}

std::vector<std::string> stale_thumbnails(const std::string& out_dir, const std::set<std::string>& expected) {
  std::vector<std::string> out;
  const std::string root = join_path(out_dir, "thumbnails");
  for (const auto& lang : list(root, true))
    if (valid_language_code(lang))
      for (const auto& file : list(join_path(root, lang), false))
        if (file.size() > 4 && file.ends_with(".png") && !expected.count(lang + "/" + file.substr(0, file.size() - 4) + ".pdf"))
          out.push_back("thumbnails/" + lang + "/" + file);
  return out;
}

}  // namespace handout
