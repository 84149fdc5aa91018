#include "build/plan.h"

#include <ostream>

#include "build/patient_copies.h"
#include "build/run_context.h"
#include "util/text.h"

namespace handout {
namespace {

// A handout's file in the output folder without its extension: <lang>/<article> in the main
// layout, <lang>/<article>.<layout> in the others.
std::string handout_stem(const RunContext& run, const std::string& lang, const std::string& article,
                         std::size_t layout) {
  return lang + "/" + article + (layout == 0 ? "" : "." + run.in.config.layouts[layout]);
}

}  // namespace

Tasks plan(const RunContext& run, Languages& langs) {
  Tasks tasks;
  for (const LanguageHandouts& handouts : run_handouts(run, langs)) {  // the pairs `check` checks too
    const std::string& lang = handouts.lang;
    const std::size_t first = tasks.size();
    if (handouts.articles.empty()) {
      tasks.push_back(std::make_unique<Task>());
      tasks.back()->record.language = lang;
      tasks.back()->record.layout = run.in.config.layout;
      no_articles_error(run, langs, lang, tasks.back()->diags);
    }
    for (const auto& [name, at] : handouts.articles) {
      for (std::size_t layout = 0; layout < run.in.layouts.size(); ++layout) {
        tasks.push_back(std::make_unique<Task>());
        Task& t = *tasks.back();
        t.resolved = resolve_job(run, langs, lang, name, at, t.job, t.diags);
        t.job.layout = layout;
        t.stem = handout_stem(run, lang, name, layout);
        t.record.language = lang, t.record.article = name, t.record.layout = run.in.config.layouts[layout];
        t.record.path = join_path(run.in.config.output_dir, t.stem + ".pdf");
      }
    }
    // Labels not yet translated: said once per language, with its first handout.
    if (tasks.size() > first) tasks[first]->diags.append(langs.get(lang).label_notes);
    if (!tasks.empty()) tasks.back()->ends_language = true;
  }
  return tasks;
}

Tasks plan_visits(const RunContext& run, Languages& langs, const std::vector<PatientVisit>& visits) {
  Tasks tasks;
  for (const auto& visit : visits) {
    for (const auto& name : visit.articles) {
      tasks.push_back(std::make_unique<Task>());
      Task& t = *tasks.back();
      t.resolved = resolve_job(run, langs, visit.language, name, visit.pos, t.job, t.diags);
      t.visit = &visit;
      t.stem = visit_stem(visit, name);
      t.ends_language = true;
      t.record.language = visit.language, t.record.article = name, t.record.layout = run.in.config.layouts.front();
      t.record.path = join_path(run.in.config.patients_output_dir, t.stem + ".pdf");
    }
  }
  return tasks;
}

void keep_shard(Tasks& tasks, const Shard& shard) {
  if (shard.count <= 1) return;
  Tasks kept;
  for (auto& t : tasks)
    if (shard_of(t->record.language, t->record.article, t->record.layout, shard.count) == shard.index - 1)
      kept.push_back(std::move(t));
  for (std::size_t i = 0; i < kept.size(); ++i)  // each language's diagnostics after its last task here
    kept[i]->ends_language = i + 1 == kept.size() || kept[i + 1]->record.language != kept[i]->record.language;
  tasks = std::move(kept);
}

void mark_up_to_date(Tasks& tasks, const Manifest& previous, const RunContext& run, const Freshness& opt,
                     std::ostream& explain) {
  ManifestEntry refreshed;
  for (auto& t : tasks) {
    if (!t->resolved) continue;
    t->planned = planned_inputs(run, t->job);
    const std::string pdf = t->stem + ".pdf";
    const ManifestEntry* recorded = previous.find(pdf);
    const std::string dump = join_path(run.in.config.output_dir, t->stem + ".layout.txt");
    std::string why = opt.force ? "--force" : !recorded ? "no record of it" : "";
    if (why.empty() && opt.debug_layout && !is_file(dump)) why = "its layout dump is missing";
    if (why.empty() && !still_current(*recorded, entry_for(pdf, t->record.layout), t->planned, run, &refreshed, &why) &&
        why.empty())
      why = "?";
    if (!why.empty()) {
      if (opt.explain) explain << join_path(run.in.config.output_dir, pdf) << ": note: not up to date: " << why << "\n";
      continue;
    }
    if (!refreshed.inputs.empty()) t->refreshed = std::move(refreshed), refreshed = ManifestEntry();
    t->up_to_date = true;
    t->record.status = HandoutStatus::UpToDate;
    t->record.pages = recorded->pages;
    t->record.bytes = static_cast<std::size_t>(recorded->output.stamp.size);
  }
}

}  // namespace handout
