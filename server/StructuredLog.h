#pragma once

#include <QFile>
#include <QJsonObject>
#include <QString>

namespace casedesk {

// The server's log: one JSON object per line ({"ts","level","event",…}) appended to DATA/logs/server.log
// and echoed to stderr, so operators can grep it and log shippers can parse it without patterns.
// Personal data never goes into it (request bodies are not logged).
class StructuredLog
{
public:
    // file empty: stderr only.
    explicit StructuredLog(const QString &file, bool toStderr = true);

    bool isOpen() const { return m_file.isOpen(); }
    void write(const QString &level, const QString &event, QJsonObject fields = {});
    void info(const QString &event, const QJsonObject &fields = {}) { write(QStringLiteral("info"), event, fields); }
    void warning(const QString &event, const QJsonObject &fields = {})
    {
        write(QStringLiteral("warning"), event, fields);
    }
    void error(const QString &event, const QJsonObject &fields = {}) { write(QStringLiteral("error"), event, fields); }

    // Routes qDebug/qWarning/… of Qt and the core into this log while it lives.
    void captureQtMessages();
    ~StructuredLog();

private:
    QFile m_file;
    bool m_toStderr;
};

} // namespace casedesk
