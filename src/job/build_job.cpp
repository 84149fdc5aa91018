#include "job/build_job.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <ostream>
#include <sstream>
#include <thread>

#include "check/findings.h"
#include "job/article_input.h"
#include "job/translation_state.h"
#include "job/build_report.h"
#include "job/catalogue_index.h"
#include "job/check_job.h"
#include "job/incremental.h"
#include "job/manifest.h"
#include "job/file_output.h"
#include "job/language_catalogue.h"
#include "job/parallel.h"
#include "job/patient_copies.h"
#include "job/delivery.h"
#include "job/shard.h"
#include "job/run_context.h"
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

// A handout's file in the output folder without its extension: <lang>/<article> in the main
// layout, <lang>/<article>.<layout> in the others.
std::string handout_stem(const RunContext& run, const std::string& lang, const std::string& article,
                         std::size_t layout) {
  return lang + "/" + article + (layout == 0 ? "" : "." + run.config.layouts[layout]);
}

// One handout to build (or a language that has none), in the order of the report.
struct Task {
  HandoutJob job;
  bool resolved = false;          // else `diags` says why it cannot be built
  bool ends_language = false;     // its language's diagnostics are printed after it
  Diagnostics diags;
  HandoutRecord record;
  bool up_to_date = false;        // its PDF and every input unchanged: not built again
  std::vector<PlannedInput> planned;  // what it reads that is known before it is built
  std::optional<ManifestEntry> refreshed;  // up to date, its record's racy stamps now trusted
  std::string stem;               // its file in the output folder, without ".pdf"
  const PatientVisit* visit = nullptr;  // a patient's copy: whose (else a catalogue handout)
  std::uint64_t plain_hash = 0;   // a patient's copy: its hash before encryption (which is random)
  bool written = false;           // built and written this run
};

/// Builds one handout and, for a catalogue handout, appends its record to the manifest;
/// returns false when it could not be written.
bool build_one(RunContext& run, const BuildOptions& opt, ManifestWriter* manifest, Task& task) {
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
  HandoutInput in = handout_input(run, job, article);
  PersonalCopy personal;
  Document note;
  if (visit && !personal_copy(*visit, job.asked->strings, note, personal, diags)) return false;
  if (visit) in.personal = &personal;
  LayoutStats stats;
  const auto errors_before = diags.error_count();
  const FontSet::Consultation fonts_used(run.fonts);  // the families this handout depends on
  const PagedDocument doc = layout_handout(in, lang.styles[job.layout], run.fonts, diags, &stats);
  if (diags.error_count() > errors_before) return false;  // e.g. a tri-fold that does not fit
  if (static_cast<int>(doc.pages.size()) > run.config.limits.pages) {
    diags.error(article.path, 0, 0, "the handout has " + std::to_string(doc.pages.size()) +
                                        " pages, over the limit of " + std::to_string(run.config.limits.pages) +
                                        " pages (raise limits.pages)");
    return false;
  }
  std::string pdf, error;
  const std::string& root = visit ? run.config.patients_output_dir : run.config.output_dir;
  PdfWriteOptions pdf_options;                       // object streams, a deterministic /ID
  if (visit) pdf_options.user_password = visit->password;  // a patient's copy may be encrypted
  // A copy's hash before encryption (which is random) is what its message's journal entry records.
  bool rendered = render_pdf(doc, run.fonts, placed_images(run, doc), pdf_options, pdf, error,
                             visit ? &task.plain_hash : nullptr);
  if (!rendered || !write_output_file(root, task.stem + ".pdf", pdf, error, visit ? kPrivateModes : OutputModes{})) {
    diags.error(rec.path, 0, 0, error);
    return false;
  }
  if (opt.debug_layout && !visit &&
      !write_output_file(root, task.stem + ".layout.txt", render_debug(doc, run.fonts), error)) {
    diags.error(rec.path, 0, 0, error);
    return false;
  }
  rec.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  rec.pages = static_cast<int>(doc.pages.size());
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

}  // namespace

