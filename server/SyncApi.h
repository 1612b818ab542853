#pragma once

#include "ApiRouter.h"
#include "ApiServices.h"

#include <QCoreApplication>

namespace casedesk {

// The sync endpoints of DESIGN §6. POST /api/v1/sync/push applies a device's outbox ops in order, each
// idempotently per op_id (OpLog keeps the first result, written in the same transaction as the op's
// change) and answers applied / conflict / rejected per op. GET /api/v1/sync/pull?since=&limit= pages
// through every committed change in the user's scope by revision (ChangeFeed; always masked).
class SyncApi
{
    Q_DECLARE_TR_FUNCTIONS(SyncApi)

public:
    static constexpr int maximumOpsPerPush = 500;
    static constexpr int defaultPullLimit = 200;
    static constexpr int maximumPullLimit = 1000;

    explicit SyncApi(ApiServices &services);
    void addRoutes(ApiRouter &router);

private:
    ApiReply push(ApiRequest &request);
    ApiReply pull(ApiRequest &request);

    ApiServices &m_services;
};

} // namespace casedesk
