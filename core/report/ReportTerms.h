#pragma once

#include "domain/CaseStatus.h"
#include "domain/LocalizedText.h"
#include "domain/Priority.h"

#include <QString>

namespace casedesk {

// Names of fixed codes in both languages for printed documents and exports. Documents choose their
// language per request (a server renders Chinese and English side by side), so they cannot rely on the
// process-wide translator that tr() uses; these pairs are the printed vocabulary (BRIEF §6, §7).
class ReportTerms
{
public:
    static LocalizedText status(CaseStatus status);
    static LocalizedText priority(Priority priority);
    // Values of record fields: visit satisfaction and solved, contact/reply methods, yes/no.
    static LocalizedText satisfaction(const QString &code);
    static LocalizedText solved(const QString &code);
    static LocalizedText method(const QString &code);
    static LocalizedText yesNo(bool value);
    static LocalizedText correctiveStatus(const QString &code);
    // A pair written in place: term(u"受理", u"Received").
    static LocalizedText term(const char16_t *zh, const char16_t *en);
};

} // namespace casedesk
