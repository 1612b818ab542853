#include "ServerConfig.h"

#include "base/LanguageTranslators.h"

#include <QFileInfo>
#include <QSettings>

namespace casedesk {

namespace {

Error badValue(const QString &file, const QString &key, const QString &expected)
{
    return {QStringLiteral("invalid_config"),
        ServerConfig::tr("%1: the value of “%2” must be %3.").arg(file, key, expected),
        {{QStringLiteral("field"), key}}};
}

// Reads an integer key within bounds; absent keys keep the default.
template<typename Int>
bool readInt(const QSettings &settings, const QString &key, qint64 low, qint64 high, Int &target)
{
    if (!settings.contains(key))
        return true;
    bool ok = false;
    const qint64 value = settings.value(key).toString().trimmed().toLongLong(&ok);
    if (!ok || value < low || value > high)
        return false;
    target = Int(value);
    return true;
}

bool readBool(const QSettings &settings, const QString &key, bool &target)
{
    if (!settings.contains(key))
        return true;
    const QString text = settings.value(key).toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("on") || text == QLatin1String("1")) {
        target = true;
        return true;
    }
    if (text == QLatin1String("false") || text == QLatin1String("off") || text == QLatin1String("0")) {
        target = false;
        return true;
    }
    return false;
}

} // namespace

Result<ServerConfig> ServerConfig::load(const QString &file)
{
    if (!QFileInfo(file).isFile() || !QFileInfo(file).isReadable()) {
        return Error {QStringLiteral("config_missing"),
            tr("%1 does not exist or cannot be read. Is this a CaseDesk data directory (see “init”)?").arg(file), {}};
    }
    QSettings settings(file, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Error {QStringLiteral("invalid_config"), tr("%1 is not a valid settings file.").arg(file), {}};

    ServerConfig config;
    auto text = [&settings](const QString &key, QString &target) {
        if (settings.contains(key))
            target = settings.value(key).toString().trimmed();
    };
    text(QStringLiteral("database/url"), config.databaseUrl);
    text(QStringLiteral("database/profile"), config.profile);
    text(QStringLiteral("server/listen"), config.listen);
    text(QStringLiteral("server/metrics_listen"), config.metricsListen);
    text(QStringLiteral("server/language"), config.language);
    text(QStringLiteral("server/tls_cert"), config.tlsCertificate);
    text(QStringLiteral("server/tls_key"), config.tlsKey);
    text(QStringLiteral("security/password_strength"), config.passwordStrength);

    if (config.databaseUrl.isEmpty())
        return badValue(file, QStringLiteral("database/url"), tr("a file name or a postgresql:// URL"));
    if (!readInt(settings, QStringLiteral("server/body_limit"), 1024, qint64(1) << 30, config.bodyLimit))
        return badValue(file, QStringLiteral("server/body_limit"), tr("a number of bytes between 1024 and 1073741824"));
    if (!readBool(settings, QStringLiteral("server/metrics"), config.metrics))
        return badValue(file, QStringLiteral("server/metrics"), tr("on or off"));
    if (!readInt(settings, QStringLiteral("security/lockout_threshold"), 1, 100, config.lockoutThreshold))
        return badValue(file, QStringLiteral("security/lockout_threshold"), tr("a whole number from 1 to 100"));
    if (!readInt(settings, QStringLiteral("security/lockout_seconds"), 1, 7 * 24 * 3600, config.lockoutSeconds))
        return badValue(file, QStringLiteral("security/lockout_seconds"), tr("a number of seconds up to a week"));
    if (!readInt(settings, QStringLiteral("security/session_hours"), 1, 24 * 90, config.sessionHours))
        return badValue(file, QStringLiteral("security/session_hours"), tr("a number of hours from 1 to 2160"));
    if (!readInt(
            settings, QStringLiteral("security/login_failures_per_minute"), 1, 100000, config.loginFailuresPerMinute))
        return badValue(
            file, QStringLiteral("security/login_failures_per_minute"), tr("a whole number from 1 to 100000"));
    if (!readInt(settings, QStringLiteral("server/group_commit_window_ms"), 0, 1000, config.commitWindowMs))
        return badValue(file, QStringLiteral("server/group_commit_window_ms"), tr("milliseconds from 0 to 1000"));
    if (!readInt(settings, QStringLiteral("server/group_commit_max_batch"), 1, 10000, config.commitMaxBatch))
        return badValue(file, QStringLiteral("server/group_commit_max_batch"), tr("a whole number from 1 to 10000"));
    if (!LanguageTranslators::isKnown(config.language))
        return badValue(file, QStringLiteral("server/language"), tr("zh_CN or en"));
    const QStringList strengths = {QStringLiteral("interactive"), QStringLiteral("moderate"), QStringLiteral("test")};
    if (!strengths.contains(config.passwordStrength))
        return badValue(file, QStringLiteral("security/password_strength"), tr("interactive or moderate"));
    if (settings.contains(QStringLiteral("testing/clock_start"))) {
        config.clockStart = QDateTime::fromString(
            settings.value(QStringLiteral("testing/clock_start")).toString(), Qt::ISODateWithMs);
        if (!config.clockStart.isValid())
            return badValue(file, QStringLiteral("testing/clock_start"), tr("an ISO 8601 time with offset"));
    }
    return config;
}

Status ServerConfig::save(const QString &file) const
{
    QSettings settings(file, QSettings::IniFormat);
    settings.setValue(QStringLiteral("database/url"), databaseUrl);
    settings.setValue(QStringLiteral("database/profile"), profile);
    settings.setValue(QStringLiteral("server/listen"), listen);
    settings.setValue(QStringLiteral("server/body_limit"), bodyLimit);
    settings.setValue(QStringLiteral("server/metrics"), metrics ? QStringLiteral("on") : QStringLiteral("off"));
    settings.setValue(QStringLiteral("server/language"), language);
    settings.setValue(QStringLiteral("server/group_commit_window_ms"), commitWindowMs);
    settings.setValue(QStringLiteral("server/group_commit_max_batch"), commitMaxBatch);
    if (!metricsListen.isEmpty())
        settings.setValue(QStringLiteral("server/metrics_listen"), metricsListen);
    if (!tlsCertificate.isEmpty())
        settings.setValue(QStringLiteral("server/tls_cert"), tlsCertificate);
    if (!tlsKey.isEmpty())
        settings.setValue(QStringLiteral("server/tls_key"), tlsKey);
    settings.setValue(QStringLiteral("security/lockout_threshold"), lockoutThreshold);
    settings.setValue(QStringLiteral("security/lockout_seconds"), lockoutSeconds);
    settings.setValue(QStringLiteral("security/session_hours"), sessionHours);
    settings.setValue(QStringLiteral("security/login_failures_per_minute"), loginFailuresPerMinute);
    if (passwordStrength != QLatin1String("interactive"))
        settings.setValue(QStringLiteral("security/password_strength"), passwordStrength);
    if (clockStart.isValid())
        settings.setValue(QStringLiteral("testing/clock_start"), clockStart.toString(Qt::ISODateWithMs));
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Error {QStringLiteral("config_write_failed"), tr("Cannot write %1.").arg(file), {}};
    return {};
}

PasswordHasher::Strength ServerConfig::strength() const
{
    if (passwordStrength == QLatin1String("test"))
        return PasswordHasher::Strength::Test;
    if (passwordStrength == QLatin1String("moderate"))
        return PasswordHasher::Strength::Moderate;
    return PasswordHasher::Strength::Interactive;
}

} // namespace casedesk
