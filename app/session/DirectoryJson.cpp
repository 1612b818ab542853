#include "session/DirectoryJson.h"

#include <QJsonArray>

namespace casedesk {

namespace {
QString firstString(const QJsonObject &json, std::initializer_list<QLatin1String> keys)
{
    for (QLatin1String key : keys) {
        const QJsonValue value = json.value(key);
        if (value.isString())
            return value.toString();
        if (value.isObject()) // {"branch": {"id": …, "code": …}}
            return value.toObject().value(QLatin1String("id")).toString();
    }
    return {};
}
} // namespace

Branch DirectoryJson::branchFromJson(const QJsonObject &json)
{
    Branch b;
    b.id = json.value(QLatin1String("id")).toString();
    b.code = json.value(QLatin1String("code")).toString();
    b.name = json.value(QLatin1String("name")).toString();
    b.parentId = firstString(json, {QLatin1String("parent_id"), QLatin1String("parent")});
    b.timeZone
        = json.value(QLatin1String("timezone")).toString(json.value(QLatin1String("time_zone")).toString(b.timeZone));
    const QTime cutoff = QTime::fromString(json.value(QLatin1String("cutoff")).toString(), QStringLiteral("HH:mm"));
    if (cutoff.isValid())
        b.cutoff = cutoff;
    b.active = json.value(QLatin1String("active")).toBool(true);
    b.revision = json.value(QLatin1String("revision")).toInteger();
    return b;
}

User DirectoryJson::userFromJson(const QJsonObject &json)
{
    User u;
    u.id = json.value(QLatin1String("id")).toString();
    u.login = json.value(QLatin1String("login")).toString();
    u.name = json.value(QLatin1String("name")).toString();
    for (const QJsonValue &role : json.value(QLatin1String("roles")).toArray()) {
        if (const auto parsed = fromCode<Role>(role.toString()))
            u.roles.append(*parsed);
    }
    u.branchId = firstString(json, {QLatin1String("branch_id"), QLatin1String("branch")});
    u.unit = json.value(QLatin1String("unit")).toString();
    u.phone = json.value(QLatin1String("phone")).toString();
    u.disabled = json.value(QLatin1String("disabled")).toBool(false);
    u.revision = json.value(QLatin1String("revision")).toInteger();
    return u;
}

QJsonObject DirectoryJson::toJson(const User &user)
{
    QJsonArray roles;
    for (Role role : user.roles)
        roles.append(toCode(role));
    return {{QStringLiteral("id"), user.id}, {QStringLiteral("login"), user.login}, {QStringLiteral("name"), user.name},
        {QStringLiteral("roles"), roles}, {QStringLiteral("branch_id"), user.branchId},
        {QStringLiteral("unit"), user.unit}, {QStringLiteral("phone"), user.phone},
        {QStringLiteral("disabled"), user.disabled}, {QStringLiteral("revision"), user.revision}};
}

} // namespace casedesk
