#include "rules/RuleFileError.h"

#include <QJsonObject>

namespace casedesk {

Error RuleFileError::make(const QString &fileName, const QString &entry, const Error &fieldError)
{
    QJsonObject details = fieldError.details;
    details.insert(QStringLiteral("file"), fileName);
    details.insert(QStringLiteral("reason"), fieldError.code);
    if (!entry.isEmpty())
        details.insert(QStringLiteral("entry"), entry);
    const QString field = details.value(QStringLiteral("field")).toString();
    const QString where = entry.isEmpty() ? tr("%1, field “%2”").arg(fileName, field)
                                          : tr("%1, entry “%2”, field “%3”").arg(fileName, entry, field);
    return {QStringLiteral("invalid_rule_file"), tr("%1: %2").arg(where, fieldError.message), details};
}

Error RuleFileError::unreadable(const QString &fileName, const QString &reason, const QJsonObject &extra)
{
    QJsonObject details = extra;
    details.insert(QStringLiteral("file"), fileName);
    return {QStringLiteral("invalid_rule_file"), tr("%1: %2").arg(fileName, reason), details};
}

QString RuleFileError::entryName(const QJsonValue &entry, const QString &idKey, const QString &listPath, int index)
{
    const QString id = entry.toObject().value(idKey).toString().trimmed();
    if (!id.isEmpty())
        return id;
    return QStringLiteral("%1[%2]").arg(listPath).arg(index);
}

} // namespace casedesk
