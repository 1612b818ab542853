#pragma once

#include "ApiRouter.h"
#include "ApiServices.h"
#include "LoginThrottle.h"
#include "domain/User.h"

#include <QCoreApplication>

namespace casedesk {

// POST /api/v1/auth/login (throttled per client address), POST /api/v1/auth/logout and GET /api/v1/me
// (DESIGN §5, §7).
class AuthApi
{
    Q_DECLARE_TR_FUNCTIONS(AuthApi)

public:
    explicit AuthApi(ApiServices &services);
    void addRoutes(ApiRouter &router);

    // The user as the API shows them: id, login, name, roles, branch, unit.
    static QJsonObject userJson(const User &user, CaseStore &store);

private:
    ApiReply login(ApiRequest &request);
    ApiReply logout(ApiRequest &request);
    ApiReply me(ApiRequest &request);

    ApiServices &m_services;
    LoginThrottle m_throttle;
};

} // namespace casedesk
