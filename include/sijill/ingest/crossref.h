// Cross-references and Markdown safety for the text of a report (docs/repository-format.md):
// UN document symbols become relative links to their report ("[A/64/L.64](a-64-l.64.md)"),
// footnote markers become GFM footnote references ("(١)" → "[^1]", "*" → "[^star]"), and
// characters Markdown would read as syntax are escaped. Resolution numbers and dates are left
// as text: the analyzer recognises them.
#pragma once

#include <set>
#include <string>

namespace sijill::ingest {

// Backslash-escapes [ ] * _ ` < > | and, at the start of the line, # + - = and "N." / "N)".
std::string EscapeMarkdown(const std::string& text);
// CORPUS.md §5's symbol pattern; each match becomes "[SYM](<slug>.md)". Run after escaping.
std::string LinkSymbols(const std::string& text);
// "(N)" with N (Arabic-Indic or ASCII digits) in `labels` → "[^N]"; "\*" → "[^star]" when
// "star" is a label. Run after escaping.
std::string LinkFootnoteReferences(const std::string& text, const std::set<std::string>& labels);

}  // namespace sijill::ingest
