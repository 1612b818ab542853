#pragma once

#include "ApiRouter.h"
#include "ApiServices.h"

#include <QCoreApplication>

namespace casedesk {

// GET /api/v1/health (no auth) and GET /metrics (Prometheus text, issue 3 §6).
class OperationsApi
{
    Q_DECLARE_TR_FUNCTIONS(OperationsApi)

public:
    explicit OperationsApi(ApiServices &services);
    void addRoutes(ApiRouter &router);

private:
    ApiReply health(ApiRequest &request);
    ApiReply metrics(ApiRequest &request);

    ApiServices &m_services;
};

} // namespace casedesk
