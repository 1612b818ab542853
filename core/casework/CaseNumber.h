#pragma once

#include <QDate>
#include <QString>

namespace casedesk {

// Case numbers issued at the counter, offline too, unique by construction (DESIGN §6):
// <branch code>-<yyyymmdd>-<device code><4-digit sequence>, e.g. SH01-20261124-A0007.
class CaseNumber
{
public:
    static QString prefix(const QString &branchCode, QDate date, const QString &deviceCode);
    static QString format(const QString &branchCode, QDate date, const QString &deviceCode, int sequence);
    static bool isWellFormed(const QString &number);
    // Device codes in the order the server hands them out: A … Z, then AA, AB … ZZ.
    static QString deviceCode(int index);
};

} // namespace casedesk
