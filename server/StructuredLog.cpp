#include "StructuredLog.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>

namespace casedesk {

namespace {
StructuredLog *qtMessageLog = nullptr;

void forwardQtMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!qtMessageLog)
        return;
    QString level = QStringLiteral("info");
    if (type == QtWarningMsg)
        level = QStringLiteral("warning");
    else if (type == QtCriticalMsg || type == QtFatalMsg)
        level = QStringLiteral("error");
    else if (type == QtDebugMsg)
        level = QStringLiteral("debug");
    QJsonObject fields {{QStringLiteral("message"), message}};
    if (context.category && qstrcmp(context.category, "default") != 0)
        fields.insert(QStringLiteral("category"), QString::fromLatin1(context.category));
    qtMessageLog->write(level, QStringLiteral("qt_message"), fields);
}
} // namespace

StructuredLog::StructuredLog(const QString &file, bool toStderr)
    : m_toStderr(toStderr)
{
    if (!file.isEmpty()) {
        m_file.setFileName(file);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text | QIODevice::Unbuffered))
            std::fprintf(stderr, "casedesk-server: cannot open log file %s\n", qPrintable(file));
    }
}

StructuredLog::~StructuredLog()
{
    if (qtMessageLog == this) {
        qInstallMessageHandler(nullptr);
        qtMessageLog = nullptr;
    }
}

void StructuredLog::captureQtMessages()
{
    qtMessageLog = this;
    qInstallMessageHandler(forwardQtMessage);
}

void StructuredLog::write(const QString &level, const QString &event, QJsonObject fields)
{
    fields.insert(QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    fields.insert(QStringLiteral("level"), level);
    fields.insert(QStringLiteral("event"), event);
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
    if (m_file.isOpen())
        m_file.write(line);
    if (m_toStderr) {
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
}

} // namespace casedesk
