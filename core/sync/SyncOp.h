#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace casedesk {

// One change made offline-first and pushed later (DESIGN §6): the client writes it to its outbox
// in the same transaction as the change itself; the server applies it once per op_id.
// kind: case.create | case.update | case.transition | case.action | record.append | corrective_action.save
struct SyncOp
{
    Q_DECLARE_TR_FUNCTIONS(SyncOp)

public:
    QString opId; // UUID
    QString kind;
    QString entityId; // the case, record or corrective action the op is about
    qint64 baseRevision = 0; // the revision the author's change was based on
    QJsonObject payload;

    static const QStringList &kinds();
    QJsonObject toJson() const;
    static Result<SyncOp> fromJson(const QJsonObject &json);
};

} // namespace casedesk
