#pragma once

#include "base/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace casedesk {

// The server's answer to one pushed op (DESIGN §6): applied (with the new revision), conflict
// (with the current record and the fields that clashed) or rejected (with the reason).
struct SyncOpResult
{
    enum class Status { Applied, Conflict, Rejected };

    QString opId;
    Status status = Status::Applied;
    qint64 revision = 0;
    QJsonObject current; // the record as it now is (conflicts; applied cases too)
    QStringList conflicts;
    Error error; // rejected: why; conflict: the message for the author

    QJsonObject toJson() const;
    static SyncOpResult fromJson(const QJsonObject &json);
    static QString statusCode(Status status);
};

} // namespace casedesk
