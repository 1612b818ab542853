#include "session/SessionManager.h"

#include "casework/CaseRules.h"
#include "session/CredentialStore.h"
#include "session/Preferences.h"
#include "session/ServerApi.h"
#include "session/Workspace.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QStandardPaths>

namespace casedesk {

struct SessionManager::Attempt
{
    QUrl server;
    QString login;
    QString password;
    bool remember = false;
    QString directory;
    LocalProfile profile;
    ServerApi::LoginAnswer answer;
    std::unique_ptr<ServerApi> api;
    std::function<void(Status)> done;
};

SessionManager::SessionManager(
    Preferences &preferences, CredentialStore &credentials, const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_credentials(credentials)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_dataRoot(m_options.dataRoot.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                                              : m_options.dataRoot)
{ }

SessionManager::SessionManager(
    Preferences &preferences, CredentialStore &credentials, const Clock &clock, QObject *parent)
    : SessionManager(preferences, credentials, clock, Options {}, parent)
{ }

SessionManager::~SessionManager()
{
    // The engine refers to the workspace: it goes first.
    m_engine.reset();
    m_workspace.reset();
}

bool SessionManager::isSignedIn() const
{
    return m_workspace != nullptr;
}

Workspace *SessionManager::workspace() const
{
    return m_workspace.get();
}

SyncEngine *SessionManager::engine() const
{
    return m_engine.get();
}

QString SessionManager::directoryFor(const QUrl &server, const QString &login) const
{
    QString host = server.host().isEmpty() ? QStringLiteral("local") : server.host();
    if (server.port() != -1)
        host += QStringLiteral("_%1").arg(server.port()); // two servers on one host keep apart
    // A login may hold characters a file system does not like; percent-encoding keeps it unique.
    const auto safe = [](const QString &part) { return QString::fromLatin1(QUrl::toPercentEncoding(part, "@")); };
    return QDir(m_dataRoot).filePath(safe(host) + QLatin1Char('/') + safe(login));
}

bool SessionManager::isNetworkFailure(const Error &error)
{
    // No answer at all, or head office's proxy/server failing: not a verdict on the password.
    // (429 is: the server throttles this login.)
    // An untrusted certificate is not an outage either: someone must fix it, so it is shown as it is.
    const int status = ServerApi::httpStatus(error);
    return error.details.contains(QLatin1String("http_status")) && (status == 0 || status >= 500)
        && error.code != QLatin1String("tls_error");
}

void SessionManager::signIn(
    const QUrl &server, const QString &login, const QString &password, bool remember, std::function<void(Status)> done)
{
    if (m_busy) {
        done(Error {QStringLiteral("busy"), tr("Signing in is already under way."), {}});
        return;
    }
    if (isSignedIn()) {
        done(Error {QStringLiteral("already_signed_in"), tr("Sign out first."), {}});
        return;
    }
    const QUrl url = server.adjusted(QUrl::StripTrailingSlash);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty()) {
        done(Error {QStringLiteral("invalid_server_url"),
            tr("Enter the server address as https://host:port (or http:// on a trusted network)."),
            {{QStringLiteral("field"), QStringLiteral("server")}}});
        return;
    }
    if (login.trimmed().isEmpty()) {
        done(Error {QStringLiteral("missing_login"), tr("Enter your login."),
            {{QStringLiteral("field"), QStringLiteral("login")}}});
        return;
    }
    if (password.isEmpty()) {
        done(Error {QStringLiteral("missing_password"), tr("Enter your password."),
            {{QStringLiteral("field"), QStringLiteral("password")}}});
        return;
    }

    auto attempt = std::make_shared<Attempt>();
    attempt->server = url;
    attempt->login = login.trimmed();
    attempt->password = password;
    attempt->remember = remember;
    attempt->directory = directoryFor(url, attempt->login);
    attempt->done = std::move(done);
    auto profile = LocalProfile::load(attempt->directory);
    if (!profile) {
        attempt->done(profile.error());
        return;
    }
    attempt->profile = profile.value();
    attempt->api = std::make_unique<ServerApi>(url);
    attempt->api->setDeviceId(attempt->profile.deviceId);
    attempt->api->setTimeout(m_options.timeout);
    attempt->api->setLanguage(m_preferences.effectiveLanguage());
    if (const QString certificate = m_preferences.trustedCertificateFile(); !certificate.isEmpty()) {
        if (auto trusted = attempt->api->trustCertificateFile(certificate); !trusted) {
            attempt->done(trusted.error());
            return;
        }
    }
    m_busy = true;
    ServerApi *api = attempt->api.get();
    // The attempt (and the api in it) belongs to m_attempt, not to the callbacks: an api must not be
    // destroyed inside its own callback, so it is handed on (to the engine) or dropped with deleteLater.
    api->login(attempt->login, attempt->password,
        [this, weak = std::weak_ptr<Attempt>(attempt)](Result<ServerApi::LoginAnswer> answer) {
            auto attempt = weak.lock();
            if (!attempt)
                return;
            if (!answer) {
                if (isNetworkFailure(answer.error())) {
                    startOffline(attempt, answer.error());
                    return;
                }
                abandon(attempt, answer.error());
                return;
            }
            attempt->answer = answer.value();
            // The rule profile (bank or securities) is the server's; the client applies the same rules.
            attempt->api->taxonomy([this, weak](Result<QJsonObject> taxonomy) {
                auto attempt = weak.lock();
                if (!attempt)
                    return;
                if (taxonomy && taxonomy->value(QLatin1String("profile")).isString())
                    attempt->profile.rulesProfile = taxonomy->value(QLatin1String("profile")).toString();
                loggedIn(attempt);
            });
        });
    // Kept alive by this object until the answer arrives (or the session is torn down).
    m_attempt = attempt;
}

void SessionManager::abandon(const std::shared_ptr<Attempt> &attempt, const Error &error)
{
    m_busy = false;
    if (attempt->api)
        attempt->api.release()->deleteLater(); // we may be inside one of its callbacks
    auto done = std::move(attempt->done);
    m_attempt.reset();
    done(error);
}

void SessionManager::loggedIn(const std::shared_ptr<Attempt> &attempt)
{
    LocalProfile &profile = attempt->profile;
    const ServerApi::LoginAnswer &answer = attempt->answer;
    if (!answer.deviceCode.isEmpty())
        profile.deviceCode = answer.deviceCode;
    if (profile.deviceCode.isEmpty()) {
        abandon(attempt,
            Error {QStringLiteral("no_device_code"),
                tr("The server did not assign a device code to this computer, so it could not issue case "
                   "numbers offline. Ask an administrator."),
                {}});
        return;
    }
    profile.server = attempt->server.toString();
    profile.user = answer.user;
    const PasswordHasher hasher(m_options.verifierStrength);
    if (!hasher.verify(attempt->password, profile.passwordVerifier)) {
        if (auto verifier = hasher.hash(attempt->password))
            profile.passwordVerifier = verifier.value();
    }
    profile.verifiedAt = m_clock.now();
    if (auto saved = profile.save(attempt->directory); !saved) {
        abandon(attempt, saved.error());
        return;
    }
    if (auto opened = openWorkspace(attempt); !opened) {
        abandon(attempt, opened.error());
        return;
    }
    // A first sign-in has no branches locally (case numbers need the branch code): fetch them now.
    m_engine->refreshDirectory([this, attempt](Status refreshed) {
        if (!refreshed)
            qInfo("casedesk: directory not refreshed at sign-in: %s", qUtf8Printable(refreshed.error().message));
        // The login answer may name the branch by code; the store knows it by id.
        User user = m_workspace->user();
        if (auto branch = m_workspace->store().findBranch(user.branchId); branch && !branch->has_value()) {
            if (auto byCode = m_workspace->store().findBranchByCode(user.branchId); byCode && byCode->has_value()) {
                user.branchId = (*byCode)->id;
                m_workspace->setUser(user);
                m_profile.user = user;
                (void)m_profile.save(m_directory);
            }
        }
        finishSignIn(attempt);
    });
}

void SessionManager::startOffline(const std::shared_ptr<Attempt> &attempt, const Error &unreachable)
{
    const LocalProfile &profile = attempt->profile;
    const auto fail = [this, attempt](const Error &error) { abandon(attempt, error); };
    if (!profile.knowsUser() || profile.user.login.compare(attempt->login, Qt::CaseInsensitive) != 0) {
        fail(Error {QStringLiteral("server_unreachable"),
            tr("%1\n\nThis user has not signed in on this computer before, so CaseDesk cannot start without "
               "the server. Sign in once while head office is reachable.")
                .arg(unreachable.message),
            unreachable.details});
        return;
    }
    if (!PasswordHasher(m_options.verifierStrength).verify(attempt->password, profile.passwordVerifier)) {
        fail(Error {QStringLiteral("invalid_credentials"),
            tr("The password does not match the one last used on this computer. (The server cannot be reached "
               "to check it: %1)")
                .arg(unreachable.message),
            {}});
        return;
    }
    if (auto opened = openWorkspace(attempt); !opened) {
        fail(opened.error());
        return;
    }
    m_startedOffline = true;
    m_offlinePassword = attempt->password;
    finishSignIn(attempt);
}

Status SessionManager::openWorkspace(const std::shared_ptr<Attempt> &attempt)
{
    auto rules = CaseRules::load({}, attempt->profile.rulesProfile);
    if (!rules)
        return rules.error();
    auto workspace = Workspace::open(
        attempt->directory, attempt->profile.user, attempt->profile.deviceCode, rules.value(), m_clock);
    if (!workspace)
        return workspace.error();
    m_workspace = std::move(workspace.value());
    m_server = attempt->server;
    m_login = attempt->login;
    m_directory = attempt->directory;
    m_profile = attempt->profile;
    m_engine = std::make_unique<SyncEngine>(*m_workspace, std::move(attempt->api));
    SyncEngine::Timing timing = m_engine->timing();
    timing.interval = m_preferences.syncInterval();
    m_engine->setTiming(timing);
    connect(m_engine.get(), &SyncEngine::signInRequired, this, &SessionManager::renewSession);
    return {};
}

void SessionManager::finishSignIn(const std::shared_ptr<Attempt> &attempt)
{
    m_preferences.setServerUrl(attempt->server);
    m_preferences.setLastLogin(attempt->login);
    m_preferences.sync();
    const QString key = CredentialStore::key(attempt->server, attempt->login);
    if (attempt->remember)
        m_credentials.write(key, attempt->password);
    else
        m_credentials.remove(key);
    m_busy = false;
    auto done = std::move(attempt->done);
    m_attempt.reset();
    emit signedIn();
    done({});
}

void SessionManager::signOut()
{
    if (!isSignedIn())
        return;
    m_engine->stop();
    // Best effort: the token dies at the server too; offline it simply expires there.
    m_engine->api().logout([](Result<QJsonObject>) {});
    // Deferred: sign-out may come from inside one of the engine's own callbacks.
    m_engine.release()->deleteLater();
    m_workspace.release()->deleteLater();
    m_offlinePassword.clear();
    m_startedOffline = false;
    m_renewing = false;
    emit signedOut();
}

Status SessionManager::rememberVerifiedPassword(const QString &password)
{
    const PasswordHasher hasher(m_options.verifierStrength);
    if (!hasher.verify(password, m_profile.passwordVerifier)) {
        auto verifier = hasher.hash(password);
        if (!verifier)
            return verifier.error();
        m_profile.passwordVerifier = verifier.value();
    }
    m_profile.verifiedAt = m_clock.now();
    return m_profile.save(m_directory);
}

void SessionManager::renewWith(const QString &password, std::function<void(Status)> done)
{
    QPointer<SyncEngine> engine = m_engine.get();
    m_engine->api().login(
        m_login, password, [this, engine, password, done = std::move(done)](Result<ServerApi::LoginAnswer> answer) {
            if (!engine || engine != m_engine.get())
                return; // signed out meanwhile
            if (!answer)
                return done(answer.error());
            if (!answer->deviceCode.isEmpty())
                m_profile.deviceCode = answer->deviceCode;
            m_profile.user = answer->user;
            if (auto known = m_workspace->store().findBranch(m_profile.user.branchId); known && !known->has_value())
                m_profile.user.branchId = m_workspace->user().branchId; // named by code: keep the id we resolved
            m_workspace->setUser(m_profile.user);
            (void)rememberVerifiedPassword(password);
            m_offlinePassword.clear();
            m_startedOffline = false;
            done({});
        });
}

void SessionManager::renewSession()
{
    if (!m_engine || m_renewing)
        return;
    m_renewing = true;
    const auto ask = [this](const QString &reason) {
        m_renewing = false;
        m_engine->signInFailed(Error {QStringLiteral("sign_in_required"), reason, {}});
        emit passwordNeeded(reason);
    };
    // What to do with one password's answer; `next` tries the next source of a password.
    const auto judge = [this](std::function<void(const QString &)> next) {
        return [this, next = std::move(next)](Status renewed) {
            if (renewed) {
                m_renewing = false;
                m_engine->resumeAfterSignIn();
            } else if (isNetworkFailure(renewed.error())) {
                m_renewing = false;
                m_engine->signInFailed(renewed.error()); // try again after the back-off
            } else {
                next(renewed.error().message);
            }
        };
    };
    const auto fromKeychain = [this, ask, judge](const QString &) {
        m_credentials.read(CredentialStore::key(m_server, m_login), [this, ask, judge](std::optional<QString> saved) {
            if (!m_engine)
                return;
            if (!saved) {
                ask(tr("Your session at %1 has ended. Enter your password to continue syncing.").arg(m_server.host()));
                return;
            }
            renewWith(*saved, judge([ask](const QString &reason) {
                ask(tr("The saved password was not accepted: %1").arg(reason));
            }));
        });
    };
    if (!m_offlinePassword.isEmpty())
        renewWith(m_offlinePassword, judge(fromKeychain));
    else
        fromKeychain({});
}

void SessionManager::renewWithPassword(const QString &password, bool remember, std::function<void(Status)> done)
{
    if (!m_engine) {
        done(Error {QStringLiteral("not_signed_in"), tr("Sign in first."), {}});
        return;
    }
    renewWith(password, [this, password, remember, done = std::move(done)](Status renewed) {
        if (renewed) {
            m_renewing = false;
            const QString key = CredentialStore::key(m_server, m_login);
            if (remember)
                m_credentials.write(key, password);
            m_engine->resumeAfterSignIn();
        }
        done(renewed);
    });
}

} // namespace casedesk
