#include "cli/email.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>
#include <ostream>
#include <random>
#include <thread>

#include "config/config.h"
#include "hash/content_hash.h"
#include "build/build_report.h"
#include "cli/delivery_journal.h"
#include "build/file_output.h"
#include "build/run_context.h"
#include "text/bidi.h"
#include "util/file_state.h"
#include "util/text.h"

namespace handout {
namespace {

constexpr const char* kEmailKeys[] = {"email_subject", "email_greeting", "email_body", "email_locked",
                                      "email_attachment"};

std::string plural(std::size_t n, const std::string& one) { return std::to_string(n) + " " + one + (n == 1 ? "" : "s"); }

// "<file>:<line>:<col>: <kind>: visit <id>: <message>": a row's place and id, nothing of its data.
void visit_message(std::ostream& err, const PatientVisit& v, const char* kind, const std::string& message) {
  err << format_diagnostic(Diagnostic{v.pos.file, v.pos.line, v.pos.col,
                                      kind == std::string("error") ? Severity::Error : Severity::Warning,
                                      "visit " + v.id + ": " + message})
      << "\n";
}

std::string hex_colour(const Color& c) {
  static const char* digits = "0123456789ABCDEF";
  std::string out = "#";
  for (const int v : {c.r, c.g, c.b}) out += digits[v >> 4], out += digits[v & 15];
  return out;
}

// A clinic's name as a piece of a file name: spaces and the characters file systems refuse
// become '-'; letters of any script stay.
std::string file_name_piece(const std::string& name) {
  std::string out;
  for (const char c : name) {
    const bool bad = c == ' ' || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
                     c == '>' || c == '|' || static_cast<unsigned char>(c) < 0x20;
    if (!bad)
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "handout" : out;
}

std::string random_hex(int bytes) {
  std::random_device device;
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < bytes; ++i) {
    const unsigned b = device() & 0xFF;
    out += kHex[b >> 4], out += kHex[b & 15];
  }
  return out;
}

std::string new_message_id(const ClinicConfig& config) {
  const std::string& from = config.email.from_address;
  return random_hex(16) + "@" + from.substr(from.find('@') + 1);
}

// The SMTP password: from the environment variable the config names, or from a file that only
// its owner (this user) can read. False with an error at the config's key.
bool smtp_password(const SmtpConfig& s, std::string& out, std::ostream& err) {
  auto fail = [&](const std::string& message) {
    err << format_diagnostic(Diagnostic{s.password_pos.file, s.password_pos.line, s.password_pos.col, Severity::Error,
                                        message})
        << "\n";
    return false;
  };
  if (!s.password_env.empty()) {
    const char* value = std::getenv(s.password_env.c_str());
    if (!value || !*value) return fail("the environment variable " + s.password_env + " (password_env) is not set");
    out = value;
    return true;
  }
  if (s.password_file.empty()) return true;
  const int fd = ::open(s.password_file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    return fail("cannot read the password file '" + s.password_file + "' (a regular file, not a link)");
  }
  if (st.st_uid != ::geteuid() || (st.st_mode & 077) != 0) {
    ::close(fd);
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return fail("the password file '" + s.password_file + "' must be yours and readable by you alone (it is mode " +
                mode + (st.st_uid != ::geteuid() ? ", another user's" : "") + "): chmod 600 it");
  }
  char buffer[4096];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  ::close(fd);
  if (n <= 0) return fail("the password file '" + s.password_file + "' is empty");
  out.assign(buffer, static_cast<std::size_t>(n));
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return true;
}

// What to do with a visit's message, from the journal and --resend.
enum class Plan { kSend, kAlreadyDone, kInDoubt, kChanged };

struct Pending {
  const VisitHandouts* handouts;
  mail::Message message;
  std::string hash;
  Plan plan = Plan::kSend;
  const JournalState* state = nullptr;
  bool resend = false;
  DeliveryRecord* record = nullptr;
};

std::string when(const JournalState& s) { return s.time.empty() ? "" : " (" + s.time + ")"; }

}  // namespace

bool wants_delivery(const BuildOptions& opt) { return opt.send || !opt.email_out.empty() || opt.dry_run; }

bool check_delivery(const RunContext& run, const std::vector<PatientVisit>& visits, const BuildOptions& opt,
                    std::ostream& err) {
  if (!wants_delivery(opt)) return true;
  const ClinicConfig& c = run.in.config;
  Diagnostics diags;
  const bool makes = opt.send || !opt.email_out.empty();
  const auto emailed = std::count_if(visits.begin(), visits.end(), [](const auto& v) { return v.delivery == "email"; });
  if (makes && emailed > 0 && !c.email.present)
    diags.error(c.path, 0, 0, "messages to patients need the config's 'email:' (from, and smtp: to send)");
  if (opt.send && c.email.present && !c.email.has_smtp)
    diags.error(c.email.pos, "--send needs 'smtp:' in 'email:' (the server to send through)");
  if (c.email.present && c.email.password_hint.empty())
    for (const auto& v : visits)
      if (v.delivery == "email" && !v.password.empty()) {
        diags.error(c.email.pos, "visit " + v.id + " has a password: its message must say how the patient gets it "
                                 "(add 'password_hint' to 'email:'; the password itself is never in a message)");
        break;
      }
  if (!opt.email_out.empty()) {
    const std::string eml = absolute_path(opt.email_out), published = absolute_path(c.output_dir);
    if (eml == published || eml.rfind(published + "/", 0) == 0)
      diags.error("--email-out", 0, 0, "the messages' folder '" + opt.email_out + "' is inside the published output "
                                       "folder '" + c.output_dir + "': a patient's message must never be published");
  }
  for (const auto& id : opt.resend) {
    const bool known = std::any_of(visits.begin(), visits.end(), [&](const auto& v) { return v.id == id && v.delivery == "email"; });
    if (!known) diags.error("--resend", 0, 0, "no visit '" + id + "' to email in " + opt.patients_path);
  }
  err << diags.to_string();
  if (diags.error_count() > 0) return false;
  std::string password;
  return !opt.send || emailed == 0 || smtp_password(c.email.smtp, password, err);
}

bool compose_message(const ClinicConfig& config, const PatientVisit& visit, const Strings& strings,
                     std::size_t attachments, mail::Message& out, std::string& error) {
  for (const char* key : kEmailKeys)
    if (strings.get(key).empty())
      return error = std::string("the strings file of '") + visit.language + "' has no '" + key +
                     "', which messages to patients use",
             false;
  const EmailConfig& e = config.email;
  const std::string clinic = e.clinic_name.empty() ? config.clinic.name : e.clinic_name;
  out.from_name = e.from_name.empty() ? clinic : e.from_name;
  out.from_address = e.from_address;
  out.reply_to = e.reply_to;
  out.to_name = visit.name;
  out.to_address = visit.email;
  out.language = visit.language;
  out.subject = fill_template(strings.get("email_subject"), {{"clinic", clinic}});
  const std::string greeting = strings.get("email_greeting");
  const std::string body = fill_template(strings.get("email_body"), {{"clinic", clinic}});
  const bool locked = !visit.password.empty();
  const std::string hint = localized_for(e.password_hint, visit.language);
  const std::string signature = localized_for(e.signature, visit.language);
  std::string text = greeting + "\n\n" + body + "\n";
  if (locked) text += "\n" + strings.get("email_locked") + (hint.empty() ? "" : " " + hint) + "\n";
  if (!signature.empty()) text += "\n-- \n" + signature + (signature.back() == '\n' ? "" : "\n");
  out.text = text;

  const std::string colour = hex_colour(config.brand.primary);
  const bool rtl = is_rtl_language(visit.language);
  std::string signature_html;
  for (std::size_t start = 0; start < signature.size();) {
    const auto end = std::min(signature.find('\n', start), signature.size());
    signature_html += (signature_html.empty() ? "" : "<br>") + html_escape(signature.substr(start, end - start));
    start = end + 1;
  }
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + html_escape(visit.language) + "\" dir=\"" +
                     (rtl ? "rtl" : "ltr") + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                     html_escape(out.subject) + "</title>\n</head>\n" +
                     "<body style=\"margin:0;padding:24px;background:#f4f4f4;font-family:'Noto Sans',Arial,sans-serif;"
                     "font-size:16px;line-height:1.5;color:#222222\">\n"
                     "<div style=\"max-width:600px;margin:0 auto;background:#ffffff;border-top:6px solid " +
                     colour + ";padding:24px\">\n<h1 style=\"margin:0 0 16px;font-size:22px;color:" + colour + "\">" +
                     html_escape(clinic) + "</h1>\n<p>" + html_escape(greeting) + "</p>\n<p>" + html_escape(body) +
                     "</p>\n";
  if (locked)
    html += "<p style=\"padding:12px;border-inline-start:4px solid " + colour + ";background:#f7f7f7\">" +
            html_escape(strings.get("email_locked")) + (hint.empty() ? "" : " " + html_escape(hint)) + "</p>\n";
  if (!signature.empty()) html += "<p style=\"margin-top:24px;color:#444444\">" + signature_html + "</p>\n";
  html += "</div>\n</body>\n</html>\n";
  out.html = html;

  out.attachments.clear();
  const std::string piece = file_name_piece(clinic);
  for (std::size_t i = 0; i < attachments; ++i)
    out.attachments.push_back(
        {fill_template(strings.get("email_attachment"), {{"clinic", piece}, {"n", std::to_string(i + 1)}}) + ".pdf", "",
         "application/pdf"});
  return true;
}

std::string message_hash(const mail::Message& m, const std::vector<std::uint64_t>& plain_hashes) {
  std::string canonical = m.subject + '\0' + m.text + '\0' + m.html + '\0' + m.from_address + '\0';
  for (std::size_t i = 0; i < m.attachments.size(); ++i)
    canonical += m.attachments[i].filename + '\0' + (i < plain_hashes.size() ? hash_hex(plain_hashes[i]) : "") + '\0';
  const auto h = content_hash_128(canonical);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (const unsigned char b : h) out += kHex[b >> 4], out += kHex[b & 15];
  return out;
}

namespace {

// The run's counts, for the closing line.
struct Counts {
  int sent = 0, written = 0, done = 0, in_doubt = 0, changed = 0, failed = 0, not_sent = 0;
  int new_in_doubt = 0;  // in doubt since this run
};

std::string summary(const Counts& n, bool dry_run, bool eml) {
  std::string out = "messages: ";
  if (dry_run)
    out += std::to_string(n.sent) + (eml ? " would be written" : " would be sent");
  else if (eml)
    out += std::to_string(n.written) + " written";
  else
    out += std::to_string(n.sent) + " sent";
  out += ", " + std::to_string(n.done) + " already delivered, " + std::to_string(n.in_doubt) + " in doubt, " +
         std::to_string(n.changed) + " changed since delivered, " + std::to_string(n.failed) + " failed";
  if (n.not_sent > 0) out += ", " + std::to_string(n.not_sent) + " not sent";
  return out;
}

// Reads a visit's copies back from the personal copies' folder (as encrypted, if they are).
bool attach_files(const RunContext& run, const VisitHandouts& h, mail::Message& m, std::string& error) {
  for (std::size_t i = 0; i < h.pdfs.size() && i < m.attachments.size(); ++i)
    if (!read_own_file(join_path(run.in.config.patients_output_dir, h.pdfs[i]), 1LL << 30, m.attachments[i].bytes))
      return error = "cannot read its copy " + join_path(run.in.config.patients_output_dir, h.pdfs[i]), false;
  return true;
}

// Sends each pending message through one session: the rate limit between messages, retries
// with a doubling wait after a temporary failure, the journal before and after each.
struct Sender {
  const RunContext& run;
  const mail::Api& api;
  DeliveryJournal& journal;
  std::ostream& out;
  std::ostream& err;
  bool quiet;
  Counts& counts;
  std::unique_ptr<mail::Session> session;
  std::chrono::steady_clock::time_point next_start{};
  bool stopped = false;        // the server cannot be used: the rest are not sent
  std::string stop_reason;

