#include "session/Preferences.h"

#include <QLocale>

namespace casedesk {

namespace {
// Often enough that a handler sees a counter's new case within the minute, rarely enough that a
// hundred counters do not keep head office busy; the user can change it.
constexpr std::chrono::seconds defaultSyncInterval {30};
constexpr std::chrono::seconds shortestSyncInterval {5};
} // namespace

Preferences::Preferences()
    : m_settings(std::make_unique<QSettings>(
        QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("CaseDesk"), QStringLiteral("casedesk")))
{ }

Preferences::Preferences(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

Preferences::~Preferences() = default;

QUrl Preferences::serverUrl() const
{
    return QUrl(m_settings->value(QStringLiteral("server/url")).toString());
}

void Preferences::setServerUrl(const QUrl &url)
{
    m_settings->setValue(QStringLiteral("server/url"), url.toString());
}

QString Preferences::lastLogin() const
{
    return m_settings->value(QStringLiteral("server/last_login")).toString();
}

void Preferences::setLastLogin(const QString &login)
{
    m_settings->setValue(QStringLiteral("server/last_login"), login);
}

QString Preferences::language() const
{
    const QString language = m_settings->value(QStringLiteral("ui/language")).toString();
    return languages().contains(language) ? language : QString();
}

void Preferences::setLanguage(const QString &language)
{
    if (language.isEmpty())
        m_settings->remove(QStringLiteral("ui/language"));
    else
        m_settings->setValue(QStringLiteral("ui/language"), language);
}

QString Preferences::effectiveLanguage() const
{
    const QString chosen = language();
    if (!chosen.isEmpty())
        return chosen;
    // BRIEF §10: Simplified Chinese is the default on Chinese locales, English elsewhere.
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

std::chrono::seconds Preferences::syncInterval() const
{
    bool ok = false;
    const qint64 seconds = m_settings->value(QStringLiteral("sync/interval_seconds")).toLongLong(&ok);
    if (!ok)
        return defaultSyncInterval;
    return std::max(shortestSyncInterval, std::chrono::seconds(seconds));
}

void Preferences::setSyncInterval(std::chrono::seconds interval)
{
    m_settings->setValue(QStringLiteral("sync/interval_seconds"), qint64(interval.count()));
}

QString Preferences::trustedCertificateFile() const
{
    return m_settings->value(QStringLiteral("server/trusted_certificate")).toString();
}

void Preferences::setTrustedCertificateFile(const QString &path)
{
    if (path.isEmpty())
        m_settings->remove(QStringLiteral("server/trusted_certificate"));
    else
        m_settings->setValue(QStringLiteral("server/trusted_certificate"), path);
}

QString Preferences::languageName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return tr("System language");
}

void Preferences::sync()
{
    m_settings->sync();
}

} // namespace casedesk
