#include "session/CredentialStore.h"

#ifdef CASEDESK_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace casedesk {

namespace {
const QString service = QStringLiteral("CaseDesk");

#ifdef CASEDESK_HAVE_KEYCHAIN
// Errors that mean "there is no keychain to talk to", as opposed to "this entry is not there".
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}
#endif
} // namespace

QString CredentialStore::unavailableMessage(const QString &detail)
{
    // qtkeychain says "Unknown error" when no secret service answers at all; that helps nobody.
    if (detail.isEmpty() || detail == QLatin1String("Unknown error"))
        return tr("No keychain service is available on this computer, so your password cannot be saved: you will "
                  "be asked for it each time.");
    return tr("No keychain service is available on this computer (%1), so your password cannot be saved: you will "
              "be asked for it each time.")
        .arg(detail);
}

CredentialStore::CredentialStore(bool enabled, QObject *parent)
    : QObject(parent)
{
#ifdef CASEDESK_HAVE_KEYCHAIN
    if (enabled && !qEnvironmentVariableIsSet("CASEDESK_NO_KEYCHAIN")) {
        probe();
        return;
    }
    setAvailability(Availability::Unavailable, tr("Saving passwords is turned off for this session."));
#else
    Q_UNUSED(enabled)
    setAvailability(Availability::Unavailable, tr("This build of CaseDesk cannot use the system keychain."));
#endif
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::key(const QUrl &server, const QString &login)
{
    return QStringLiteral("%1/%2").arg(server.adjusted(QUrl::StripTrailingSlash).toString(), login);
}

void CredentialStore::setAvailability(Availability availability, const QString &reason)
{
    if (m_availability == availability && m_reason == reason)
        return;
    m_availability = availability;
    m_reason = reason;
    emit availabilityChanged();
}

void CredentialStore::probe()
{
#ifdef CASEDESK_HAVE_KEYCHAIN
    // Reading an entry that does not exist tells a working keychain ("not found") from none at all.
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setKey(QStringLiteral("casedesk-keychain-probe"));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
            setAvailability(Availability::Available, {});
        } else {
            setAvailability(Availability::Unavailable, unavailableMessage(finished->errorString()));
        }
    });
    job->start();
#endif
}

void CredentialStore::read(const QString &key, std::function<void(std::optional<QString>)> done)
{
#ifdef CASEDESK_HAVE_KEYCHAIN
    if (m_availability != Availability::Unavailable) {
        auto *job = new QKeychain::ReadPasswordJob(service, this);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [this, job, done = std::move(done)](QKeychain::Job *) {
            if (job->error() == QKeychain::NoError) {
                done(job->textData());
                return;
            }
            if (meansNoKeychain(job->error()))
                setAvailability(Availability::Unavailable, unavailableMessage(job->errorString()));
            done(std::nullopt);
        });
        job->start();
        return;
    }
#else
    Q_UNUSED(key)
#endif
    done(std::nullopt);
}

void CredentialStore::write(const QString &key, const QString &password, std::function<void(Status)> done)
{
    if (!done)
        done = [](Status) {};
#ifdef CASEDESK_HAVE_KEYCHAIN
    if (m_availability != Availability::Unavailable) {
        auto *job = new QKeychain::WritePasswordJob(service, this);
        job->setKey(key);
        job->setTextData(password);
        connect(job, &QKeychain::Job::finished, this, [this, job, done = std::move(done)](QKeychain::Job *) {
            if (job->error() == QKeychain::NoError) {
                setAvailability(Availability::Available, {});
                done({});
                return;
            }
            if (meansNoKeychain(job->error()))
                setAvailability(Availability::Unavailable, unavailableMessage(job->errorString()));
            done(Error {QStringLiteral("keychain_unavailable"),
                tr("The password could not be saved in the keychain: %1").arg(job->errorString()), {}});
        });
        job->start();
        return;
    }
#else
    Q_UNUSED(key)
    Q_UNUSED(password)
#endif
    done(Error {QStringLiteral("keychain_unavailable"), m_reason, {}});
}

void CredentialStore::remove(const QString &key)
{
#ifdef CASEDESK_HAVE_KEYCHAIN
    if (m_availability == Availability::Unavailable)
        return;
    auto *job = new QKeychain::DeletePasswordJob(service, this);
    job->setKey(key);
    job->start();
#else
    Q_UNUSED(key)
#endif
}

} // namespace casedesk
