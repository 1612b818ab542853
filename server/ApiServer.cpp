#include "ApiServer.h"

#include "ConnectionState.h"
#include "DataDirectory.h"
#include "ServerMetrics.h"
#include "StructuredLog.h"
#include "storage/CaseStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>

#include <functional>

namespace casedesk {

namespace {

// A listener that attaches the API's per-connection state to each socket before QAbstractHttpServer
// connects its own slots (QAbstractHttpServer asks nextPendingConnection() for new sockets).
template<typename Base>
class ApiListener : public Base
{
public:
    explicit ApiListener(qint64 bodyLimit)
        : m_bodyLimit(bodyLimit)
    { }
    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket)
            ConnectionState::attach(socket, m_bodyLimit);
        return socket;
    }

private:
    qint64 m_bodyLimit;
};

} // namespace

ApiServer::ApiServer(ApiServices &services, Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_services(services)
    , m_options(options)
    , m_commit(services.data.database(), options.commitWindowMs, options.commitMaxBatch)
{
    connect(&m_commit, &GroupCommit::committed, this, [this](int requests, double seconds, bool ok) {
        m_services.metrics.observeCommit(requests, seconds, ok);
        if (!ok)
            m_services.log.error(QStringLiteral("commit_failed"), {{QStringLiteral("requests"), requests}});
    });
}

ApiServer::~ApiServer()
{
    m_commit.flush();
}

Result<QUrl> ApiServer::listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *server = nullptr;
    if (tls) {
        auto *ssl = new ApiListener<QSslServer>(m_options.bodyLimit);
        ssl->setSslConfiguration(*tls);
        // Qt 6.4 announces TLS connections once their handshake is done; tell QAbstractHttpServer then.
        connect(ssl, &QTcpServer::pendingConnectionAvailable, ssl, &QTcpServer::newConnection);
        server = ssl;
    } else {
        server = new ApiListener<QTcpServer>(m_options.bodyLimit);
    }
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        delete server;
        return Error {QStringLiteral("listen_failed"),
            tr("Cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(reason), {}};
    }
    bind(server);
    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(address.toString());
    url.setPort(server->serverPort());
    return url;
}

void ApiServer::shutdown()
{
    for (QTcpServer *server : servers())
        server->close();
    m_commit.flush();
    for (QTcpSocket *socket : findChildren<QTcpSocket *>()) {
        if (auto *state = ConnectionState::of(socket))
            state->flush();
    }
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const ApiReply reply = ApiReply::error(
        Error {QStringLiteral("not_found"), tr("There is no %1 here.").arg(request.url().path()), {}});
    socket->write(reply.serialize(false, {}));
}

ApiReply ApiServer::execute(const ApiRouter::Route &route, ApiRequest &request)
{
    if (route.access == ApiRouter::Access::Authenticated) {
        auto session = m_services.authenticator.authenticate(request.bearerToken());
        if (!session) {
            ApiReply reply = ApiReply::error(session.error());
            if (reply.status == 401)
                reply.withHeader("WWW-Authenticate", "Bearer realm=\"casedesk\"");
            return reply;
        }
        auto scope = m_services.data.cases().branchSubtree(session->user.branchId);
        if (!scope)
            return ApiReply::error(scope.error());
        request.access.emplace(session->user, *scope);
        request.session = std::move(session.value());
    }
    return route.handler(request);
}

bool ApiServer::handleRequest(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    ConnectionState *connection = ConnectionState::of(socket);
    const quint64 sequence = connection->nextSequence();
    auto request = std::make_shared<ApiRequest>(ApiRequest::from(httpRequest, socket->localPort()));
    request->requestId = QByteArray::number(++m_requestCounter, 16);
    const bool close = request->header("connection").trimmed().toLower() == "close";
    const QString method = ApiRequest::methodName(request->method);
    const ApiRouter::Match match = m_router.match(request->method, request->path);
    const QString routeName = match.route ? match.route->pattern : QStringLiteral("unmatched");

    // The reply goes out through the connection's state, which dies with the socket: a client that
    // left before its group commit finished is simply not answered.
    auto deliver = [this, guard = QPointer<ConnectionState>(connection), sequence, close, timer, method, routeName,
                       request](const ApiReply &reply) {
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        m_services.metrics.observeRequest(method, routeName, reply.status, seconds);
        QJsonObject fields {{QStringLiteral("method"), method}, {QStringLiteral("route"), routeName},
            {QStringLiteral("path"), request->path}, {QStringLiteral("status"), reply.status},
            {QStringLiteral("ms"), qRound(seconds * 100000.0) / 100.0},
            {QStringLiteral("remote"), request->remote.toString()},
            {QStringLiteral("request_id"), QString::fromLatin1(request->requestId)}};
        if (request->session)
            fields.insert(QStringLiteral("user"), request->session->user.login);
        if (!reply.errorCode.isEmpty())
            fields.insert(QStringLiteral("error"), reply.errorCode);
        m_services.log.write(
            reply.status >= 500 ? QStringLiteral("error") : QStringLiteral("info"), QStringLiteral("request"), fields);
        if (guard)
            guard->send(sequence, reply.serialize(close, request->requestId), close);
    };

    // DESIGN §5: bodies over the limit are refused before anything parses them.
    bool declaredOk = true;
    const qint64 declared = request->header("content-length").trimmed().toLongLong(&declaredOk);
    if ((declaredOk && declared > m_options.bodyLimit) || request->body.size() > m_options.bodyLimit) {
        deliver(ApiReply::error(Error {QStringLiteral("payload_too_large"),
            tr("The request body is larger than the limit of %1 bytes.").arg(m_options.bodyLimit),
            {{QStringLiteral("limit"), m_options.bodyLimit}}}));
        return true;
    }
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            ApiReply reply = ApiReply::error(Error {QStringLiteral("method_not_allowed"),
                tr("%1 is not allowed on %2; allowed: %3.")
                    .arg(method, request->path, match.allowedMethods.join(QStringLiteral(", "))),
                {{QStringLiteral("allowed"), QJsonArray::fromStringList(match.allowedMethods)}}});
            reply.withHeader("Allow", match.allowedMethods.join(QStringLiteral(", ")).toLatin1());
            deliver(reply);
        } else {
            deliver(ApiReply::error(
                Error {QStringLiteral("not_found"), tr("There is no %1 here.").arg(request->path), {}}));
        }
        return true;
    }
    request->captures = match.captures;
    const ApiRouter::Route *route = match.route;
    auto work = [this, route, request]() { return execute(*route, *request); };
    switch (route->work) {
    case ApiRouter::Work::None:
        deliver(work());
        break;
    case ApiRouter::Work::Read:
        if (!m_commit.isOpen()) {
            deliver(work());
            break;
        }
        m_commit.run(work, deliver);
        break;
    case ApiRouter::Work::Write:
        m_commit.run(work, deliver);
        break;
    }
    return true;
}

} // namespace casedesk
