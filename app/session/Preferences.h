#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

namespace casedesk {

// The client's per-computer preferences (QSettings, issue 4 §1): which server, who signed in last, the
// UI language, how often to sync and which certificate to trust for a self-signed head-office server.
class Preferences
{
    Q_DECLARE_TR_FUNCTIONS(Preferences)

public:
    // The platform's settings store (registry, ~/.config/CaseDesk/casedesk.conf …).
    Preferences();
    // An INI file of its own: for tests and for several clients in one process.
    explicit Preferences(const QString &iniFile);
    ~Preferences();

    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    QString lastLogin() const;
    void setLastLogin(const QString &login);
    // "zh_CN" or "en"; empty means "follow the system": Chinese on Chinese locales (issue 4 §7).
    QString language() const;
    void setLanguage(const QString &language);
    // The language the UI uses now: the preference, or the system's when none is set.
    QString effectiveLanguage() const;
    std::chrono::seconds syncInterval() const;
    void setSyncInterval(std::chrono::seconds interval);
    // A PEM certificate (or CA) to trust besides the system CA store; empty for none.
    QString trustedCertificateFile() const;
    void setTrustedCertificateFile(const QString &path);

    static QStringList languages() { return {QStringLiteral("zh_CN"), QStringLiteral("en")}; }
    // The display name of a language code, in that language (so a user can find their own).
    static QString languageName(const QString &language);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace casedesk
