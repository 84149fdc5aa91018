// The delivery journal: what became of each visit's message, so that no message is sent twice
// and none is lost. One file in the personal copies' folder, delivery-journal.tsv, appended to
// and synced line by line; it holds visit ids, hashes, Message-IDs and statuses, never an
// address, a name or a note.
#pragma once
#include <map>
#include <string>

namespace handout {

/// The journal's file name in the personal copies' folder.
inline constexpr const char* kJournalName = "delivery-journal.tsv";

/// A visit's message as the journal last saw it.
struct JournalState {
  /// The last event: "sending" (the data was about to go out: with no later event the run was
  /// killed, so the message is in doubt), "sent", "in-doubt", "refused", "not-sent", "written".
  std::string event;
  std::string hash;        ///< of the message's bodies and attachments (not its Date)
  std::string message_id;
  std::string channel;     ///< "smtp" or "eml"
  std::string time;        ///< UTC, when the event was recorded
  /// Sent or written: the patient has (or will have) this message.
  bool delivered() const { return event == "sent" || event == "written"; }
  /// Its fate is unknown: it may have reached the server.
  bool in_doubt() const { return event == "sending" || event == "in-doubt"; }
};

/// The journal of one personal copies' folder, locked for the run (flock) so that two runs
/// never deliver the same visits at once.
class DeliveryJournal {
 public:
  DeliveryJournal() = default;
  ~DeliveryJournal();
  DeliveryJournal(const DeliveryJournal&) = delete;
  DeliveryJournal& operator=(const DeliveryJournal&) = delete;

  /// Opens (creating, 0600) `dir`/delivery-journal.tsv, locks it and reads it; false with `error`.
  bool open(const std::string& dir, std::string& error);
  /// Reads the journal at `dir` without creating or locking it (--dry-run); false when absent.
  bool read_only(const std::string& dir);
  /// The visit's last state, or null when the journal has none.
  const JournalState* find(const std::string& visit_id) const;
  /// Appends an event and waits for the disk (fdatasync); false with `error`.
  bool record(const std::string& visit_id, const std::string& event, const std::string& hash,
              const std::string& message_id, const std::string& channel, const std::string& reply, std::string& error);
  const std::string& path() const { return path_; }

 private:
  void parse(const std::string& text);
  int fd_ = -1;
  std::string path_;
  std::map<std::string, JournalState> states_;
};

/// Parses a journal's text into each visit's last state (lines that are not whole are skipped:
/// a line cut short by a crash is one whose send never started).
std::map<std::string, JournalState> parse_journal(const std::string& text);

}  // namespace handout
