#pragma once

#include "base/Result.h"
#include "casework/AccessPolicy.h"
#include "casework/CaseJson.h"
#include "casework/CaseService.h"
#include "sync/SyncOp.h"
#include "sync/SyncOpResult.h"

namespace casedesk {

// Applies one sync op through CaseService, on the server (authoritative, with revisions) and in the
// client's local store alike, and classifies the outcome per DESIGN §6. The user's mistakes and
// clashes become `rejected`/`conflict` results; only a failure of the database itself is an Error,
// so the op is retried instead of being answered wrongly for good.
class SyncOpApplier
{
public:
    SyncOpApplier(CaseService &service, CaseJson::Options json);
    Result<SyncOpResult> apply(const SyncOp &op, const AccessPolicy &access, const QString &deviceCode) const;
    // Runs a case op (every kind but corrective_action.save) and returns what CaseService did.
    Result<CaseChange> execute(
        const SyncOp &op, const AccessPolicy &access, const QString &deviceCode, CaseService::Merge merge) const;

    static bool isInfrastructureError(const Error &error);

private:
    CaseService &m_service;
    CaseJson::Options m_json;
};

} // namespace casedesk
