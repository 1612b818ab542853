#pragma once

#include "base/Error.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace casedesk {

// Turns a field-level error found while reading a rule file into one that names the file, the
// entry and the field, so an admin editing resources/ knows exactly what to fix.
class RuleFileError
{
    Q_DECLARE_TR_FUNCTIONS(RuleFileError)

public:
    static Error make(const QString &fileName, const QString &entry, const Error &fieldError);
    // A file that cannot be used at all (missing, not JSON); extra details such as line and column are kept.
    static Error unreadable(const QString &fileName, const QString &reason, const QJsonObject &extra = {});
    // Names a list entry for error messages: its id or code when it has one, else its position ("rules[3]").
    static QString entryName(const QJsonValue &entry, const QString &idKey, const QString &listPath, int index);
};

} // namespace casedesk
