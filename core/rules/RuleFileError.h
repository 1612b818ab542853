#pragma once

#include "base/Error.h"

#include <QCoreApplication>

namespace casedesk {

// Turns a field-level error found while reading a rule file into one that names the file, the
// entry and the field, so an admin editing resources/ knows exactly what to fix.
class RuleFileError
{
    Q_DECLARE_TR_FUNCTIONS(RuleFileError)

public:
    static Error make(const QString &fileName, const QString &entry, const Error &fieldError);
    static Error unreadable(const QString &fileName, const QString &reason);
};

} // namespace casedesk
