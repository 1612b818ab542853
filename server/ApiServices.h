#pragma once

#include <QString>

namespace casedesk {

class Authenticator;
class CaseService;
class Clock;
class DataDirectory;
class ServerMetrics;
class StructuredLog;

// What the API's handlers work with, wired once by `serve`: the data directory (stores, rules, keys),
// the case service, the authenticator, the clock, metrics and log.
struct ApiServices
{
    DataDirectory &data;
    CaseService &cases;
    Authenticator &authenticator;
    const Clock &clock;
    ServerMetrics &metrics;
    StructuredLog &log;
    QString version;
    quint16 metricsPort = 0; // non-zero: /metrics answers only on this port (server/metrics_listen)
    bool metricsEnabled = true;
    int loginFailuresPerMinute = 30; // per client address (LoginThrottle)
};

} // namespace casedesk
