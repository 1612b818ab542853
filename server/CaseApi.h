#pragma once

#include "ApiRouter.h"
#include "ApiServices.h"
#include "CaseRenderer.h"
#include "casework/CaseChange.h"

#include <QCoreApplication>

namespace casedesk {

// The case endpoints of DESIGN §5: create, read (unmasked only for readers who may see personal data,
// and then audited), list with filters and cursor paging, per-field PATCH with base_revision (409 with
// the current case), transitions, the record endpoints (/contacts, /visits, /notes, /compensations,
// /mediations, /supervision-reply, /investigations, /replies and a generic /records), /actions,
// /history and corrective actions. Every permission is decided by the core's AccessPolicy through
// CaseService; this class only translates HTTP.
class CaseApi
{
    Q_DECLARE_TR_FUNCTIONS(CaseApi)

public:
    explicit CaseApi(ApiServices &services);
    void addRoutes(ApiRouter &router);

private:
    ApiReply create(ApiRequest &request);
    ApiReply list(ApiRequest &request);
    ApiReply read(ApiRequest &request);
    ApiReply patch(ApiRequest &request);
    ApiReply availableTransitions(ApiRequest &request);
    ApiReply transition(ApiRequest &request);
    ApiReply appendRecord(ApiRequest &request, const QString &kind);
    ApiReply records(ApiRequest &request);
    ApiReply action(ApiRequest &request);
    ApiReply history(ApiRequest &request);
    ApiReply caseCorrectiveActions(ApiRequest &request);
    ApiReply correctiveActions(ApiRequest &request);
    ApiReply saveCorrectiveAction(ApiRequest &request, bool creating);

    CaseRenderer renderer(const ApiRequest &request) const;
    // The case JSON of a write's answer (masked) with the warnings the user should see.
    ApiReply changed(const ApiRequest &request, const CaseChange &change, int status = 200);
    // A service error; a conflict carries the case as it now is (DESIGN §5: 409 with the current case).
    ApiReply failed(const ApiRequest &request, const Error &error, const QString &caseId);
    Result<Case> caseFor(const ApiRequest &request, const QString &idOrNumber);

    ApiServices &m_services;
};

} // namespace casedesk
