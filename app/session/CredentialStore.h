#pragma once

#include "base/Result.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace casedesk {

// Saved passwords in the OS keychain through qtkeychain (issue 4 §1, DESIGN §7). Where no keychain
// service runs (headless, tests, a desktop without a secret service) nothing is saved: the client
// says so and asks for the password each time. Every call is asynchronous; the UI never waits on it.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    enum class Availability { Unknown, Available, Unavailable };

    // `enabled` false: never touch the keychain (the --no-keychain option, tests that must not
    // depend on the machine's keychain). Otherwise the keychain is probed at once.
    explicit CredentialStore(bool enabled = true, QObject *parent = nullptr);
    ~CredentialStore() override;

    Availability availability() const { return m_availability; }
    // Why passwords cannot be saved, in words for the sign-in dialog; empty when they can.
    QString unavailableReason() const { return m_reason; }

    // The keychain entry of one account on one server.
    static QString key(const QUrl &server, const QString &login);

    // `done` gets the saved password, or nothing (none saved, or no keychain).
    void read(const QString &key, std::function<void(std::optional<QString>)> done);
    void write(const QString &key, const QString &password, std::function<void(Status)> done = {});
    void remove(const QString &key);

signals:
    void availabilityChanged();

private:
    static QString unavailableMessage(const QString &detail);
    void probe();
    void setAvailability(Availability availability, const QString &reason);

    Availability m_availability = Availability::Unknown;
    QString m_reason;
};

} // namespace casedesk
