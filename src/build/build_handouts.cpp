#include "build/build_handouts.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>
#include <set>
#include <thread>

#include "build/article_input.h"
#include "build/file_output.h"
#include "build/parallel.h"
#include "build/patient_copies.h"
#include "build/run_context.h"
#include "build/translation_state.h"
#include "check/findings.h"
#include "layout/handout_layout.h"
#include "render/debug/debug_renderer.h"
#include "render/pdf/pdf_renderer.h"
#include "util/text.h"

namespace handout {
namespace {

std::string stats_line(const LayoutStats& stats) {
  char worst[16];
  std::snprintf(worst, sizeof worst, "%.2f", stats.worst_space);
  return "  stats: pages=" + std::to_string(stats.pages) + " lines=" + std::to_string(stats.lines) +
         " overfull=" + std::to_string(stats.overfull_lines) + " hyphenated=" + std::to_string(stats.hyphenated_lines) +
         " worst_space=" + worst + " loose=" + std::to_string(stats.loose_lines) + " widows=" +
         std::to_string(stats.widows) + " orphans=" + std::to_string(stats.orphans) +
         " forced_breaks=" + std::to_string(stats.forced_breaks);
}

/// Builds one handout and, for a catalogue handout, appends its record to the manifest;
/// returns false when it could not be written.
bool build_one(const RunContext& run, const BuildSettings& opt, const std::vector<Tagline>& taglines,
               ManifestWriter* manifest, Task& task) {
  const HandoutJob& job = task.job;
  HandoutRecord& rec = task.record;
  Diagnostics& diags = task.diags;
  const PatientVisit* visit = task.visit;
  const auto start = std::chrono::steady_clock::now();
  const Language& lang = *job.content;
  Article article;
  if (!load_article(run, join_path(lang.dir, job.name + ".md"), article, diags)) return false;
  // A draft still builds (to proofread it), but the clinic is told it is not for patients yet.
  for (Finding& f : status_findings(article.meta, article.path)) diags.add(std::move(f.diag));
  if (auto outdated = outdated_translation(run, article.meta)) diags.add(std::move(*outdated));
  HandoutInput in = handout_input(run, job, article, taglines);
  PersonalCopy personal;
  Document note;
  if (visit && !personal_copy(*visit, job.asked->strings, note, personal, diags)) return false;
  if (visit) in.personal = &personal;
  LayoutStats stats;
  const auto errors_before = diags.error_count();
  const FontSet::Consultation fonts_used(run.services.fonts);  // the families this handout depends on
  PagedDocument doc = layout_handout(in, lang.styles[job.layout], run.services.fonts, diags, &stats);
  if (diags.error_count() > errors_before) return false;  // e.g. a tri-fold that does not fit
  if (static_cast<int>(doc.pages.size()) > run.in.config.limits.pages) {
    diags.error(article.path, 0, 0, "the handout has " + std::to_string(doc.pages.size()) +
                                        " pages, over the limit of " + std::to_string(run.in.config.limits.pages) +
                                        " pages (raise limits.pages)");
    return false;
  }
  std::string pdf, error;
  const std::string& root = visit ? run.in.config.patients_output_dir : run.in.config.output_dir;
  PdfWriteOptions pdf_options;                       // object streams, a deterministic /ID
  if (visit) pdf_options.user_password = visit->password;  // a patient's copy may be encrypted
  // A copy's hash before encryption (which is random) is what its message's journal entry records.
  // Taken before the PDF: writing it spends the layout's items, page by page.
  const std::string debug = opt.debug_layout && !visit ? render_debug(doc, run.services.fonts) : "";
  const auto images = run.services.images.placed(doc);
  bool rendered = render_pdf(std::move(doc), run.services.fonts, images, pdf_options, pdf, error,
                             visit ? &task.plain_hash : nullptr);
  if (!rendered || !write_output_file(root, task.stem + ".pdf", pdf, error, visit ? kPrivateModes : OutputModes{})) {
    diags.error(rec.path, 0, 0, error);
    return false;
  }
  if (opt.debug_layout && !visit &&
      !write_output_file(root, task.stem + ".layout.txt", debug, error)) {
    diags.error(rec.path, 0, 0, error);
    return false;
  }
  rec.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  rec.pages = static_cast<int>(doc.pages.size());  // a spent document keeps its pages, without items
  rec.bytes = pdf.size();
  if (opt.stats) rec.stats = stats_line(stats);
  if (manifest) {  // as soon as it is written: a build killed later loses only the handouts in flight
    ManifestEntry entry = entry_for(task.stem + ".pdf", rec.layout);
    entry.pages = rec.pages;
    record_inputs(run, article, task.planned, fonts_used.families(), rec.path, pdf, entry);
    manifest->append(entry, error);  // a failure is reported once, after the build
  }
  return true;
}

// A handout not built again still says when its translation's source changed since (the
// warning a build of it gives): its front matter and the source's hashes, no layout.
void warn_if_outdated(const RunContext& run, Task& t) {
  if (t.job.content != t.job.asked) return;
  Article a;
  Diagnostics ignored;
  if (!read_front_matter(run, join_path(t.job.content->dir, t.job.name + ".md"), a.meta, ignored)) return;
  if (auto outdated = outdated_translation(run, a.meta)) t.diags.add(std::move(*outdated));
}

// A language's messages, each once: an article built in several layouts is read, and reported
// on, once per layout.
std::string without_repeats(const Diagnostics& diags) {
  std::string out;
  std::set<std::string> seen;
  for (const auto& d : diags.items())
    if (const std::string line = format_diagnostic(d); seen.insert(line).second) out += line + "\n";
  return out;
}

int thread_count(const BuildSettings& opt) {
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  return std::clamp(opt.jobs > 0 ? opt.jobs : cores, 1, kMaxWriters);
}

}  // namespace

std::vector<HandoutRecord> build_all(Tasks& tasks, const RunContext& run, const BuildSettings& opt,
                                     const std::vector<Tagline>& taglines, ManifestWriter* manifest,
                                     ProgressReport& progress, std::ostream& err, Tally& tally) {
  std::vector<HandoutRecord> records;
  Diagnostics language_diags;  // printed after each language, as a serial build would
  run_in_order(
      tasks.size(), thread_count(opt),
      [&](std::size_t i) {
        Task& t = *tasks[i];
        if (t.up_to_date) return warn_if_outdated(run, t);
        t.written = t.resolved && build_one(run, opt, taglines, manifest, t);
        t.record.status = t.written ? HandoutStatus::Written : HandoutStatus::Failed;
      },
      [&](std::size_t i) {
        Task& t = *tasks[i];
        (t.up_to_date ? tally.current : t.record.status == HandoutStatus::Written ? tally.written : tally.failed) += 1;
        for (const auto& d : t.diags.items()) t.record.warnings.push_back(format_diagnostic(d));
        progress.handout(t.record);
        records.push_back(std::move(t.record));  // a language without articles too, its article ""
        language_diags.append(t.diags);
        if (t.ends_language && !language_diags.items().empty())
          progress.before_diagnostics(), err << without_repeats(language_diags), language_diags = Diagnostics();
      });
  return records;
}

}  // namespace handout
