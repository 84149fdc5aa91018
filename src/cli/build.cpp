#include "cli/build.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <ostream>
#include <set>

#include "build/build_handouts.h"
#include "build/build_report.h"
#include "build/catalogue_index.h"
#include "build/file_output.h"
#include "build/incremental.h"
#include "build/language_catalogue.h"
#include "build/manifest.h"
#include "build/plan.h"
#include "build/run_context.h"
#include "build/shard.h"
#include "cli/check.h"
#include "cli/email.h"
#include "cli/exit_code.h"
#include "util/text.h"

namespace handout {
namespace {

// The run's shared state: config, layouts, fonts; and the visits of a personal build. Null
// (errors printed) when any is wrong: nothing is built then.
std::unique_ptr<RunContext> load_everything(const BuildOptions& opt, std::vector<PatientVisit>& visits,
                                            std::ostream& err) {
  Diagnostics diags;
  std::unique_ptr<RunContext> run = load_run(opt, diags);
  err << diags.to_string();  // errors, or warnings about the config
  if (!run) return nullptr;
  Diagnostics more;
  const bool ok =
      opt.patients_path.empty() || load_patients(opt.patients_path, run->in.config.limits.input_bytes, visits, more);
  err << more.to_string();
  return ok ? std::move(run) : nullptr;
}

// The logo's pixels and the notice's taglines (from every listed language's strings file),
// when a handout is to be built: a run that finds everything up to date decodes and parses
// none of them (its handouts' records name those files, so a changed one makes them out of date).
bool prepare_to_build(const Tasks& tasks, const RunContext& run, std::vector<Tagline>& taglines, std::ostream& err) {
  if (std::all_of(tasks.begin(), tasks.end(), [](const auto& t) { return t->up_to_date || !t->resolved; })) return true;
  Diagnostics diags;
  const bool ok = decode_logo(run, diags) && assistance_taglines(run, taglines, diags);
  err << diags.to_string();
  return ok;
}

// PDFs in the output folder that no build of this config makes any more: reported, and with
// --prune removed (never through a link: nothing outside the output folder is removed).
void handle_stale(const std::set<std::string>& expected, const Manifest& previous, const RunContext& run,
                  const BuildOptions& opt, ProgressReport& progress, std::ostream& err) {
  const std::string& out_dir = run.in.config.output_dir;
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
std::vector<VisitHandouts> visit_handouts(const Tasks& tasks, const std::vector<PatientVisit>& visits) {
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

// After the build: a manifest that could not be written is said once; handouts found up to
// date by their inputs' hashes are recorded with stamps the next run can trust (best effort);
// a manifest grown with rebuilt handouts' blocks is compacted.
void finish_manifest(const Tasks& tasks, const Manifest& previous, const RunContext& run, ManifestWriter& manifest,
                     ProgressReport& progress, std::ostream& err) {
  if (!manifest.failure().empty())
    progress.before_diagnostics(), err << join_path(run.in.config.output_dir, kManifestName) << ": warning: cannot record "
                                       << "what was built (" << manifest.failure() << "): it is built again next time\n";
  for (const auto& t : tasks)
    if (std::string ignored; t->up_to_date && t->refreshed) manifest.append(*t->refreshed, ignored);
  manifest.compact_if_grown(previous.blocks());
}

// --index: the catalogue page over this run's handouts (`records` are the tasks' own, in order).
bool write_index(const Tasks& tasks, const std::vector<HandoutRecord>& records,
                 const RunContext& run, Languages& langs, const BuildOptions& opt, std::ostream& out, std::ostream& err) {
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
  std::vector<PatientVisit> visits;
  const std::unique_ptr<RunContext> loaded = load_everything(opt, visits, err);
  if (!loaded) return kExitConfigError;
  const RunContext& run = *loaded;
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
  if (!personal)
    previous.load(run.in.config.output_dir),
        mark_up_to_date(tasks, previous, run, {opt.force, opt.debug_layout, opt.explain}, err);
  std::vector<Tagline> taglines;  // the language-assistance notice, the same on every handout
  if (!prepare_to_build(tasks, run, taglines, err)) return kExitConfigError;
  ProgressReport progress(out, opt.report_style, tasks.size());
  Tally tally;
  ManifestWriter manifest(run.in.config.output_dir);  // personal copies are never recorded
  std::vector<HandoutRecord> records =
      build_all(tasks, run, opt, taglines, personal ? nullptr : &manifest, progress, err, tally);
  finish_manifest(tasks, previous, run, manifest, progress, err);
  Diagnostics font_notes;  // fallback fonts a handout needed and could not open
  for (const auto& problem : run.services.fonts.problems())
    font_notes.warning(run.in.config.path, 0, 0, "fallback " + problem);
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
