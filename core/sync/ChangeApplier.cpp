#include "sync/ChangeApplier.h"

#include "casework/CaseJson.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"
#include "sync/OutboxStore.h"

namespace casedesk {

ChangeApplier::ChangeApplier(CaseStore &cases, OutboxStore &outbox)
    : m_cases(cases)
    , m_outbox(outbox)
{ }

Status ChangeApplier::apply(const ChangePage &page)
{
    auto transaction = m_cases.database().transaction();
    auto pending = m_outbox.pendingCaseIds();
    if (!pending)
        return pending.error();
    for (const Change &change : page.changes) {
        if (change.data.isEmpty())
            continue;
        Status written;
        if (change.kind == QLatin1String("case")) {
            if (pending->contains(change.id))
                continue;
            written = m_cases.upsertCase(CaseJson::fromJson(change.data));
        } else if (change.kind == QLatin1String("record")) {
            written = m_cases.upsertRecord(CaseJson::recordFromJson(change.data));
        } else if (change.kind == QLatin1String("audit")) {
            written = m_cases.upsertAudit(CaseJson::auditFromJson(change.data));
        } else if (change.kind == QLatin1String("corrective_action")) {
            written = m_cases.saveCorrectiveAction(CaseJson::correctiveActionFromJson(change.data));
        }
        if (!written)
            return written;
    }
    if (auto ok = m_outbox.setCursor(page.next); !ok)
        return ok;
    return transaction.commit();
}

Status ChangeApplier::applyCase(const QJsonObject &caseJson)
{
    if (caseJson.isEmpty())
        return {};
    return m_cases.upsertCase(CaseJson::fromJson(caseJson));
}

} // namespace casedesk
