#include "sync/SyncOpResult.h"

namespace casedesk {

QString SyncOpResult::statusCode(Status status)
{
    switch (status) {
    case Status::Applied:
        return QStringLiteral("applied");
    case Status::Conflict:
        return QStringLiteral("conflict");
    case Status::Rejected:
        break;
    }
    return QStringLiteral("rejected");
}

QJsonObject SyncOpResult::toJson() const
{
    QJsonObject json {{QStringLiteral("op_id"), opId}, {QStringLiteral("status"), statusCode(status)}};
    if (revision > 0)
        json.insert(QStringLiteral("revision"), revision);
    if (!current.isEmpty())
        json.insert(QStringLiteral("current"), current);
    if (!conflicts.isEmpty())
        json.insert(QStringLiteral("conflicts"), QJsonArray::fromStringList(conflicts));
    if (!error.code.isEmpty())
        json.insert(QStringLiteral("error"), error.toJson());
    return json;
}

SyncOpResult SyncOpResult::fromJson(const QJsonObject &json)
{
    SyncOpResult result;
    result.opId = json.value(QStringLiteral("op_id")).toString();
    const QString status = json.value(QStringLiteral("status")).toString();
    result.status = status == QLatin1String("applied") ? Status::Applied
        : status == QLatin1String("conflict")          ? Status::Conflict
                                                       : Status::Rejected;
    result.revision = json.value(QStringLiteral("revision")).toInteger();
    result.current = json.value(QStringLiteral("current")).toObject();
    for (const QJsonValue &field : json.value(QStringLiteral("conflicts")).toArray())
        result.conflicts.append(field.toString());
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    result.error = {error.value(QStringLiteral("code")).toString(), error.value(QStringLiteral("message")).toString(),
        error.value(QStringLiteral("details")).toObject()};
    return result;
}

} // namespace casedesk
