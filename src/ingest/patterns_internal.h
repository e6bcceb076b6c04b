// Character classes and word lists shared by the ingest stages (CORPUS.md §5: "D = [٠-٩]").
#pragma once

namespace sijill::ingest::internal {

inline constexpr const char* kDigit = "[\\u0660-\\u0669]";                  // Arabic-Indic digits
inline constexpr const char* kLetter = "[\\u0621-\\u063A\\u0641-\\u064A]";  // Arabic letters
// Syriac month names (S) and Gregorian ones (G), CORPUS.md §5; هيوني is a split يونيه (A9).
inline constexpr const char* kSyriacMonths =
    "(?:كانون\\s+الثاني|كانون\\s+الأول|تشرين\\s+الأول|تشرين\\s+الثاني|شباط|آذار|نيسان|أيار|"
    "حزيران|تموز|آب|أيلول)";
inline constexpr const char* kGregorianMonths =
    "(?:يناير|فبراير|مارس|أبريل|مايو|يونيه|هيوني|يوليه|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)";

}  // namespace sijill::ingest::internal
