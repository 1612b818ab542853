#pragma once

#include "base/Result.h"
#include "sync/ChangeFeed.h"

namespace casedesk {

class CaseStore;
class OutboxStore;

// The client side of pull (DESIGN §6): applies one page of changes and its cursor in one
// transaction, so a crash mid-page repeats the page instead of skipping it. A case with ops still
// waiting in the outbox keeps its local state; the server's version arrives after the push.
class ChangeApplier
{
public:
    ChangeApplier(CaseStore &cases, OutboxStore &outbox);
    Status apply(const ChangePage &page);
    // Writes a case the server sent in a push answer (conflict or refusal) over the local copy.
    Status applyCase(const QJsonObject &caseJson);

private:
    CaseStore &m_cases;
    OutboxStore &m_outbox;
};

} // namespace casedesk
