#include "casework/CaseNumber.h"

#include <QRegularExpression>

namespace casedesk {

QString CaseNumber::prefix(const QString &branchCode, QDate date, const QString &deviceCode)
{
    return QStringLiteral("%1-%2-%3").arg(branchCode, date.toString(QStringLiteral("yyyyMMdd")), deviceCode);
}

QString CaseNumber::format(const QString &branchCode, QDate date, const QString &deviceCode, int sequence)
{
    return prefix(branchCode, date, deviceCode) + QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
}

bool CaseNumber::isWellFormed(const QString &number)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9]{2,12}-\\d{8}-[A-Z]{1,2}\\d{4,}$"));
    return pattern.match(number).hasMatch();
}

QString CaseNumber::deviceCode(int index)
{
    if (index < 26)
        return QString(QLatin1Char(char('A' + index)));
    index -= 26;
    return QString(QLatin1Char(char('A' + (index / 26) % 26))) + QLatin1Char(char('A' + index % 26));
}

} // namespace casedesk
