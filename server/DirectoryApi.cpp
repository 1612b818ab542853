#include "DirectoryApi.h"

#include "AuthApi.h"
#include "DataDirectory.h"
#include "OrganisationAdmin.h"
#include "QueryReader.h"
#include "TaxonomyJson.h"
#include "base/JsonReader.h"
#include "casework/CaseRules.h"
#include "storage/CaseStore.h"

#include <QJsonArray>

namespace casedesk {

DirectoryApi::DirectoryApi(ApiServices &services)
    : m_services(services)
{ }

void DirectoryApi::addRoutes(ApiRouter &router)
{
    using Method = QHttpServerRequest::Method;
    using Access = ApiRouter::Access;
    using Work = ApiRouter::Work;
    router.add(Method::Get, QStringLiteral("/api/v1/taxonomy"), Access::Authenticated, Work::Read,
        [this](ApiRequest &r) { return taxonomy(r); });
    router.add(Method::Get, QStringLiteral("/api/v1/branches"), Access::Authenticated, Work::Read,
        [this](ApiRequest &r) { return branches(r); });
    router.add(Method::Post, QStringLiteral("/api/v1/branches"), Access::Authenticated, Work::Write,
        [this](ApiRequest &r) { return addBranch(r); });
    router.add(Method::Get, QStringLiteral("/api/v1/users"), Access::Authenticated, Work::Read,
        [this](ApiRequest &r) { return users(r); });
    router.add(Method::Post, QStringLiteral("/api/v1/users"), Access::Authenticated, Work::Write,
        [this](ApiRequest &r) { return addUser(r); });
}

QJsonObject DirectoryApi::branchJson(const Branch &b)
{
    return {{QStringLiteral("id"), b.id}, {QStringLiteral("code"), b.code}, {QStringLiteral("name"), b.name},
        {QStringLiteral("parent_id"), b.parentId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(b.parentId)},
        {QStringLiteral("time_zone"), b.timeZone},
        {QStringLiteral("cutoff"), b.cutoff.toString(QStringLiteral("HH:mm"))}, {QStringLiteral("active"), b.active},
        {QStringLiteral("revision"), b.revision}};
}

ApiReply DirectoryApi::taxonomy(ApiRequest &)
{
    return ApiReply::json(TaxonomyJson::render(*m_services.data.rules()));
}

ApiReply DirectoryApi::branches(ApiRequest &request)
{
    QueryReader reader(request.query);
    reader.rejectUnknown({});
    if (!reader.ok())
        return ApiReply::error(reader.error());
    auto all = m_services.data.cases().branches();
    if (!all)
        return ApiReply::error(all.error());
    QJsonArray list;
    for (const Branch &b : all.value())
        list.append(branchJson(b));
    return ApiReply::json({{QStringLiteral("branches"), list}});
}

ApiReply DirectoryApi::users(ApiRequest &request)
{
    QueryReader reader(request.query);
    reader.rejectUnknown({QStringLiteral("role"), QStringLiteral("branch"), QStringLiteral("include_disabled")});
    const QString roleCode = reader.oneOf(QStringLiteral("role"), allCodes<Role>());
    const QString branch = reader.string(QStringLiteral("branch"));
    const bool includeDisabled = reader.boolean(QStringLiteral("include_disabled")).value_or(false);
    if (!reader.ok())
        return ApiReply::error(reader.error());
    CaseStore &store = m_services.data.cases();
    QStringList branchIds;
    if (!branch.isEmpty()) {
        auto found = store.findBranchByCode(branch);
        if (found && !found->has_value())
            found = store.findBranch(branch);
        if (!found)
            return ApiReply::error(found.error());
        if (!found->has_value())
            return ApiReply::error(Error {QStringLiteral("invalid_value"), tr("There is no branch “%1”.").arg(branch),
                {{QStringLiteral("field"), QStringLiteral("branch")}}});
        auto subtree = store.branchSubtree((*found)->id);
        if (!subtree)
            return ApiReply::error(subtree.error());
        branchIds = *subtree;
    }
    auto all = store.users();
    if (!all)
        return ApiReply::error(all.error());
    const auto role = fromCode<Role>(roleCode);
    const bool admin = request.policy().canAdminister();
    QJsonArray list;
    for (const User &u : all.value()) {
        if ((role && !u.hasRole(*role)) || (!branchIds.isEmpty() && !branchIds.contains(u.branchId))
            || (u.disabled && !includeDisabled))
            continue;
        QJsonObject json = AuthApi::userJson(u, store);
        json.remove(QStringLiteral("branch")); // branch_id is enough in a list; /branches has the rest
        // Staff phone numbers are for administrators only (least privilege, DESIGN §7).
        if (admin)
            json.insert(
                QStringLiteral("phone"), u.phone.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(u.phone));
        list.append(json);
    }
    return ApiReply::json({{QStringLiteral("users"), list}});
}

ApiReply DirectoryApi::addBranch(ApiRequest &request)
{
    if (!request.policy().canAdminister())
        return ApiReply::error(AccessPolicy::forbidden(tr("add branches")));
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    JsonReader reader(*body);
    reader.rejectUnknown({QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("parent"),
        QStringLiteral("time_zone"), QStringLiteral("cutoff")});
    OrganisationAdmin::NewBranch input {reader.string(QStringLiteral("code"), true),
        reader.string(QStringLiteral("name"), true), reader.string(QStringLiteral("parent")),
        reader.string(QStringLiteral("time_zone")), reader.string(QStringLiteral("cutoff"))};
    if (!reader.ok())
        return ApiReply::error(reader.error());
    OrganisationAdmin admin(m_services.data.cases(), m_services.authenticator, m_services.data.rules()->taxonomy(),
        m_services.clock, request.user().id);
    auto branch = admin.addBranch(input);
    if (!branch)
        return ApiReply::error(branch.error());
    return ApiReply::json(branchJson(*branch), 201);
}

ApiReply DirectoryApi::addUser(ApiRequest &request)
{
    if (!request.policy().canAdminister())
        return ApiReply::error(AccessPolicy::forbidden(tr("add users")));
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    JsonReader reader(*body);
    reader.rejectUnknown({QStringLiteral("login"), QStringLiteral("name"), QStringLiteral("roles"),
        QStringLiteral("branch"), QStringLiteral("unit"), QStringLiteral("phone"), QStringLiteral("password")});
    OrganisationAdmin::NewUser input {reader.string(QStringLiteral("login"), true),
        reader.string(QStringLiteral("name"), true), reader.stringList(QStringLiteral("roles"), true),
        reader.string(QStringLiteral("branch"), true), reader.string(QStringLiteral("unit")),
        reader.string(QStringLiteral("phone")), reader.string(QStringLiteral("password"), true)};
    if (!reader.ok())
        return ApiReply::error(reader.error());
    OrganisationAdmin admin(m_services.data.cases(), m_services.authenticator, m_services.data.rules()->taxonomy(),
        m_services.clock, request.user().id);
    auto user = admin.addUser(input);
    if (!user)
        return ApiReply::error(user.error());
    return ApiReply::json(AuthApi::userJson(*user, m_services.data.cases()), 201);
}

} // namespace casedesk
