#include "session/ServerApi.h"

#include "session/DirectoryJson.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>

namespace casedesk {

namespace {
const QString apiPrefix = QStringLiteral("api/v1/");

// Lists come either bare or wrapped ({"branches": […]}); the client accepts both.
QJsonArray listIn(const QJsonDocument &document, QLatin1String key)
{
    if (document.isArray())
        return document.array();
    const QJsonObject object = document.object();
    if (object.value(key).isArray())
        return object.value(key).toArray();
    return object.value(QLatin1String("items")).toArray();
}

Error unexpectedAnswer(const QString &what)
{
    return Error {QStringLiteral("unexpected_answer"),
        ServerApi::tr("The server sent an answer the client does not understand (%1).").arg(what), {}};
}
} // namespace

ServerApi::ServerApi(const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_ssl(QSslConfiguration::defaultConfiguration())
    , m_network(new QNetworkAccessManager(this))
{
    // The API is small JSON; a cache or cookies would only keep stale or personal data around.
    m_network->setCookieJar(nullptr);
}

ServerApi::~ServerApi()
{
    // Callbacks capture their callers; none may run while this object is being torn down.
    const auto inFlight = m_inFlight;
    for (QNetworkReply *reply : inFlight) {
        reply->disconnect(this);
        reply->abort();
        delete reply;
    }
}

Status ServerApi::trustCertificateFile(const QString &path)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.isEmpty()) {
        return Error {QStringLiteral("invalid_certificate"), tr("No PEM certificate could be read from %1.").arg(path),
            {{QStringLiteral("path"), path}}};
    }
    m_ssl.addCaCertificates(certificates);
    return {};
}

QUrl ServerApi::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    if (!base.endsWith(QLatin1Char('/')))
        base.append(QLatin1Char('/'));
    url.setPath(base + path);
    url.setQuery(query);
    return url;
}

QNetworkRequest ServerApi::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_language.isEmpty())
        request.setRawHeader(
            "Accept-Language", QString(m_language).replace(QLatin1Char('_'), QLatin1Char('-')).toUtf8());
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_ssl);
    return request;
}

void ServerApi::get(const QString &path, const QUrlQuery &query, Callback<QJsonDocument> done)
{
    track(m_network->get(request(endpoint(path, query))), std::move(done));
}

void ServerApi::post(const QString &path, const QJsonObject &body, Callback<QJsonDocument> done)
{
    track(m_network->post(request(endpoint(path, {})), QJsonDocument(body).toJson(QJsonDocument::Compact)),
        std::move(done));
}

Error ServerApi::networkError(QNetworkReply *reply) const
{
    const QString host = reply->url().host();
    QString message;
    QString code = QStringLiteral("network_error");
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        message
            = tr("The server at %1 refused the connection: it is not running or not reachable from here.").arg(host);
        break;
    case QNetworkReply::HostNotFoundError:
        message = tr("The server name %1 cannot be found. Check the server address and the network.").arg(host);
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer time-out aborts the reply
        code = QStringLiteral("timeout");
        message = tr("The server at %1 did not answer in time.").arg(host);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        code = QStringLiteral("tls_error");
        message = tr("The secure connection to %1 could not be established: %2. If head office uses a "
                     "certificate of its own, trust that certificate file (“Trust a certificate…”).")
                      .arg(host, reply->errorString());
        break;
    default:
        message = tr("The connection to the server at %1 failed: %2").arg(host, reply->errorString());
        break;
    }
    return Error {
        code, message, {{QStringLiteral("http_status"), 0}, {QStringLiteral("reason"), reply->errorString()}}};
}

void ServerApi::track(QNetworkReply *reply, Callback<QJsonDocument> done)
{
    m_inFlight.insert(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)]() {
        m_inFlight.remove(reply);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            done(networkError(reply));
            return;
        }
        QJsonParseError parseError {};
        const QJsonDocument document
            = body.isEmpty() ? QJsonDocument(QJsonObject()) : QJsonDocument::fromJson(body, &parseError);
        if (status >= 400) {
            // DESIGN §5: every error is {"error": {code, message, details}}; anything else (a proxy's
            // HTML page) is worded here.
            const QJsonObject error = document.object().value(QLatin1String("error")).toObject();
            Error e {error.value(QLatin1String("code")).toString(), error.value(QLatin1String("message")).toString(),
                error.value(QLatin1String("details")).toObject()};
            if (e.code.isEmpty())
                e.code = status >= 500 ? QStringLiteral("server_error") : QStringLiteral("http_%1").arg(status);
            if (e.message.isEmpty())
                e.message = tr("The server answered with HTTP status %1.").arg(status);
            e.details.insert(QStringLiteral("http_status"), status);
            done(e);
            return;
        }
        if (parseError.error != QJsonParseError::NoError) {
            done(unexpectedAnswer(parseError.errorString()));
            return;
        }
        done(document);
    });
}

void ServerApi::health(Callback<QJsonObject> done)
{
    get(apiPrefix + QStringLiteral("health"), {}, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (!reply)
            return done(reply.error());
        done(reply->object());
    });
}

