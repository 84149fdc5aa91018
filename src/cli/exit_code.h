// What every command returns to the shell.
#pragma once

namespace handout {

/// Exit codes: 0 done; 1 some handouts (or files, or messages) failed; 2 nothing was done
/// (bad command line, config or input that stops the whole run).
enum ExitCode { kExitOk = 0, kExitSomeFailed = 1, kExitConfigError = 2 };

}  // namespace handout
