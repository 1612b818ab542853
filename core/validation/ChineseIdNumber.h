#pragma once

#include "base/Result.h"

#include <QChar>
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>

namespace casedesk {

// Mainland resident identity card numbers (GB 11643): 18 characters whose last one is an
// ISO 7064 MOD 11-2 check character. BRIEF §2: the ID is optional at intake but, when given, must be real.
class ChineseIdNumber
{
    Q_DECLARE_TR_FUNCTIONS(ChineseIdNumber)

public:
    // Strips spaces, accepts a lower-case x and full-width characters, and returns the number in its
    // canonical form (17 digits + 0-9/X). A valid `today` also refuses birth dates after it.
    static Result<QString> normalise(const QString &text, QDate today = {});

    // The check character (0-9 or X) for 17 digits, or a null QChar when `first17` is not 17 ASCII digits.
    static QChar checkCharacter(QStringView first17);
};

} // namespace casedesk
