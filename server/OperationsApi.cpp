#include "OperationsApi.h"

#include "DataDirectory.h"
#include "ServerMetrics.h"
#include "storage/CaseStore.h"

namespace casedesk {

OperationsApi::OperationsApi(ApiServices &services)
    : m_services(services)
{ }

void OperationsApi::addRoutes(ApiRouter &router)
{
    using Method = QHttpServerRequest::Method;
    router.add(Method::Get, QStringLiteral("/api/v1/health"), ApiRouter::Access::Public, ApiRouter::Work::None,
        [this](ApiRequest &r) { return health(r); });
    router.add(Method::Get, QStringLiteral("/metrics"), ApiRouter::Access::Public, ApiRouter::Work::Read,
        [this](ApiRequest &r) { return metrics(r); });
}

ApiReply OperationsApi::health(ApiRequest &)
{
    return ApiReply::json(
        {{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("version"), m_services.version}});
}

ApiReply OperationsApi::metrics(ApiRequest &request)
{
    // Off, or asked on the API port while metrics have their own listener: as if there were none.
    if (!m_services.metricsEnabled || (m_services.metricsPort != 0 && request.localPort != m_services.metricsPort))
        return ApiReply::error(Error {QStringLiteral("not_found"), tr("There is no /metrics here."), {}});
    QMap<QString, qint64> open;
    for (CaseStatus status :
        {CaseStatus::Received, CaseStatus::Registered, CaseStatus::Dispatched, CaseStatus::InProgress}) {
        CaseQuery query;
        query.statuses = {status};
        auto count = m_services.data.cases().countCases(query);
        if (!count)
            return ApiReply::error(count.error());
        open.insert(toCode(status), *count);
    }
    return ApiReply::text(
        m_services.metrics.render(open), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
}

} // namespace casedesk
