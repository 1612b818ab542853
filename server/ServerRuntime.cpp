#include "ServerRuntime.h"

#include "ApiServer.h"
#include "ApiServices.h"
#include "AuthApi.h"
#include "Authenticator.h"
#include "CaseApi.h"
#include "DataDirectory.h"
#include "DirectoryApi.h"
#include "ListenAddress.h"
#include "OperationsApi.h"
#include "ReportApi.h"
#include "ServerMetrics.h"
#include "ShiftedClock.h"
#include "StructuredLog.h"
#include "SyncApi.h"
#include "TlsCredentials.h"
#include "base/LanguageTranslators.h"
#include "casework/CaseRules.h"
#include "casework/CaseService.h"
#include "storage/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace casedesk {

ServerRuntime::ServerRuntime() = default;

ServerRuntime::~ServerRuntime()
{
    stop();
    // Everything below refers to the data directory: tear down in reverse order of wiring.
    m_server.reset();
    m_sync.reset();
    m_cases.reset();
    m_directory.reset();
    m_auth.reset();
    m_operations.reset();
    m_services.reset();
    m_authenticator.reset();
    m_service.reset();
    m_data.reset();
    m_log.reset();
}

void ServerRuntime::stop()
{
    if (m_stopped || !m_server)
        return;
    m_stopped = true;
    m_server->shutdown();
    m_log->info(QStringLiteral("stopped"));
}

Result<std::unique_ptr<ServerRuntime>> ServerRuntime::start(
    const QString &dataDir, const Overrides &overrides, const QString &version)
{
    std::unique_ptr<ServerRuntime> runtime(new ServerRuntime);
    // One server per data directory: a second would interleave group commits and revisions.
    if (!QFileInfo(dataDir).isDir()) {
        return Error {QStringLiteral("config_missing"),
            tr("%1 is not a data directory; create one with “casedesk-server init”.").arg(dataDir), {}};
    }
    runtime->m_lock = std::make_unique<QLockFile>(DataDirectory::lockFile(dataDir));
    runtime->m_lock->setStaleLockTime(0);
    if (!runtime->m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        runtime->m_lock->getLockInfo(&pid, &host, &app);
        return Error {QStringLiteral("server_running"),
            tr("Another server (process %1) is already serving %2.").arg(pid).arg(dataDir), {}};
    }
    auto data = DataDirectory::open(dataDir);
    if (!data)
        return data.error();
    runtime->m_data = std::move(data.value());
    const ServerConfig &config = runtime->m_data->config();
    // API error messages (and the lists and names inside them) come in the conf's language (server/language).
    auto translators = LanguageTranslators::install(config.language);
    if (!translators)
        return translators.error();
    runtime->m_translators = std::move(translators).value();
    QLocale::setDefault(QLocale(config.language));
    runtime->m_log = std::make_unique<StructuredLog>(
        QDir(DataDirectory::logDirectory(dataDir)).filePath(QStringLiteral("server.log")));
    runtime->m_log->captureQtMessages();

    if (config.clockStart.isValid())
        runtime->m_clock = std::make_unique<ShiftedClock>(config.clockStart);
    else
        runtime->m_clock = std::make_unique<SystemClock>();
    CaseService::Options options;
    options.assignRevisions = true;
    options.hasher = &runtime->m_data->hasher();
    options.language = config.language;
    runtime->m_service
        = std::make_unique<CaseService>(runtime->m_data->cases(), runtime->m_data->rules(), *runtime->m_clock, options);
    runtime->m_authenticator = std::make_unique<Authenticator>(runtime->m_data->cases(), runtime->m_data->accounts(),
        *runtime->m_clock,
        Authenticator::Policy {config.lockoutThreshold, config.lockoutSeconds, config.sessionHours, config.strength()});
    runtime->m_metrics = std::make_unique<ServerMetrics>(version);
    runtime->m_services = std::make_unique<ApiServices>(ApiServices {*runtime->m_data, *runtime->m_service,
        *runtime->m_authenticator, *runtime->m_clock, *runtime->m_metrics, *runtime->m_log, version});
    runtime->m_services->metricsEnabled = config.metrics;
    runtime->m_services->loginFailuresPerMinute = config.loginFailuresPerMinute;

    ApiServer::Options serverOptions;
    serverOptions.bodyLimit = config.bodyLimit;
    serverOptions.commitWindowMs = config.commitWindowMs;
    serverOptions.commitMaxBatch = config.commitMaxBatch;
    runtime->m_server = std::make_unique<ApiServer>(*runtime->m_services, serverOptions);
    runtime->m_operations = std::make_unique<OperationsApi>(*runtime->m_services);
    runtime->m_auth = std::make_unique<AuthApi>(*runtime->m_services);
    runtime->m_directory = std::make_unique<DirectoryApi>(*runtime->m_services);
    runtime->m_cases = std::make_unique<CaseApi>(*runtime->m_services);
    runtime->m_sync = std::make_unique<SyncApi>(*runtime->m_services);
    // An admin's early-warning parameters in DATA/rules override the built-in ones; a bad file stops the start.
    auto warningRules = EarlyWarningRules::load(QDir(dataDir).filePath(QStringLiteral("rules")));
    if (!warningRules)
        return warningRules.error();
    runtime->m_reports = std::make_unique<ReportApi>(*runtime->m_services, std::move(warningRules).value());
    ApiRouter &router = runtime->m_server->router();
    runtime->m_operations->addRoutes(router);
    runtime->m_auth->addRoutes(router);
    runtime->m_directory->addRoutes(router);
    runtime->m_cases->addRoutes(router);
    runtime->m_sync->addRoutes(router);
    runtime->m_reports->addRoutes(router);

    auto address = ListenAddress::parse(overrides.listen.isEmpty() ? config.listen : overrides.listen);
    if (!address)
        return address.error();
    const QString certificate = overrides.tlsCertificate.isEmpty() ? config.tlsCertificate : overrides.tlsCertificate;
    const QString key = overrides.tlsKey.isEmpty() ? config.tlsKey : overrides.tlsKey;
    std::optional<QSslConfiguration> tls;
    if (!certificate.isEmpty() || !key.isEmpty()) {
        if (certificate.isEmpty() || key.isEmpty()) {
            return Error {QStringLiteral("tls_incomplete"), tr("TLS needs both --tls-cert and --tls-key."), {}};
        }
        auto loaded = TlsCredentials::load(certificate, key);
        if (!loaded)
            return loaded.error();
        tls = *loaded;
    }
    auto url = runtime->m_server->listen(address->host, address->port, tls);
    if (!url)
        return url.error();
    runtime->m_url = *url;
    if (config.metrics && !config.metricsListen.isEmpty()) {
        auto metricsAddress = ListenAddress::parse(config.metricsListen);
        if (!metricsAddress)
            return metricsAddress.error();
        auto metricsUrl = runtime->m_server->listen(metricsAddress->host, metricsAddress->port, std::nullopt);
        if (!metricsUrl)
            return metricsUrl.error();
        runtime->m_metricsUrl = *metricsUrl;
        runtime->m_services->metricsPort = quint16(metricsUrl->port());
    }
    runtime->m_log->info(QStringLiteral("listening"),
        {{QStringLiteral("url"), runtime->m_url.toString()}, {QStringLiteral("version"), version},
            {QStringLiteral("database"), runtime->m_data->database().dialect().name()},
            {QStringLiteral("profile"), config.profile},
            {QStringLiteral("clock_pinned"), config.clockStart.isValid()}});
    return runtime;
}

} // namespace casedesk
