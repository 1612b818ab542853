#pragma once

#include "ApiRouter.h"
#include "ApiServices.h"
#include "report/EarlyWarningRules.h"

#include <QCoreApplication>

namespace casedesk {

// GET /api/v1/reports/monthly (DESIGN §5, BRIEF §8): the monthly report of a branch subtree as JSON,
// PDF, XLSX or CSV. The figures come from the core's MonthlyReportEngine and the documents from
// MonthlyReportDocument; this class reads the query, checks nothing the engine does not (the engine
// applies AccessPolicy::canReadReports and the branch scope) and sets the download headers.
class ReportApi
{
    Q_DECLARE_TR_FUNCTIONS(ReportApi)

public:
    ReportApi(ApiServices &services, EarlyWarningRules warningRules);
    void addRoutes(ApiRouter &router);

private:
    ApiReply monthly(ApiRequest &request);
    // A branch given by id or by code; not_found when it does not exist (the engine checks the scope).
    Result<QString> branchId(const QString &idOrCode) const;

    ApiServices &m_services;
    EarlyWarningRules m_warningRules;
};

} // namespace casedesk
