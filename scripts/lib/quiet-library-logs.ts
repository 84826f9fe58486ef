// Imported first by the command-line scripts that talk to a person (seed:demo): lib/'s log lines
// (JSON when stdout is not a terminal) would interleave with what the script prints, so only
// errors are logged unless LOG_LEVEL says otherwise; the script says what matters in its own words.
process.env.LOG_LEVEL ??= "error";
