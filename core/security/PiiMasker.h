#pragma once

#include <QString>

namespace casedesk {

// Masks personal data for lists, reports and roles that may not see it in full (BRIEF §9 PIPL, DESIGN §7:
// "138****5678"). Each function reveals at most what its comment states, also for short or odd input;
// anything it does not recognise is masked more, never less. Empty input gives empty output.
class PiiMasker
{
public:
    // Mobile: first 3 and last 4 digits ("138****5678"); landline: area code and last 4 digits of the
    // local number, extension dropped ("010-****5678"); anything else: "****" plus the last 4 digits when
    // it has at least 8 digits.
    static QString maskPhone(const QString &phone);

    // Same length; 15 or more characters keep the first 3 and last 4 ("110***********1234"), 8–14 keep
    // the last 2, shorter ones keep nothing.
    static QString maskIdNumber(const QString &idNumber);

    // Keeps the first character of each word and the whole of a Chinese compound surname: "陈*", "欧阳**",
    // "J*** S****"; one-character words become "*". Separators (spaces, "·", "-") are kept.
    static QString maskName(const QString &name);

    // Generic: keeps `visiblePrefix` leading and `visibleSuffix` trailing characters, stars the rest, and
    // never reveals more than half of the characters (the suffix yields first).
    static QString maskText(const QString &text, int visiblePrefix = 1, int visibleSuffix = 0);
};

} // namespace casedesk
