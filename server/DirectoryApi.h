#pragma once

#include "ApiRouter.h"
#include "ApiServices.h"
#include "domain/Branch.h"

#include <QCoreApplication>

namespace casedesk {

// The organisation and the rules as clients need them (DESIGN §5): GET /api/v1/taxonomy, /branches and
// /users?role=&branch=, which every signed-in user may read (the client keeps a copy of the directory),
// plus POST /branches and /users for administrators.
class DirectoryApi
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryApi)

public:
    explicit DirectoryApi(ApiServices &services);
    void addRoutes(ApiRouter &router);

    static QJsonObject branchJson(const Branch &branch);

private:
    ApiReply taxonomy(ApiRequest &request);
    ApiReply branches(ApiRequest &request);
    ApiReply addBranch(ApiRequest &request);
    ApiReply users(ApiRequest &request);
    ApiReply addUser(ApiRequest &request);

    ApiServices &m_services;
};

} // namespace casedesk