void ServerApi::login(const QString &login, const QString &password, Callback<LoginAnswer> done)
{
    const QJsonObject body {{QStringLiteral("login"), login}, {QStringLiteral("password"), password},
        {QStringLiteral("device"), m_deviceId}};
    post(apiPrefix + QStringLiteral("auth/login"), body, [this, done = std::move(done)](Result<QJsonDocument> reply) {
        if (!reply)
            return done(reply.error());
        const QJsonObject json = reply->object();
        LoginAnswer answer;
        answer.json = json;
        answer.token = json.value(QLatin1String("token")).toString();
        answer.expiresAt = QDateTime::fromString(json.value(QLatin1String("expires_at")).toString(), Qt::ISODateWithMs);
        answer.deviceCode = json.value(QLatin1String("device_code")).toString();
        answer.user = DirectoryJson::userFromJson(json.value(QLatin1String("user")).toObject());
        if (answer.token.isEmpty() || answer.user.id.isEmpty())
            return done(unexpectedAnswer(QStringLiteral("auth/login")));
        m_token = answer.token;
        done(answer);
    });
}

void ServerApi::logout(Callback<QJsonObject> done)
{
    post(apiPrefix + QStringLiteral("auth/logout"), {}, [this, done = std::move(done)](Result<QJsonDocument> reply) {
        m_token.clear();
        if (!reply)
            return done(reply.error());
        done(reply->object());
    });
}

void ServerApi::branches(Callback<QList<Branch>> done)
{
    get(apiPrefix + QStringLiteral("branches"), {}, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (!reply)
            return done(reply.error());
        QList<Branch> branches;
        for (const QJsonValue &value : listIn(*reply, QLatin1String("branches"))) {
            Branch branch = DirectoryJson::branchFromJson(value.toObject());
            if (!branch.id.isEmpty())
                branches.append(branch);
        }
        done(branches);
    });
}

void ServerApi::users(Callback<QList<User>> done)
{
    get(apiPrefix + QStringLiteral("users"), {}, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (!reply)
            return done(reply.error());
        QList<User> users;
        for (const QJsonValue &value : listIn(*reply, QLatin1String("users"))) {
            User user = DirectoryJson::userFromJson(value.toObject());
            if (!user.id.isEmpty())
                users.append(user);
        }
        done(users);
    });
}

void ServerApi::taxonomy(Callback<QJsonObject> done)
{
    get(apiPrefix + QStringLiteral("taxonomy"), {}, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (!reply)
            return done(reply.error());
        done(reply->object());
    });
}

void ServerApi::fetchCase(const QString &caseId, Callback<QJsonObject> done)
{
    get(apiPrefix + QStringLiteral("cases/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(caseId))), {},
        [done = std::move(done)](Result<QJsonDocument> reply) {
            if (!reply)
                return done(reply.error());
            done(reply->object());
        });
}

void ServerApi::push(const QList<SyncOp> &ops, Callback<QJsonArray> done)
{
    QJsonArray list;
    for (const SyncOp &op : ops)
        list.append(op.toJson());
    const QJsonObject body {{QStringLiteral("device"), m_deviceId}, {QStringLiteral("ops"), list}};
    post(apiPrefix + QStringLiteral("sync/push"), body, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (!reply)
            return done(reply.error());
        const QJsonValue results = reply->object().value(QLatin1String("results"));
        if (!results.isArray())
            return done(unexpectedAnswer(QStringLiteral("sync/push")));
        done(results.toArray());
    });
}

void ServerApi::pull(qint64 since, int limit, Callback<ChangePage> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), QString::number(since));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    get(apiPrefix + QStringLiteral("sync/pull"), query, [done = std::move(done)](Result<QJsonDocument> reply) {
        if (!reply)
            return done(reply.error());
        const QJsonObject json = reply->object();
        if (!json.value(QLatin1String("changes")).isArray())
            return done(unexpectedAnswer(QStringLiteral("sync/pull")));
        ChangePage page;
        for (const QJsonValue &change : json.value(QLatin1String("changes")).toArray())
            page.changes.append(Change::fromJson(change.toObject()));
        page.next = json.value(QLatin1String("next")).toInteger();
        page.hasMore = json.value(QLatin1String("has_more")).toBool();
        done(page);
    });
}

int ServerApi::httpStatus(const Error &error)
{
    return error.details.value(QLatin1String("http_status")).toInt();
}

bool ServerApi::isUnreachable(const Error &error)
{
    // Only failures of a request carry an HTTP status (0 when no answer came at all).
    if (!error.details.contains(QLatin1String("http_status")))
        return false;
    // 0: no answer; 5xx: the server (or a proxy before it) cannot serve now; 429: throttled.
    const int status = httpStatus(error);
    return status == 0 || status >= 500 || status == 429;
}

bool ServerApi::isUnauthenticated(const Error &error)
{
    return httpStatus(error) == 401;
}

} // namespace casedesk
