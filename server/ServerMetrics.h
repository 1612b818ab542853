#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace casedesk {

// The server's counters for /metrics in the Prometheus text format (issue 3 §6): requests by route and
// status, request latency histograms, sync ops by result, group-commit batch sizes and durations.
// Gauges that live in the database (open cases by status) are passed in when rendering.
class ServerMetrics
{
public:
    explicit ServerMetrics(QString version);

    void observeRequest(const QString &method, const QString &route, int status, double seconds);
    void observeSyncOp(const QString &result);
    void observeCommit(int requests, double seconds, bool ok);

    QByteArray render(const QMap<QString, qint64> &openCasesByStatus) const;

private:
    struct Histogram
    {
        explicit Histogram(QList<double> bounds = {});
        void observe(double value);
        QList<double> bounds;
        QList<quint64> counts; // per bound, not cumulative; last is +Inf
        double sum = 0;
        quint64 count = 0;
    };
    static void renderHistogram(
        QByteArray &out, const QByteArray &name, const QByteArray &labels, const Histogram &histogram);

    QString m_version;
    QDateTime m_started;
    QMap<QString, quint64> m_requests; // "method\troute\tstatus"
    QMap<QString, Histogram> m_latency; // "method\troute"
    QMap<QString, quint64> m_syncOps;
    Histogram m_batchSizes;
    Histogram m_commitSeconds;
    quint64 m_failedCommits = 0;
};

} // namespace casedesk
