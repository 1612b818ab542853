#include "sync/SyncOpApplier.h"

#include "base/JsonReader.h"
#include "casework/CaseService.h"

namespace casedesk {

SyncOpApplier::SyncOpApplier(CaseService &service, CaseJson::Options json)
    : m_service(service)
    , m_json(std::move(json))
{ }

bool SyncOpApplier::isInfrastructureError(const Error &error)
{
    return error.code.startsWith(QLatin1String("database_")) || error.code.startsWith(QLatin1String("transaction_"));
}

Result<CaseChange> SyncOpApplier::execute(
    const SyncOp &op, const AccessPolicy &access, const QString &deviceCode, CaseService::Merge merge) const
{
    JsonReader reader(op.payload);
    if (op.kind == QLatin1String("case.create")) {
        QJsonObject input = op.payload;
        input.insert(QStringLiteral("id"), op.entityId);
        return m_service.create(input, access, deviceCode);
    }
    if (op.kind == QLatin1String("case.update")) {
        const QJsonObject fields = reader.object(QStringLiteral("fields"), true);
        reader.rejectUnknown({QStringLiteral("fields")});
        if (!reader.ok())
            return reader.error();
        return m_service.update(op.entityId, fields, op.baseRevision, access, merge);
    }
    if (op.kind == QLatin1String("case.transition")) {
        TransitionRequest request;
        const auto to = fromCode<CaseStatus>(reader.string(QStringLiteral("to"), true));
        request.reason = reader.string(QStringLiteral("reason"));
        request.voluntary = reader.optionalBoolean(QStringLiteral("voluntary"));
        reader.rejectUnknown({QStringLiteral("to"), QStringLiteral("reason"), QStringLiteral("voluntary")});
        if (reader.ok() && !to)
            reader.invalid(QStringLiteral("to"), SyncOp::tr("“to” must be a case status."));
        if (!reader.ok())
            return reader.error();
        request.to = *to;
        return m_service.transition(op.entityId, request, op.baseRevision, access);
    }
    if (op.kind == QLatin1String("case.action")) {
        const QString action = reader.string(QStringLiteral("action"), true);
        const QJsonObject params = reader.object(QStringLiteral("params"));
        reader.rejectUnknown({QStringLiteral("action"), QStringLiteral("params")});
        if (!reader.ok())
            return reader.error();
        return m_service.perform(op.entityId, action, params, access);
    }
    if (op.kind == QLatin1String("record.append")) {
        const QString caseId = reader.string(QStringLiteral("case_id"), true);
        const QString kind = reader.string(QStringLiteral("kind"), true);
        const QJsonObject data = reader.object(QStringLiteral("data"), true);
        reader.rejectUnknown({QStringLiteral("case_id"), QStringLiteral("kind"), QStringLiteral("data")});
        if (!reader.ok())
            return reader.error();
        return m_service.appendRecord(caseId, kind, data, access, op.entityId);
    }
    return Error {QStringLiteral("invalid_value"), SyncOp::tr("“%1” is not a kind of sync operation.").arg(op.kind),
        {{QStringLiteral("field"), QStringLiteral("kind")}}};
}

Result<SyncOpResult> SyncOpApplier::apply(const SyncOp &op, const AccessPolicy &access, const QString &deviceCode) const
{
    SyncOpResult result;
    result.opId = op.opId;
    if (op.kind == QLatin1String("corrective_action.save")) {
        const auto saved = m_service.saveCorrectiveAction(op.payload, access, op.entityId);
        if (!saved) {
            if (isInfrastructureError(saved.error()))
                return saved.error();
            result.status = SyncOpResult::Status::Rejected;
            result.error = saved.error();
            return result;
        }
        result.revision = saved->revision;
        result.current = CaseJson::toJson(*saved);
        return result;
    }
    const Result<CaseChange> change = execute(op, access, deviceCode, CaseService::Merge::PerField);
    if (!change) {
        if (isInfrastructureError(change.error()))
            return change.error();
        if (change.error().code == QLatin1String("conflict")) {
            result.status = SyncOpResult::Status::Conflict;
            auto current = m_service.read(op.entityId, access);
            if (current)
                result.current = CaseJson::toJson(*current, m_json);
        } else {
            result.status = SyncOpResult::Status::Rejected;
        }
        result.error = change.error();
        return result;
    }
    result.revision = change->current.revision;
    result.current = CaseJson::toJson(change->current, m_json);
    if (!change->conflicts.isEmpty()) {
        result.status = SyncOpResult::Status::Conflict;
        result.conflicts = change->conflicts;
        result.error = {QStringLiteral("conflict"),
            SyncOp::tr("Someone else changed %1 meanwhile; your other changes were applied.")
                .arg(change->conflicts.join(QStringLiteral(", "))),
            {}};
    }
    return result;
}

} // namespace casedesk
