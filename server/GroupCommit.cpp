#include "GroupCommit.h"

namespace casedesk {

GroupCommit::GroupCommit(Database &database, int windowMs, int maxBatch, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_windowMs(windowMs)
    , m_maxBatch(qMax(1, maxBatch))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GroupCommit::commit);
}

GroupCommit::~GroupCommit()
{
    flush();
}

void GroupCommit::run(const Work &work, Delivery deliver)
{
    if (!m_batch) {
        m_batch = std::make_unique<Database::Transaction>(m_database);
        if (!m_database.inTransaction()) {
            // The database refused to start a transaction (locked by another process past the busy
            // timeout, connection lost): nothing ran, the client may retry.
            m_batch.reset();
            deliver(ApiReply::error(Error {QStringLiteral("database_busy"),
                Database::tr("The database is busy or unavailable; try again in a moment."), {}}));
            return;
        }
        m_opened.start();
        m_timer.start(m_windowMs);
    }
    ApiReply reply;
    {
        Database::Transaction savepoint(m_database);
        reply = work();
        if (reply.status < 500) {
            if (auto released = savepoint.commit(); !released)
                reply = ApiReply::error(released.error());
        }
    }
    m_pending.append({std::move(reply), std::move(deliver)});
    if (m_pending.size() >= m_maxBatch)
        commit();
}

void GroupCommit::flush()
{
    if (m_batch)
        commit();
}

void GroupCommit::commit()
{
    m_timer.stop();
    if (!m_batch)
        return;
    const Status status = m_batch->commit();
    m_batch.reset();
    const double seconds = double(m_opened.nsecsElapsed()) / 1e9;
    QList<Pending> pending;
    pending.swap(m_pending);
    emit committed(int(pending.size()), seconds, status.ok());
    for (Pending &p : pending) {
        if (status.ok() || p.reply.status >= 500)
            p.deliver(p.reply);
        else
            p.deliver(ApiReply::error(status.error()));
    }
}

} // namespace casedesk