  void finish_not_sent(Pending& p, const std::string& detail) {
    p.record->status = "not sent";
    p.record->reply = detail;
    ++counts.not_sent;
  }

  // True when the message was taken, or its fate is known and final for this run.
  void send(Pending& p, const std::string& data) {
    const SmtpConfig& s = run.in.config.email.smtp;
    const PatientVisit& v = *p.handouts->visit;
    std::string error;
    if (!journal.record(v.id, "sending", p.hash, p.message.message_id, "smtp", "", error)) {
      err << error << "\n";
      stopped = true, stop_reason = "the journal cannot be written";
      return finish_not_sent(p, "");
    }
    double wait = s.retry_seconds;
    for (int attempt = 0;; ++attempt) {
      std::this_thread::sleep_until(next_start);
      next_start = std::chrono::steady_clock::now() +
                   std::chrono::microseconds(static_cast<long long>(60e6 / s.messages_per_minute));
      const mail::SendResult r = session->send(run.in.config.email.from_address, v.email, data);
      p.record->reply = r.reply;
      const bool retry = (r.outcome == mail::Outcome::kTemporary || r.outcome == mail::Outcome::kUnreachable) &&
                         attempt < s.retries;
      if (retry) {
        visit_message(err, v, "warning", r.problem + ": trying again in " + std::to_string(wait).substr(0, std::to_string(wait).find('.') + 2) + " s");
        std::this_thread::sleep_for(std::chrono::duration<double>(wait));
        wait *= 2;
        continue;
      }
      switch (r.outcome) {
        case mail::Outcome::kSent:
          journal.record(v.id, "sent", p.hash, p.message.message_id, "smtp", r.reply, error);
          p.record->status = "sent";
          ++counts.sent;
          if (!quiet)
            out << "sent " << v.id << " (" << v.language << ", " << plural(p.handouts->pdfs.size(), "attachment")
                << ")\n";
          return;
        case mail::Outcome::kInDoubt:
          journal.record(v.id, "in-doubt", p.hash, p.message.message_id, "smtp", r.reply, error);
          p.record->status = "in doubt";
          ++counts.in_doubt, ++counts.new_in_doubt;
          visit_message(err, v, "error", r.problem + ": it may have arrived. Not sent again: --resend " + v.id +
                                             " sends it again under the same Message-ID");
          return;
        case mail::Outcome::kPermanent:
          journal.record(v.id, "refused", p.hash, p.message.message_id, "smtp", r.reply, error);
          p.record->status = "refused";
          ++counts.failed;
          visit_message(err, v, "error", r.problem + ": not sent (check the row's 'email'; a rerun tries again)");
          return;
        case mail::Outcome::kTemporary:
          journal.record(v.id, "not-sent", p.hash, p.message.message_id, "smtp", r.reply, error);
          p.record->status = "not sent";
          ++counts.failed;
          visit_message(err, v, "error", r.problem + " after " + std::to_string(s.retries + 1) + (s.retries == 0 ? " try" : " tries") + ": not sent (a rerun "
                                                     "sends it)");
          return;
        case mail::Outcome::kUnreachable:
        case mail::Outcome::kTls:
        case mail::Outcome::kLogin:
          journal.record(v.id, "not-sent", p.hash, p.message.message_id, "smtp", r.reply, error);
          stopped = true;
          stop_reason = r.problem;
          err << format_diagnostic(Diagnostic{s.pos.file, s.pos.line, s.pos.col, Severity::Error,
                                              r.problem + ": no message was sent after this"})
              << "\n";
          return finish_not_sent(p, r.reply);
      }
    }
  }
};

}  // namespace

int deliver(const RunContext& run, const std::vector<VisitHandouts>& visits, const BuildOptions& opt,
            std::ostream& out, std::ostream& err, std::vector<DeliveryRecord>& records) {
  const ClinicConfig& c = run.in.config;
  const bool quiet = opt.report_style == ReportStyle::Quiet;
  const bool eml = !opt.email_out.empty();
  const char* channel = eml ? "eml" : "smtp";
  int exit_code = kExitOk;
  Counts counts;
  // The journal: locked for the run; a dry run only reads it.
  DeliveryJournal journal;
  if (opt.dry_run) {
    journal.read_only(c.patients_output_dir);
  } else if (std::string error; !journal.open(c.patients_output_dir, error)) {
    err << error << "\n";
    return kExitConfigError;
  }
  records.reserve(records.size() + visits.size());
  std::vector<Pending> pending;
  for (const auto& h : visits) {
    const PatientVisit& v = *h.visit;
    records.push_back({v.id, v.language, static_cast<int>(h.pdfs.size()), v.delivery, ""});
    DeliveryRecord& rec = records.back();
    if (v.delivery != "email") continue;
    if (!h.complete || !h.strings) {
      rec.status = "not sent", ++counts.failed, exit_code = kExitSomeFailed;
      visit_message(err, v, "error", "its handouts could not all be built: no message");
      continue;
    }
    Pending p{&h, {}, "", Plan::kSend, journal.find(v.id), false, &rec};
    if (std::string error; !compose_message(c, v, *h.strings, h.pdfs.size(), p.message, error)) {
      rec.status = "failed", ++counts.failed, exit_code = kExitSomeFailed;
      visit_message(err, v, "error", error);
      continue;
    }
    p.hash = message_hash(p.message, h.plain_hashes);
    p.resend = std::find(opt.resend.begin(), opt.resend.end(), v.id) != opt.resend.end();
    const JournalState* s = p.state;
    const bool same = s && s->hash == p.hash;
    // The same message keeps its Message-ID (a resend of one in doubt is recognisably the same).
    p.message.message_id = same && !s->message_id.empty() ? s->message_id : new_message_id(c);
    if (s && s->in_doubt()) p.plan = Plan::kInDoubt;
    else if (s && s->delivered()) p.plan = same ? Plan::kAlreadyDone : Plan::kChanged;
    if (p.resend) p.plan = Plan::kSend;
    switch (p.plan) {
      case Plan::kSend:
        break;
      case Plan::kAlreadyDone:
        rec.status = s->event == "sent" ? "already sent" : "already written", ++counts.done;
        if (!quiet) out << rec.status << " " << v.id << when(*s) << "\n";
        continue;
      case Plan::kInDoubt:
        rec.status = "in doubt", ++counts.in_doubt;
        visit_message(err, v, "warning", "its message is in doubt" + when(*s) + ": the connection ended after it was "
                                         "sent, before the server answered, so it may have arrived. Not sent again: "
                                         "--resend " + v.id + " sends it again under the same Message-ID");
        continue;
      case Plan::kChanged:
        rec.status = "changed since delivered", ++counts.changed;
        visit_message(err, v, "warning", "its handouts or message changed since it was " +
                                         std::string(s->event == "sent" ? "sent" : "written") + when(*s) +
                                         ": not sent again (--resend " + v.id + " sends the new one)");
        continue;
    }
    pending.push_back(std::move(p));
  }
  if (opt.dry_run) {
    for (auto& p : pending) {
      const PatientVisit& v = *p.handouts->visit;
      p.record->status = eml ? "would write" : "would send", ++counts.sent;
      out << (eml ? "would write " + join_path(opt.email_out, v.id + ".eml") : "would send " + v.id) << " ("
          << v.language << ", " << plural(p.message.attachments.size(), "attachment") << ")"
          << (p.state && p.state->in_doubt() ? " again, under the same Message-ID" : "") << "\n";
    }
    if (!quiet) out << summary(counts, true, eml) << "\n";
    return exit_code;
  }
  if (pending.empty()) {
    if (!quiet && counts.done + counts.in_doubt + counts.changed + counts.failed > 0)
      out << summary(counts, false, eml) << "\n";
    return exit_code;
  }
  std::string error;
  const mail::Api* api = mail::mail_api(error);
  if (!api) {
    err << "error: " << error << ": no message was made\n";
    for (auto& p : pending) p.record->status = "not sent", ++counts.not_sent;
    return kExitSomeFailed;
  }
  std::optional<Sender> sender;
  if (!eml) {
    mail::SmtpSettings settings;
    const SmtpConfig& s = c.email.smtp;
    settings.host = s.host, settings.port = s.port, settings.security = s.security, settings.ca_file = s.ca_file;
    settings.username = s.username, settings.timeout_seconds = s.timeout_seconds;
    if (!smtp_password(s, settings.password, err)) return kExitConfigError;
    sender.emplace(Sender{run, *api, journal, out, err, quiet, counts, api->open(settings), {}, false, ""});
  }
  for (auto& p : pending) {
    const PatientVisit& v = *p.handouts->visit;
    if (sender && sender->stopped) {
      sender->finish_not_sent(p, "");
      continue;
    }
    p.message.date = static_cast<std::int64_t>(std::time(nullptr));
    std::string data;
    if (!attach_files(run, *p.handouts, p.message, error) || !api->build(p.message, data, error)) {
      p.record->status = "failed", ++counts.failed;
      visit_message(err, v, "error", error);
      continue;
    }
    p.message.attachments.clear();  // the bytes are in `data` now
    if (sender) {
      sender->send(p, data);
      continue;
    }
    if (!write_output_file(opt.email_out, v.id + ".eml", data, error, kPrivateModes) ||
        !journal.record(v.id, "written", p.hash, p.message.message_id, channel, "", error)) {
      p.record->status = "failed", ++counts.failed;
      visit_message(err, v, "error", "its message was not written: " + error);
      continue;
    }
    p.record->status = "written", ++counts.written;
    if (!quiet)
      out << "wrote " << join_path(opt.email_out, v.id + ".eml") << " (" << v.language << ", "
          << plural(p.handouts->pdfs.size(), "attachment") << ")\n";
  }
  if (sender && sender->stopped && counts.not_sent > 1)
    err << "error: " << counts.not_sent << " messages not sent (" << sender->stop_reason
        << "); a rerun sends them\n";
  if (!quiet) out << summary(counts, false, eml) << "\n";
  if (counts.failed + counts.not_sent > 0 || counts.new_in_doubt > 0) exit_code = kExitSomeFailed;
  return exit_code;
}

std::string deliveries_json(const std::vector<DeliveryRecord>& records) {
  if (records.empty()) return "";
  std::string out = ",\n  \"deliveries\": [\n";
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    out += "    {\"visit\": " + json_string(r.visit) + ", \"language\": " + json_string(r.language) +
           ", \"attachments\": " + std::to_string(r.attachments) + ", \"status\": " + json_string(r.status) +
           (r.reply.empty() ? "" : ", \"reply\": " + json_string(r.reply)) + "}" + (i + 1 < records.size() ? ",\n" : "\n");
  }
  return out + "  ]";
}

}  // namespace handout
