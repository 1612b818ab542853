#pragma once

#include "base/Result.h"
#include "casework/AccessPolicy.h"
#include "casework/CaseChange.h"
#include "domain/CorrectiveAction.h"
#include "sync/SyncOp.h"
#include "workflow/TransitionRequest.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace casedesk {

class CaseService;
class OutboxStore;
class Clock;

// The client's way to change cases (DESIGN §6): each action is applied to the local store by the
// same CaseService rules the server uses and, in the same transaction, queued as a SyncOp in the
// outbox. The user never waits for the network; SyncEngine pushes the outbox later.
class OfflineCasework
{
    Q_DECLARE_TR_FUNCTIONS(OfflineCasework)

public:
    OfflineCasework(CaseService &service, OutboxStore &outbox, const Clock &clock);

    Result<CaseChange> createCase(const QJsonObject &input, const AccessPolicy &access, const QString &deviceCode);
    Result<CaseChange> updateCase(
        const QString &caseId, const QJsonObject &fields, qint64 baseRevision, const AccessPolicy &access);
    Result<CaseChange> transition(
        const QString &caseId, const TransitionRequest &request, qint64 baseRevision, const AccessPolicy &access);
    Result<CaseChange> perform(
        const QString &caseId, const QString &action, const QJsonObject &params, const AccessPolicy &access);
    Result<CaseChange> appendRecord(
        const QString &caseId, const QString &kind, const QJsonObject &data, const AccessPolicy &access);
    // A corrective action of a case (input carries case_id), new when actionId is not yet known here.
    Result<CorrectiveAction> saveCorrectiveAction(
        const QString &actionId, const QJsonObject &input, const AccessPolicy &access);

private:
    Result<CaseChange> submit(const SyncOp &op, const QString &caseId, const QString &summary,
        const AccessPolicy &access, const QString &deviceCode);

    CaseService &m_service;
    OutboxStore &m_outbox;
    const Clock &m_clock;
};

} // namespace casedesk
