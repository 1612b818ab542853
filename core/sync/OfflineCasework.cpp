#include "sync/OfflineCasework.h"

#include "base/Clock.h"
#include "casework/CaseJson.h"
#include "casework/CaseService.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"
#include "sync/OutboxStore.h"
#include "sync/SyncOpApplier.h"

#include <QUuid>

namespace casedesk {

namespace {
QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

OfflineCasework::OfflineCasework(CaseService &service, OutboxStore &outbox, const Clock &clock)
    : m_service(service)
    , m_outbox(outbox)
    , m_clock(clock)
{ }

Result<CaseChange> OfflineCasework::submit(const SyncOp &op, const QString &caseId, const QString &summary,
    const AccessPolicy &access, const QString &deviceCode)
{
    auto transaction = m_service.store().database().transaction();
    // The same dispatch the server runs, so local and server outcomes agree (DESIGN §6).
    auto change = SyncOpApplier(m_service, {}).execute(op, access, deviceCode, CaseService::Merge::AllOrNothing);
    if (!change)
        return change.error();
    if (!change->written)
        return change; // nothing changed, nothing to push
    SyncOp queued = op;
    if (op.kind == QLatin1String("case.create")) {
        // The server must keep the counter's number and the real time of receipt (DESIGN §6).
        queued.payload.insert(QStringLiteral("number"), change->current.number);
        queued.payload.insert(QStringLiteral("received_at"), CaseJson::time(change->current.receivedAt));
        if (!queued.payload.contains(QStringLiteral("branch_id")))
            queued.payload.insert(QStringLiteral("branch_id"), change->current.branchId);
    }
    if (auto ok = m_outbox.enqueue(queued, caseId.isEmpty() ? change->current.id : caseId, summary, m_clock.now()); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return change;
}

Result<CaseChange> OfflineCasework::createCase(
    const QJsonObject &input, const AccessPolicy &access, const QString &deviceCode)
{
    const QString id = input.value(QStringLiteral("id")).toString(newId());
    SyncOp op {newId(), QStringLiteral("case.create"), id, 0, input};
    op.payload.remove(QStringLiteral("id"));
    return submit(op, id, tr("New complaint"), access, deviceCode);
}

Result<CaseChange> OfflineCasework::updateCase(
    const QString &caseId, const QJsonObject &fields, qint64 baseRevision, const AccessPolicy &access)
{
    SyncOp op {newId(), QStringLiteral("case.update"), caseId, baseRevision, {{QStringLiteral("fields"), fields}}};
    return submit(op, caseId, tr("Changed %1").arg(QStringList(fields.keys()).join(QStringLiteral(", "))), access, {});
}

Result<CaseChange> OfflineCasework::transition(
    const QString &caseId, const TransitionRequest &request, qint64 baseRevision, const AccessPolicy &access)
{
    QJsonObject payload {{QStringLiteral("to"), toCode(request.to)}, {QStringLiteral("reason"), request.reason}};
    if (request.voluntary)
        payload.insert(QStringLiteral("voluntary"), *request.voluntary);
    SyncOp op {newId(), QStringLiteral("case.transition"), caseId, baseRevision, payload};
    return submit(op, caseId, tr("Moved to %1").arg(toCode(request.to)), access, {});
}

Result<CaseChange> OfflineCasework::perform(
    const QString &caseId, const QString &action, const QJsonObject &params, const AccessPolicy &access)
{
    auto current = m_service.read(caseId, access);
    if (!current)
        return current.error();
    SyncOp op {newId(), QStringLiteral("case.action"), caseId, current->revision,
        {{QStringLiteral("action"), action}, {QStringLiteral("params"), params}}};
    return submit(op, caseId, tr("Action %1").arg(action), access, {});
}

Result<CaseChange> OfflineCasework::appendRecord(
    const QString &caseId, const QString &kind, const QJsonObject &data, const AccessPolicy &access)
{
    auto current = m_service.read(caseId, access);
    if (!current)
        return current.error();
    SyncOp op {newId(), QStringLiteral("record.append"), newId(), current->revision,
        {{QStringLiteral("case_id"), caseId}, {QStringLiteral("kind"), kind}, {QStringLiteral("data"), data}}};
    return submit(op, caseId, tr("Added %1").arg(kind), access, {});
}

Result<CorrectiveAction> OfflineCasework::saveCorrectiveAction(
    const QString &actionId, const QJsonObject &input, const AccessPolicy &access)
{
    auto transaction = m_service.store().database().transaction();
    auto saved = m_service.saveCorrectiveAction(input, access, actionId);
    if (!saved)
        return saved.error();
    // The op names the action, so a replay on the server updates the same one (CaseService: an unknown
    // id is created with that id).
    const SyncOp op {newId(), QStringLiteral("corrective_action.save"), saved->id, saved->revision, input};
    const QString caseId = input.value(QStringLiteral("case_id")).toString();
    if (auto ok = m_outbox.enqueue(op, caseId, tr("Corrective action: %1").arg(saved->title), m_clock.now()); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return saved;
}

} // namespace casedesk
