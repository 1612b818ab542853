#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QUrl>

#include <memory>

namespace casedesk {

class ApiServer;
class AuthApi;
class Authenticator;
class CaseApi;
class CaseService;
class Clock;
class DataDirectory;
class DirectoryApi;
class LanguageTranslators;
class OperationsApi;
class ReportApi;
class ServerMetrics;
class StructuredLog;
class SyncApi;
struct ApiServices;

// A running `serve` (DESIGN §4): holds the data directory's lock (one server per directory), opens the
// directory, wires the services to the API and listens. Stopping commits the open write batch first.
class ServerRuntime
{
    Q_DECLARE_TR_FUNCTIONS(ServerRuntime)

public:
    struct Overrides
    {
        QString listen; // empty: the conf's
        QString tlsCertificate;
        QString tlsKey;
    };

    static Result<std::unique_ptr<ServerRuntime>> start(
        const QString &dataDir, const Overrides &overrides, const QString &version);
    ~ServerRuntime();

    QUrl url() const { return m_url; }
    QUrl metricsUrl() const { return m_metricsUrl; }
    void stop();

private:
    ServerRuntime();

    // Declared first, so it is removed last: messages are written in the conf's language to the end.
    std::unique_ptr<LanguageTranslators> m_translators;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<DataDirectory> m_data;
    std::unique_ptr<StructuredLog> m_log;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<CaseService> m_service;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<ServerMetrics> m_metrics;
    std::unique_ptr<ApiServices> m_services;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<OperationsApi> m_operations;
    std::unique_ptr<AuthApi> m_auth;
    std::unique_ptr<DirectoryApi> m_directory;
    std::unique_ptr<CaseApi> m_cases;
    std::unique_ptr<SyncApi> m_sync;
    std::unique_ptr<ReportApi> m_reports;
    QUrl m_url;
    QUrl m_metricsUrl;
    bool m_stopped = false;
};

} // namespace casedesk
