#pragma once

#include "ApiRouter.h"
#include "ApiServices.h"
#include "GroupCommit.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>
#include <optional>

namespace casedesk {

// The HTTP API v1 server (DESIGN §5) on Qt HttpServer 6.4. Handlers are synchronous (6.4's QFuture
// handlers crash when a client disconnects early); a write's reply is deferred until its group commit
// is durable and then written to the socket guarded by QPointer. Every request is authenticated as its
// route requires, bodies over the limit are refused before parsing, every error is a JSON error, and
// each answer is logged as one JSON line and counted in the metrics.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    struct Options
    {
        qint64 bodyLimit = 1024 * 1024;
        int commitWindowMs = 0;
        int commitMaxBatch = 128;
    };

    ApiServer(ApiServices &services, Options options, QObject *parent = nullptr);
    ~ApiServer() override;

    ApiRouter &router() { return m_router; }
    // Listens on address:port (0: any free port), with TLS when a configuration is given; returns the
    // base URL clients use.
    Result<QUrl> listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls);
    // Stops accepting connections, commits the open batch and writes out every answer.
    void shutdown();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiReply execute(const ApiRouter::Route &route, ApiRequest &request);

    ApiServices &m_services;
    Options m_options;
    ApiRouter m_router;
    GroupCommit m_commit;
    quint64 m_requestCounter = 0;
};

} // namespace casedesk
