#include "ConnectionState.h"

#include "ApiReply.h"

#include <QTimer>

#include <limits>

namespace casedesk {

namespace {
// Room for the request line and headers on top of the body limit.
constexpr qint64 headerAllowance = 64 * 1024;
// How long a refused upload is drained before the connection is closed.
constexpr int lingerMs = 3000;
} // namespace

ConnectionState::ConnectionState(QTcpSocket *socket, qint64 bodyLimit)
    : QObject(socket)
    , m_socket(socket)
    , m_bodyLimit(bodyLimit)
{ }

ConnectionState *ConnectionState::attach(QTcpSocket *socket, qint64 bodyLimit)
{
    auto *state = new ConnectionState(socket, bodyLimit);
    // Connected before QAbstractHttpServer's own slot, so this runs first on every read.
    connect(socket, &QTcpSocket::readyRead, state, &ConnectionState::onReadyRead);
    return state;
}

ConnectionState *ConnectionState::of(QTcpSocket *socket)
{
    if (auto *state = socket->findChild<ConnectionState *>(QString(), Qt::FindDirectChildrenOnly))
        return state;
    return new ConnectionState(socket, std::numeric_limits<qint64>::max() / 2);
}

void ConnectionState::onReadyRead()
{
    if (!m_socket || m_closing)
        return;
    const qint64 available = m_socket->bytesAvailable();
    // A declared Content-Length over the limit is refused as soon as the headers are in, before the
    // body is sent.
    if (m_scanningHead) {
        m_head += m_socket->peek(available);
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end >= 0) {
            m_scanningHead = false;
            qint64 declared = 0;
            bool expectsContinue = false;
            for (const QByteArray &line : m_head.left(end).split('\n')) {
                const QByteArray lower = line.trimmed().toLower();
                if (lower.startsWith("content-length:"))
                    declared = lower.mid(15).trimmed().toLongLong();
                else if (lower.startsWith("expect:") && lower.contains("100-continue"))
                    expectsContinue = true;
            }
            m_head.clear();
            // Slightly over the limit is answered by the request handler (the body is small enough to
            // read); far over it is refused here, before the client sends it. A client that waits for
            // "100 Continue" is answered before it sends its body either way.
            if (declared > m_bodyLimit + headerAllowance || (expectsContinue && declared > m_bodyLimit)) {
                refuse();
                return;
            }
            if (expectsContinue)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        } else if (m_head.size() > headerAllowance) {
            m_head.clear();
            refuse();
            return;
        }
    }
    // Clients send the next request after the previous answer, so the bytes since the last answer
    // are the request now arriving; Qt would buffer all of it before we see it.
    m_receivedSinceReply += available;
    if (m_receivedSinceReply > m_bodyLimit + headerAllowance)
        refuse();
}

void ConnectionState::refuse()
{
    m_closing = true;
    const ApiReply reply = ApiReply::error(Error {QStringLiteral("payload_too_large"),
        tr("The request body is larger than the limit of %1 bytes.").arg(m_bodyLimit),
        {{QStringLiteral("limit"), m_bodyLimit}}});
    // Qt's parser stops seeing this connection. What the client still sends is read and dropped for a
    // moment, so it gets to read the answer instead of a reset, then the connection is closed.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->readAll();
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        if (m_socket)
            m_socket->readAll();
    });
    m_socket->write(reply.serialize(true, {}));
    QTimer::singleShot(lingerMs, this, [this] {
        if (m_socket)
            m_socket->disconnectFromHost();
    });
}

void ConnectionState::send(quint64 sequence, const QByteArray &bytes, bool close)
{
    m_ready.insert(sequence, {bytes, close});
    while (m_socket && !m_ready.isEmpty() && m_ready.firstKey() == m_nextToSend) {
        const auto [data, closeAfter] = m_ready.take(m_nextToSend++);
        m_receivedSinceReply = 0;
        m_scanningHead = true;
        m_head.clear();
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            continue;
        m_socket->write(data);
        if (closeAfter) {
            m_closing = true;
            m_socket->disconnectFromHost();
        }
    }
}

void ConnectionState::flush()
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->flush();
}

} // namespace casedesk
