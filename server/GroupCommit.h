#pragma once

#include "ApiReply.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace casedesk {

// Group commit (DESIGN §5): write requests that arrive close together run in one database
// transaction, each inside its own savepoint, and are answered only once that transaction is durable.
// One fsync then covers the whole batch, so throughput grows with concurrency while every
// acknowledged write still survives a crash or power cut (synchronous=FULL is kept).
// Requests that only read are answered at once while no batch is open; during a batch their answers
// wait for the commit too, so nobody is shown data that could still be rolled back.
class GroupCommit : public QObject
{
    Q_OBJECT

public:
    using Work = std::function<ApiReply()>;
    using Delivery = std::function<void(const ApiReply &)>;

    // windowMs: how long a batch stays open for more requests; maxBatch: commit at once at this size.
    GroupCommit(Database &database, int windowMs, int maxBatch, QObject *parent = nullptr);
    ~GroupCommit() override;

    bool isOpen() const { return m_batch != nullptr; }
    // Runs `work` inside the batch (opening one if needed) as its own savepoint, rolled back when the
    // reply is a 5xx; `deliver` receives the reply once the batch has committed, or a 500 if it failed.
    void run(const Work &work, Delivery deliver);
    // Commits the open batch now (shutdown, or before an operation that needs the database alone).
    void flush();

signals:
    void committed(int requests, double seconds, bool ok);

private:
    struct Pending
    {
        ApiReply reply;
        Delivery deliver;
    };
    void commit();

    Database &m_database;
    int m_windowMs;
    int m_maxBatch;
    std::unique_ptr<Database::Transaction> m_batch;
    QList<Pending> m_pending;
    QTimer m_timer;
    QElapsedTimer m_opened;
};

} // namespace casedesk
