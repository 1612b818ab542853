#include "AuthApi.h"

#include "Authenticator.h"
#include "DataDirectory.h"
#include "StructuredLog.h"
#include "base/JsonReader.h"
#include "storage/CaseStore.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace casedesk {

AuthApi::AuthApi(ApiServices &services)
    : m_services(services)
    , m_throttle(services.clock, services.loginFailuresPerMinute)
{ }

void AuthApi::addRoutes(ApiRouter &router)
{
    using Method = QHttpServerRequest::Method;
    router.add(Method::Post, QStringLiteral("/api/v1/auth/login"), ApiRouter::Access::Public, ApiRouter::Work::Write,
        [this](ApiRequest &r) { return login(r); });
    router.add(Method::Post, QStringLiteral("/api/v1/auth/logout"), ApiRouter::Access::Authenticated,
        ApiRouter::Work::Write, [this](ApiRequest &r) { return logout(r); });
    router.add(Method::Get, QStringLiteral("/api/v1/me"), ApiRouter::Access::Authenticated, ApiRouter::Work::Read,
        [this](ApiRequest &r) { return me(r); });
}

QJsonObject AuthApi::userJson(const User &user, CaseStore &store)
{
    QJsonArray roles;
    for (Role role : user.roles)
        roles.append(toCode(role));
    QJsonObject branch {{QStringLiteral("id"), user.branchId}};
    if (auto found = store.findBranch(user.branchId); found && found->has_value()) {
        branch.insert(QStringLiteral("code"), (*found)->code);
        branch.insert(QStringLiteral("name"), (*found)->name);
    }
    return {{QStringLiteral("id"), user.id}, {QStringLiteral("login"), user.login}, {QStringLiteral("name"), user.name},
        {QStringLiteral("roles"), roles}, {QStringLiteral("branch_id"), user.branchId},
        {QStringLiteral("branch"), branch},
        {QStringLiteral("unit"), user.unit.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(user.unit)},
        {QStringLiteral("disabled"), user.disabled}};
}

ApiReply AuthApi::login(ApiRequest &request)
{
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    JsonReader reader(*body);
    reader.rejectUnknown({QStringLiteral("login"), QStringLiteral("password"), QStringLiteral("device")});
    const QString login = reader.string(QStringLiteral("login"), true);
    const QString password = reader.string(QStringLiteral("password"), true);
    const QString device = reader.string(QStringLiteral("device")).trimmed();
    // A device id is the client's own name for its installation (a UUID or host name).
    static const QRegularExpression devicePattern(QStringLiteral("^[A-Za-z0-9._:{}-]{1,128}$"));
    if (reader.ok() && !device.isEmpty() && !devicePattern.match(device).hasMatch())
        reader.invalid(QStringLiteral("device"), tr("“device” is 1 to 128 letters, digits or . _ : - { }."));
    if (!reader.ok())
        return ApiReply::error(reader.error());

    const QString address = request.remote.toString();
    if (const qint64 wait = m_throttle.retryAfter(address); wait > 0) {
        ApiReply reply = ApiReply::error(Error {QStringLiteral("throttled"),
            tr("Too many failed logins from your address; try again in %n second(s).", nullptr, int(wait)),
            {{QStringLiteral("retry_after_seconds"), wait}}});
        reply.withHeader("Retry-After", QByteArray::number(wait));
        return reply;
    }
    auto grant = m_services.authenticator.login(login, password, device);
    if (!grant) {
        if (grant.error().code == QLatin1String("invalid_credentials"))
            m_throttle.recordFailure(address);
        ApiReply reply = ApiReply::error(grant.error());
        if (grant.error().code == QLatin1String("account_locked")) {
            const qint64 retry = grant.error().details.value(QStringLiteral("retry_after_seconds")).toInteger();
            reply.withHeader("Retry-After", QByteArray::number(retry));
        }
        m_services.log.warning(QStringLiteral("login_refused"),
            {{QStringLiteral("login"), login.left(64)}, {QStringLiteral("reason"), grant.error().code},
                {QStringLiteral("remote"), request.remote.toString()}});
        return reply;
    }
    return ApiReply::json(
        {{QStringLiteral("token"), grant->token}, {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_at"), grant->expiresAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("user"), userJson(grant->user, m_services.data.cases())},
            {QStringLiteral("device_code"),
                grant->device ? QJsonValue(grant->device->code) : QJsonValue(QJsonValue::Null)}});
}

ApiReply AuthApi::logout(ApiRequest &request)
{
    if (auto ok = m_services.authenticator.logout(request.bearerToken()); !ok)
        return ApiReply::error(ok.error());
    return ApiReply::json({{QStringLiteral("status"), QStringLiteral("logged_out")}});
}

ApiReply AuthApi::me(ApiRequest &request)
{
    const AccessPolicy &access = request.policy();
    QJsonObject json = userJson(request.user(), m_services.data.cases());
    json.insert(QStringLiteral("device_code"),
        request.session->deviceCode.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(request.session->deviceCode));
    json.insert(QStringLiteral("scope"), QJsonArray::fromStringList(access.scope()));
    json.insert(
        QStringLiteral("session_expires_at"), request.session->record.expiresAt.toUTC().toString(Qt::ISODateWithMs));
    json.insert(QStringLiteral("permissions"),
        QJsonObject {{QStringLiteral("read_cases"), access.canReadCases()},
            {QStringLiteral("create_cases"), access.canCreateIn(request.user().branchId)},
            {QStringLiteral("read_audit_trail"), access.canReadAuditTrail()},
            {QStringLiteral("read_reports"), access.canReadReports()},
            {QStringLiteral("manage_corrective_actions"), access.canManageCorrectiveActions()},
            {QStringLiteral("administer"), access.canAdminister()}});
    return ApiReply::json(json);
}

} // namespace casedesk