namespace {


// Every (language, article) the run asks for, resolved in order: languages load here, once,
// before any handout is built.
std::vector<std::unique_ptr<Task>> plan(const RunContext& run, Languages& langs) {
  std::vector<std::unique_ptr<Task>> tasks;
  for (const LanguageHandouts& handouts : run_handouts(run, langs)) {  // the pairs `check` checks too
    const std::string& lang = handouts.lang;
    const std::size_t first = tasks.size();
    if (handouts.articles.empty()) {
      tasks.push_back(std::make_unique<Task>());
      tasks.back()->record.language = lang;
      tasks.back()->record.layout = run.config.layout;
      no_articles_error(run, langs, lang, tasks.back()->diags);
    }
    for (const auto& [name, at] : handouts.articles) {
      for (std::size_t layout = 0; layout < run.layouts.size(); ++layout) {
        tasks.push_back(std::make_unique<Task>());
        Task& t = *tasks.back();
        t.resolved = resolve_job(run, langs, lang, name, at, t.job, t.diags);
        t.job.layout = layout;
        t.stem = handout_stem(run, lang, name, layout);
        t.record.language = lang, t.record.article = name, t.record.layout = run.config.layouts[layout];
        t.record.path = join_path(run.config.output_dir, t.stem + ".pdf");
      }
    }
    // Labels not yet translated: said once per language, with its first handout.
    if (tasks.size() > first) tasks[first]->diags.append(langs.get(lang).label_notes);
    if (!tasks.empty()) tasks.back()->ends_language = true;
  }
  return tasks;
}

// Keeps this machine's share of the tasks (--shard K/N): each handout's shard follows from its
// language, article and layout alone, so whatever changes between shards (an article growing,
// a language added) never moves a handout from one shard to another.
void keep_shard(std::vector<std::unique_ptr<Task>>& tasks, const Shard& shard) {
  if (shard.count <= 1) return;
  std::vector<std::unique_ptr<Task>> kept;
  for (auto& t : tasks)
    if (shard_of(t->record.language, t->record.article, t->record.layout, shard.count) == shard.index - 1)
      kept.push_back(std::move(t));
  for (std::size_t i = 0; i < kept.size(); ++i)  // each language's diagnostics after its last task here
    kept[i]->ends_language = i + 1 == kept.size() || kept[i + 1]->record.language != kept[i]->record.language;
  tasks = std::move(kept);
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

// Decides, before anything is built, what each handout will read (planned_inputs) and marks
// those whose record says they were built from exactly that, unchanged, by this program (not
// with --force, nor when a layout dump is asked for and missing).
void mark_up_to_date(std::vector<std::unique_ptr<Task>>& tasks, const Manifest& previous, const RunContext& run,
                     const BuildOptions& opt, std::ostream& explain) {
  ManifestEntry refreshed;
  for (auto& t : tasks) {
    if (!t->resolved) continue;
    t->planned = planned_inputs(run, t->job);
    const std::string pdf = t->stem + ".pdf";
    const ManifestEntry* recorded = previous.find(pdf);
    const std::string dump = join_path(run.config.output_dir, t->stem + ".layout.txt");
    std::string why = opt.force ? "--force" : !recorded ? "no record of it" : "";
    if (why.empty() && opt.debug_layout && !is_file(dump)) why = "its layout dump is missing";
    if (why.empty() && !still_current(*recorded, entry_for(pdf, t->record.layout), t->planned, run, &refreshed, &why) &&
        why.empty())
      why = "?";
    if (!why.empty()) {
      if (opt.explain) explain << join_path(run.config.output_dir, pdf) << ": note: not up to date: " << why << "\n";
      continue;
    }
    if (!refreshed.inputs.empty()) t->refreshed = std::move(refreshed), refreshed = ManifestEntry();
    t->up_to_date = true;
    t->record.status = "up to date";
    t->record.pages = recorded->pages;
    t->record.bytes = static_cast<std::size_t>(recorded->output.stamp.size);
  }
}

// PDFs in the output folder that no build of this config makes any more: reported, and with
// --prune removed (never through a link: nothing outside the output folder is removed).
void handle_stale(const std::set<std::string>& expected, const Manifest& previous, const RunContext& run,
                  const BuildOptions& opt, ProgressReport& progress, std::ostream& err) {
  const std::string& out_dir = run.config.output_dir;
  auto stale = stale_pdfs(out_dir, expected, previous);
  const auto thumbnails = stale_thumbnails(out_dir, expected);  // the catalogue page's, of those
  stale.insert(stale.end(), thumbnails.begin(), thumbnails.end());
  for (const auto& pdf : stale) {
    const std::string path = join_path(out_dir, pdf);
    std::string error;
    progress.before_diagnostics();
    if (!opt.prune)
      err << path << ": warning: stale: it belongs to no handout of this build (--prune removes it)\n";
    else if (remove_output_file(out_dir, pdf, error))
      err << path << ": note: removed: it belongs to no handout of this build\n";
    else
      err << path << ": warning: stale, not removed: " << error << "\n";
  }
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

int thread_count(const BuildOptions& opt) {
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  return std::clamp(opt.jobs > 0 ? opt.jobs : cores, 1, kMaxWriters);
}

struct Tally {
  int written = 0, current = 0, failed = 0;
};

// Builds the tasks that are not up to date on the run's threads and reports each, in order;
// returns their records for the JSON report.
std::vector<HandoutRecord> build_all(std::vector<std::unique_ptr<Task>>& tasks, RunContext& run,
                                     const BuildOptions& opt, ManifestWriter* manifest, ProgressReport& progress,
                                     std::ostream& err, Tally& tally) {
  std::vector<HandoutRecord> records;
  Diagnostics language_diags;  // printed after each language, as a serial build would
  run_in_order(
      tasks.size(), thread_count(opt),
      [&](std::size_t i) {
        Task& t = *tasks[i];
        if (t.up_to_date) return warn_if_outdated(run, t);
        t.written = t.resolved && build_one(run, opt, manifest, t);
        t.record.status = t.written ? "written" : "failed";
      },
      [&](std::size_t i) {
        Task& t = *tasks[i];
        (t.up_to_date ? tally.current : t.record.status == "written" ? tally.written : tally.failed) += 1;
        for (const auto& d : t.diags.items()) t.record.warnings.push_back(format_diagnostic(d));
        progress.handout(t.record);
        records.push_back(std::move(t.record));  // a language without articles too, its article ""
        language_diags.append(t.diags);
        if (t.ends_language && !language_diags.items().empty())
          progress.before_diagnostics(), err << without_repeats(language_diags), language_diags = Diagnostics();
      });
  return records;
}

}  // namespace

namespace {

// The run's shared state: config, layouts, fonts; and the visits of a personal build. False
// (errors printed) when any is wrong: nothing is built then.
bool load_everything(const BuildOptions& opt, RunContext& run, std::vector<PatientVisit>& visits, std::ostream& err) {
  Diagnostics diags;
  const bool loaded = load_run(opt, run, diags);
  err << diags.to_string();  // errors, or warnings about the config
  if (!loaded) return false;
  Diagnostics more;
  const bool ok = opt.patients_path.empty() || load_patients(opt.patients_path, run.config.limits.input_bytes, visits, more);
  err << more.to_string();
  return ok;
}

// The logo's pixels and the notice's taglines (from every listed language's strings file),
// when a handout is to be built: a run that finds everything up to date decodes and parses
// none of them (its handouts' records name those files, so a changed one makes them out of date).
bool prepare_to_build(const std::vector<std::unique_ptr<Task>>& tasks, RunContext& run, std::ostream& err) {
  if (std::all_of(tasks.begin(), tasks.end(), [](const auto& t) { return t->up_to_date || !t->resolved; })) return true;
  Diagnostics diags;
  const bool ok = decode_logo(run, diags) && assistance_taglines(run, run.taglines, diags);
  err << diags.to_string();
  return ok;
}

// Personal copies: a task per (visit, article), in the visit's language and the main layout.
// They are always written (each is a visit's own), and never listed in the manifest.
std::vector<std::unique_ptr<Task>> plan_visits(const RunContext& run, Languages& langs,
                                               const std::vector<PatientVisit>& visits) {
  std::vector<std::unique_ptr<Task>> tasks;
  for (const auto& visit : visits) {
    for (const auto& name : visit.articles) {
      tasks.push_back(std::make_unique<Task>());
      Task& t = *tasks.back();
      t.resolved = resolve_job(run, langs, visit.language, name, visit.pos, t.job, t.diags);
      t.visit = &visit;
      t.stem = visit_stem(visit, name);
      t.ends_language = true;
      t.record.language = visit.language, t.record.article = name, t.record.layout = run.config.layouts.front();
      t.record.path = join_path(run.config.patients_output_dir, t.stem + ".pdf");
    }
  }
  return tasks;
}

void write_report(const BuildOptions& opt, const std::vector<HandoutRecord>& records,
                  const std::vector<DeliveryRecord>& deliveries, double seconds, std::ostream& err, int& exit_code) {
  if (opt.report_path.empty()) return;
  std::string error;
  if (!write_file_atomically(opt.report_path, report_json(records, seconds, deliveries_json(deliveries)), error)) {
    err << opt.report_path << ": error: " << error << "\n";
    exit_code = kExitSomeFailed;
  }
}

// Each visit's copies, in the CSV's order, for its message: which were written, their hashes
// before encryption, the visit's labels.
std::vector<VisitHandouts> visit_handouts(const std::vector<std::unique_ptr<Task>>& tasks,
                                          const std::vector<PatientVisit>& visits) {
  std::vector<VisitHandouts> out;
  std::map<const PatientVisit*, std::size_t> index;
  for (const auto& v : visits) index[&v] = out.size(), out.push_back({&v, nullptr, {}, {}, true});
  for (const auto& t : tasks) {
    auto it = index.find(t->visit);
    if (it == index.end()) continue;
    VisitHandouts& h = out[it->second];
    if (!t->written) h.complete = false;
    if (t->resolved && !h.strings) h.strings = &t->job.asked->strings;
    h.pdfs.push_back(t->stem + ".pdf");
    h.plain_hashes.push_back(t->plain_hash);
  }
  return out;
}

// --index: the catalogue page over this run's handouts (`records` are the tasks' own, in order).
bool write_index(const std::vector<std::unique_ptr<Task>>& tasks, const std::vector<HandoutRecord>& records,
                 RunContext& run, Languages& langs, const BuildOptions& opt, std::ostream& out, std::ostream& err) {
  std::vector<IndexedHandout> handouts;
  for (std::size_t i = 0; i < tasks.size() && i < records.size(); ++i)
    if (tasks[i]->resolved) handouts.push_back({records[i], tasks[i]->stem, tasks[i]->job.content->code});
  return write_catalogue_index(run, langs, handouts, opt.report_style == ReportStyle::Quiet, out, err);
}

}  // namespace

int run_build(const BuildOptions& opt, std::ostream& out, std::ostream& err) {
  install_interrupt_cleanup();
  Shard shard;
  if (std::string error; !opt.shard.empty() && !parse_shard(opt.shard, shard, error)) {
    err << "error: " << error << "\n";
    return kExitConfigError;
  }
  RunContext run;
  std::vector<PatientVisit> visits;
  if (!load_everything(opt, run, visits, err)) return kExitConfigError;
  const bool personal = !opt.patients_path.empty();
  if (personal && !check_delivery(run, visits, opt, err)) return kExitConfigError;
  Languages langs(run);
  const auto started = std::chrono::steady_clock::now();
  auto tasks = personal ? plan_visits(run, langs, visits) : plan(run, langs);
  std::set<std::string> expected;  // every PDF of the whole build, shards or not
  for (const auto& t : tasks)
    if (!t->record.article.empty()) expected.insert(t->stem + ".pdf");
  keep_shard(tasks, shard);
  Manifest previous;
  if (!personal) previous.load(run.config.output_dir), mark_up_to_date(tasks, previous, run, opt, err);
  if (!prepare_to_build(tasks, run, err)) return kExitConfigError;
  ProgressReport progress(out, opt.report_style, tasks.size());
  Tally tally;
  ManifestWriter manifest(run.config.output_dir);  // personal copies are never recorded
  std::vector<HandoutRecord> records = build_all(tasks, run, opt, personal ? nullptr : &manifest, progress, err, tally);
  if (!manifest.failure().empty())
    progress.before_diagnostics(), err << join_path(run.config.output_dir, kManifestName) << ": warning: cannot record "
                                       << "what was built (" << manifest.failure() << "): it is built again next time\n";
  for (const auto& t : tasks)  // up to date, and now known by stamps the next run can trust (best effort)
    if (std::string ignored; t->up_to_date && t->refreshed) manifest.append(*t->refreshed, ignored);
  manifest.compact_if_grown(previous.blocks());
  Diagnostics font_notes;  // fallback fonts a handout needed and could not open
  for (const auto& problem : run.fonts.problems()) font_notes.warning(run.config.path, 0, 0, "fallback " + problem);
  if (!font_notes.items().empty()) progress.before_diagnostics(), err << font_notes.to_string();
  // Only a build of the whole config can tell a stale PDF (a shard, --lang or --article builds a part).
  if (!personal && shard.count <= 1 && opt.languages.empty() && opt.articles.empty())
    handle_stale(expected, previous, run, opt, progress, err);
  progress.finish(tally.written, tally.current, tally.failed);
  if (opt.check) print_check_summaries(run, out);
  int exit_code = tally.failed > 0 ? kExitSomeFailed : kExitOk;
  if (opt.index && !personal && !write_index(tasks, records, run, langs, opt, out, err)) exit_code = kExitSomeFailed;
  std::vector<DeliveryRecord> deliveries;
  if (personal && wants_delivery(opt))
    exit_code = std::max(exit_code, deliver(run, visit_handouts(tasks, visits), opt, out, err, deliveries));
  else if (personal && opt.report_style != ReportStyle::Quiet)
    if (const auto n = std::count_if(visits.begin(), visits.end(), [](const auto& v) { return v.delivery == "email"; }))
      out << n << (n == 1 ? " visit is" : " visits are") << " to be emailed: --email-out DIR writes the messages, "
          << "--send sends them, --dry-run shows what would be sent\n";
  write_report(opt, records, deliveries,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), err, exit_code);
  return exit_code;
}

}  // namespace handout
