#pragma once

#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace casedesk {

// What the API keeps per client connection, as a child of its socket (so it dies with it):
// replies leave in request order even when an earlier one waits for a group commit (HTTP/1.1
// pipelining), and a request body that grows past the size limit is refused while it arrives,
// before it is buffered whole (DESIGN §5).
class ConnectionState : public QObject
{
    Q_OBJECT

public:
    // Attaches the state to a new socket; call before anything else connects to its readyRead.
    static ConnectionState *attach(QTcpSocket *socket, qint64 bodyLimit);
    static ConnectionState *of(QTcpSocket *socket);

    quint64 nextSequence() { return m_issued++; }
    // Queues the bytes of reply `sequence` and writes every reply that is next in line.
    void send(quint64 sequence, const QByteArray &bytes, bool close);
    // Writes what is queued now; used at shutdown.
    void flush();

private:
    ConnectionState(QTcpSocket *socket, qint64 bodyLimit);
    void onReadyRead();
    void refuse();

    QPointer<QTcpSocket> m_socket;
    qint64 m_bodyLimit;
    qint64 m_receivedSinceReply = 0;
    // The head of the request now arriving, until its blank line shows the declared Content-Length.
    QByteArray m_head;
    bool m_scanningHead = true;
    quint64 m_issued = 0;
    quint64 m_nextToSend = 0;
    QMap<quint64, QPair<QByteArray, bool>> m_ready;
    bool m_closing = false;
};

} // namespace casedesk
