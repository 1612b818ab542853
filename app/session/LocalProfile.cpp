#include "session/LocalProfile.h"

#include "session/DirectoryJson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

namespace casedesk {

Result<LocalProfile> LocalProfile::load(const QString &directory)
{
    LocalProfile profile;
    QFile file(QDir(directory).filePath(fileName()));
    if (!file.exists()) {
        profile.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return profile;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error {QStringLiteral("profile_unreadable"),
            tr("The local profile %1 cannot be read: %2").arg(file.fileName(), file.errorString()), {}};
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error {QStringLiteral("profile_unreadable"),
            tr("The local profile %1 is damaged: %2").arg(file.fileName(), parseError.errorString()), {}};
    }
    const QJsonObject json = document.object();
    profile.server = json.value(QLatin1String("server")).toString();
    profile.deviceId = json.value(QLatin1String("device_id")).toString();
    if (profile.deviceId.isEmpty())
        profile.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.deviceCode = json.value(QLatin1String("device_code")).toString();
    profile.rulesProfile = json.value(QLatin1String("rules_profile")).toString(profile.rulesProfile);
    profile.user = DirectoryJson::userFromJson(json.value(QLatin1String("user")).toObject());
    profile.passwordVerifier = json.value(QLatin1String("password_verifier")).toString();
    profile.verifiedAt = QDateTime::fromString(json.value(QLatin1String("verified_at")).toString(), Qt::ISODateWithMs);
    return profile;
}

Status LocalProfile::save(const QString &directory) const
{
    const QJsonObject json {{QStringLiteral("server"), server}, {QStringLiteral("device_id"), deviceId},
        {QStringLiteral("device_code"), deviceCode}, {QStringLiteral("rules_profile"), rulesProfile},
        {QStringLiteral("user"), DirectoryJson::toJson(user)}, {QStringLiteral("password_verifier"), passwordVerifier},
        {QStringLiteral("verified_at"), verifiedAt.toString(Qt::ISODateWithMs)}};
    if (!QDir().mkpath(directory)) {
        return Error {
            QStringLiteral("profile_unwritable"), tr("Cannot create the local data folder %1.").arg(directory), {}};
    }
    QSaveFile file(QDir(directory).filePath(fileName()));
    if (!file.open(QIODevice::WriteOnly)) {
        return Error {QStringLiteral("profile_unwritable"),
            tr("The local profile %1 cannot be written: %2").arg(file.fileName(), file.errorString()), {}};
    }
    file.write(QJsonDocument(json).toJson());
    if (!file.commit()) {
        return Error {QStringLiteral("profile_unwritable"),
            tr("The local profile %1 cannot be written: %2").arg(file.fileName(), file.errorString()), {}};
    }
    // The verifier and the store next to it (unpushed personal data) are the owner's alone.
    QFile::setPermissions(file.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {};
}

} // namespace casedesk
