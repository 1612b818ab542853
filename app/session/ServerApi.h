#pragma once

#include "base/Result.h"
#include "domain/Branch.h"
#include "domain/User.h"
#include "sync/ChangeFeed.h"
#include "sync/SyncOp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace casedesk {

// The client's side of the HTTP API v1 (DESIGN §5): JSON over HTTP(S) with the session's bearer token,
// time-outs, and TLS that trusts the system CA store plus, optionally, one certificate file for a
// head office with a self-signed certificate. Every call is asynchronous: the callback runs later on
// this object's thread, never inside the call. Failures are Errors: the server's own
// {"error":{code,message,details}}, or a network error the client words itself.
class ServerApi : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    struct LoginAnswer
    {
        QString token;
        QDateTime expiresAt;
        QString deviceCode; // the server's code for this device, part of offline case numbers (DESIGN §6)
        User user;
        QJsonObject json; // the whole answer, for what the client does not model
    };

    explicit ServerApi(const QUrl &baseUrl, QObject *parent = nullptr);
    ~ServerApi() override;

    QUrl baseUrl() const { return m_baseUrl; }
    QString token() const { return m_token; }
    void setToken(const QString &token) { m_token = token; }
    // The identity this computer's store registers under at login (one per local store).
    QString deviceId() const { return m_deviceId; }
    void setDeviceId(const QString &deviceId) { m_deviceId = deviceId; }
    // Sent as Accept-Language, so priority reasons come back in the UI language.
    void setLanguage(const QString &language) { m_language = language; }
    // A request that neither sends nor receives anything for this long fails as unreachable.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Trusts the PEM certificate(s) in `path` in addition to the system CA store.
    Status trustCertificateFile(const QString &path);

    // Raw JSON calls; `path` is relative to the base URL ("api/v1/health").
    void get(const QString &path, const QUrlQuery &query, Callback<QJsonDocument> done);
    void post(const QString &path, const QJsonObject &body, Callback<QJsonDocument> done);

    void health(Callback<QJsonObject> done);
    void login(const QString &login, const QString &password, Callback<LoginAnswer> done);
    void logout(Callback<QJsonObject> done);
    void branches(Callback<QList<Branch>> done);
    void users(Callback<QList<User>> done);
    void taxonomy(Callback<QJsonObject> done);
    // GET /cases/{id}: unmasked for roles that may see personal data (the server audits the view).
    void fetchCase(const QString &caseId, Callback<QJsonObject> done);
    // POST /sync/push: the raw per-op results, in the server's order (SyncEngine reads them).
    void push(const QList<SyncOp> &ops, Callback<QJsonArray> done);
    // GET /sync/pull: one page of changes after `since`.
    void pull(qint64 since, int limit, Callback<ChangePage> done);

    // The server could not be reached or could not serve now (network, time-out, 5xx, 429):
    // try again later. Anything else is an answer to act on.
    static bool isUnreachable(const Error &error);
    // The session token is missing, expired or revoked: sign in again.
    static bool isUnauthenticated(const Error &error);
    static int httpStatus(const Error &error);

private:
    QUrl endpoint(const QString &path, const QUrlQuery &query) const;
    QNetworkRequest request(const QUrl &url) const;
    void track(QNetworkReply *reply, Callback<QJsonDocument> done);
    Error networkError(QNetworkReply *reply) const;

    QUrl m_baseUrl;
    QString m_token;
    QString m_deviceId;
    QString m_language;
    std::chrono::milliseconds m_timeout {20000};
    QSslConfiguration m_ssl;
    QNetworkAccessManager *m_network = nullptr;
    QSet<QNetworkReply *> m_inFlight;
};

} // namespace casedesk
