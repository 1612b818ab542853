#include "sync/SyncOp.h"

#include "base/JsonReader.h"

#include <QUuid>

namespace casedesk {

const QStringList &SyncOp::kinds()
{
    static const QStringList list
        = {QStringLiteral("case.create"), QStringLiteral("case.update"), QStringLiteral("case.transition"),
            QStringLiteral("case.action"), QStringLiteral("record.append"), QStringLiteral("corrective_action.save")};
    return list;
}

QJsonObject SyncOp::toJson() const
{
    return {{QStringLiteral("op_id"), opId}, {QStringLiteral("kind"), kind}, {QStringLiteral("entity_id"), entityId},
        {QStringLiteral("base_revision"), baseRevision}, {QStringLiteral("payload"), payload}};
}

Result<SyncOp> SyncOp::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    reader.rejectUnknown({QStringLiteral("op_id"), QStringLiteral("kind"), QStringLiteral("entity_id"),
        QStringLiteral("base_revision"), QStringLiteral("payload")});
    SyncOp op;
    op.opId = reader.string(QStringLiteral("op_id"), true);
    op.kind = reader.string(QStringLiteral("kind"), true);
    op.entityId = reader.string(QStringLiteral("entity_id"), true);
    op.baseRevision = reader.integer(QStringLiteral("base_revision"), 0);
    op.payload = reader.object(QStringLiteral("payload"), true);
    if (reader.ok() && QUuid::fromString(op.opId).isNull())
        reader.invalid(QStringLiteral("op_id"), tr("“op_id” must be a UUID."));
    if (reader.ok() && !kinds().contains(op.kind))
        reader.invalid(QStringLiteral("kind"), tr("“%1” is not a kind of sync operation.").arg(op.kind));
    if (!reader.ok())
        return reader.error();
    return op;
}

} // namespace casedesk
