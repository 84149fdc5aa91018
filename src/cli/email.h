// Messages to patients (`handout build --patients visits.csv` with an `email` column): one
// message per visit with its personal copies attached, in the patient's language, written as
// <visit id>.eml (--email-out DIR) or sent over SMTP (--send), each recorded in the delivery
// journal so that none is sent twice. Only ids, languages, counts and statuses reach the
// output, the report and the journal: never an address, a name or a note.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "config/patients.h"
#include "config/types.h"
#include "cli/build.h"
#include "mail/mail_module.h"

namespace handout {

class RunContext;

/// One visit's personal copies, once built.
struct VisitHandouts {
  const PatientVisit* visit = nullptr;
  const Strings* strings = nullptr;      ///< the visit's language's labels
  std::vector<std::string> pdfs;         ///< each copy, relative to the personal copies' folder
  std::vector<std::uint64_t> plain_hashes;  ///< each copy's hash before encryption (encryption is random)
  bool complete = true;                  ///< every copy was written
};

/// What became of one visit's message, for the report.
struct DeliveryRecord {
  std::string visit, language;
  int attachments = 0;
  std::string status;  ///< e.g. "sent", "written", "already sent", "in doubt", "refused", "print"
  std::string reply;   ///< the server's codes ("550 5.1.1"), when it answered
};

/// Whether the run makes messages at all (--send, --email-out or --dry-run).
bool wants_delivery(const BuildOptions& opt);

/// Checks, before anything is built, what sending needs: the config's `email:` (and `smtp:`
/// for --send, with its password where it says), each --resend id a visit to email. False
/// with errors in `err` (the run stops: exit 2).
bool check_delivery(const RunContext& run, const std::vector<PatientVisit>& visits, const BuildOptions& opt,
                    std::ostream& err);

/// The text and HTML of a visit's message, its subject and attachment names, from the visit's
/// strings and the config (no Date, Message-ID or bytes yet). False with an error at the row
/// when the strings lack a label.
bool compose_message(const ClinicConfig& config, const PatientVisit& visit, const Strings& strings,
                     std::size_t attachments, mail::Message& out, std::string& error);

/// The journal's hash of a message: its subject, bodies, attachment names and the copies'
/// hashes before encryption; not its Date, Message-ID or recipient.
std::string message_hash(const mail::Message& message, const std::vector<std::uint64_t>& plain_hashes);

/// Makes, writes or sends each visit's message (or, with --dry-run, says what it would do);
/// appends a record per visit to `records`. Returns an ExitCode.
int deliver(const RunContext& run, const std::vector<VisitHandouts>& visits, const BuildOptions& opt,
            std::ostream& out, std::ostream& err, std::vector<DeliveryRecord>& records);

/// The report's "deliveries" member: `,\n  "deliveries": [...]` (empty when there are none).
std::string deliveries_json(const std::vector<DeliveryRecord>& records);

}  // namespace handout
