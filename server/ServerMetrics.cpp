#include "ServerMetrics.h"

namespace casedesk {

namespace {
const QList<double> latencyBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
const QList<double> batchBounds = {1, 2, 4, 8, 16, 32, 64, 128, 256};

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

// Label values are escaped as the text format asks (backslash, quote, newline).
QByteArray label(const QString &value)
{
    QByteArray text = value.toUtf8();
    text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return '"' + text + '"';
}
} // namespace

ServerMetrics::Histogram::Histogram(QList<double> b)
    : bounds(std::move(b))
    , counts(bounds.size() + 1, 0)
{ }

void ServerMetrics::Histogram::observe(double value)
{
    qsizetype i = 0;
    while (i < bounds.size() && value > bounds.at(i))
        ++i;
    ++counts[i];
    sum += value;
    ++count;
}

ServerMetrics::ServerMetrics(QString version)
    : m_version(std::move(version))
    , m_started(QDateTime::currentDateTimeUtc())
    , m_batchSizes(batchBounds)
    , m_commitSeconds(latencyBounds)
{ }

void ServerMetrics::observeRequest(const QString &method, const QString &route, int status, double seconds)
{
    ++m_requests[method + QLatin1Char('\t') + route + QLatin1Char('\t') + QString::number(status)];
    const QString key = method + QLatin1Char('\t') + route;
    auto it = m_latency.find(key);
    if (it == m_latency.end())
        it = m_latency.insert(key, Histogram(latencyBounds));
    it->observe(seconds);
}

void ServerMetrics::observeSyncOp(const QString &result)
{
    ++m_syncOps[result];
}

void ServerMetrics::observeCommit(int requests, double seconds, bool ok)
{
    m_batchSizes.observe(requests);
    m_commitSeconds.observe(seconds);
    if (!ok)
        ++m_failedCommits;
}

void ServerMetrics::renderHistogram(
    QByteArray &out, const QByteArray &name, const QByteArray &labels, const Histogram &h)
{
    const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
    quint64 cumulative = 0;
    for (qsizetype i = 0; i < h.bounds.size(); ++i) {
        cumulative += h.counts.at(i);
        out += name + "_bucket{" + prefix + "le=\"" + number(h.bounds.at(i)) + "\"} " + QByteArray::number(cumulative)
            + '\n';
    }
    out += name + "_bucket{" + prefix + "le=\"+Inf\"} " + QByteArray::number(h.count) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_sum" + braces + ' ' + number(h.sum) + '\n';
    out += name + "_count" + braces + ' ' + QByteArray::number(h.count) + '\n';
}

QByteArray ServerMetrics::render(const QMap<QString, qint64> &openCasesByStatus) const
{
    QByteArray out;
    out += "# HELP casedesk_build_info The running casedesk-server.\n# TYPE casedesk_build_info gauge\n";
    out += "casedesk_build_info{version=" + label(m_version) + "} 1\n";
    out += "# HELP casedesk_start_time_seconds When the server started (Unix time).\n"
           "# TYPE casedesk_start_time_seconds gauge\n";
    out += "casedesk_start_time_seconds " + QByteArray::number(m_started.toSecsSinceEpoch()) + '\n';

    out += "# HELP casedesk_http_requests_total HTTP requests answered, by method, route and status.\n"
           "# TYPE casedesk_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\t'));
        out += "casedesk_http_requests_total{method=" + label(parts.value(0)) + ",route=" + label(parts.value(1))
            + ",status=" + label(parts.value(2)) + "} " + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP casedesk_http_request_duration_seconds Time from request to answer, by method and route.\n"
           "# TYPE casedesk_http_request_duration_seconds histogram\n";
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\t'));
        renderHistogram(out, "casedesk_http_request_duration_seconds",
            "method=" + label(parts.value(0)) + ",route=" + label(parts.value(1)), it.value());
    }
    out += "# HELP casedesk_sync_ops_total Pushed sync ops, by result.\n# TYPE casedesk_sync_ops_total counter\n";
    for (const QString &result :
        {QStringLiteral("applied"), QStringLiteral("conflict"), QStringLiteral("rejected"), QStringLiteral("replayed")})
        out += "casedesk_sync_ops_total{result=" + label(result) + "} " + QByteArray::number(m_syncOps.value(result))
            + '\n';
    out += "# HELP casedesk_open_cases Open cases, by status.\n# TYPE casedesk_open_cases gauge\n";
    for (auto it = openCasesByStatus.cbegin(); it != openCasesByStatus.cend(); ++it)
        out += "casedesk_open_cases{status=" + label(it.key()) + "} " + QByteArray::number(it.value()) + '\n';
    out += "# HELP casedesk_group_commit_batch_size Requests per durable commit.\n"
           "# TYPE casedesk_group_commit_batch_size histogram\n";
    renderHistogram(out, "casedesk_group_commit_batch_size", {}, m_batchSizes);
    out += "# HELP casedesk_group_commit_duration_seconds From opening a batch to its durable commit.\n"
           "# TYPE casedesk_group_commit_duration_seconds histogram\n";
    renderHistogram(out, "casedesk_group_commit_duration_seconds", {}, m_commitSeconds);
    out += "# HELP casedesk_group_commit_failures_total Batches whose commit failed.\n"
           "# TYPE casedesk_group_commit_failures_total counter\n";
    out += "casedesk_group_commit_failures_total " + QByteArray::number(m_failedCommits) + '\n';
    return out;
}

} // namespace casedesk
