#include "sync/SyncEngine.h"

#include "session/ServerApi.h"
#include "session/Workspace.h"
#include "storage/Database.h"
#include "sync/ChangeApplier.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

namespace casedesk {

struct SyncEngine::Private
{
    Private(SyncEngine *engine, Workspace &workspace, std::unique_ptr<ServerApi> api)
        : q(engine)
        , workspace(workspace)
        , api(std::move(api))
    { }

    SyncEngine *q;
    Workspace &workspace;
    std::unique_ptr<ServerApi> api;
    Timing timing;
    SyncState state;
    QTimer timer; // the next round
    QTimer settle; // a local change waits this long before it is pushed
    bool running = false;
    bool inRound = false;
    bool again = false; // syncNow() during a round: run another one right after
    bool dataChanged = false;
    bool awaitingSignIn = false; // the token was refused; the session is being renewed
    int failures = 0;
    int pushBatch = 100;
    Error roundError; // an op the server could not take now: the round goes on, then backs off

    void beginRound();
    void pushNext();
    void onPushed(const QList<OutboxEntry> &entries, const Result<QJsonArray> &answer);
    void refreshDirectoryStep();
    void pullNext();
    void finishRound();
    void failRound(const Error &error);
    void requireSignIn();
    void schedule(std::chrono::milliseconds delay);
    std::chrono::milliseconds backoff() const;
    bool recount();
    void publish();
    void onLocalChange();
};

namespace {
Error roundFailure(const QString &message)
{
    return Error {QStringLiteral("sync_failed"), message, {}};
}

QString finalStatus(const QJsonObject &result)
{
    const QString status = result.value(QLatin1String("status")).toString();
    return status == QLatin1String("applied") || status == QLatin1String("conflict")
            || status == QLatin1String("rejected")
        ? status
        : QString();
}
} // namespace

SyncEngine::SyncEngine(Workspace &workspace, std::unique_ptr<ServerApi> api, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, workspace, std::move(api)))
{
    d->pushBatch = d->timing.pushBatch;
    d->timer.setSingleShot(true);
    d->settle.setSingleShot(true);
    connect(&d->timer, &QTimer::timeout, this, [this]() { d->beginRound(); });
    connect(&d->settle, &QTimer::timeout, this, [this]() { d->beginRound(); });
    connect(&workspace, &Workspace::casesChanged, this, [this]() { d->onLocalChange(); });
    d->recount();
}

SyncEngine::~SyncEngine() = default;

SyncState SyncEngine::state() const
{
    return d->state;
}

ServerApi &SyncEngine::api() const
{
    return *d->api;
}

Workspace &SyncEngine::workspace() const
{
    return d->workspace;
}

SyncEngine::Timing SyncEngine::timing() const
{
    return d->timing;
}

void SyncEngine::setTiming(const Timing &timing)
{
    d->timing = timing;
    d->pushBatch = qMax(1, timing.pushBatch);
}

bool SyncEngine::isRunning() const
{
    return d->running;
}

void SyncEngine::start()
{
    d->running = true;
    syncNow();
}

void SyncEngine::stop()
{
    d->running = false;
    d->timer.stop();
    d->settle.stop();
    if (d->state.nextAttempt.isValid()) {
        d->state.nextAttempt = {};
        d->publish();
    }
}

void SyncEngine::syncNow()
{
    if (d->inRound) {
        d->again = true;
        return;
    }
    // Never inside the caller's slot: the round starts from the event loop.
    d->timer.start(0);
}

void SyncEngine::refreshState()
{
    if (d->recount())
        d->publish();
}

void SyncEngine::resumeAfterSignIn()
{
    d->awaitingSignIn = false;
    d->state.needsSignIn = false;
    d->state.lastError.clear();
    d->failures = 0;
    d->publish();
    syncNow();
}

void SyncEngine::signInFailed(const Error &error)
{
    d->state.lastError = error.message;
    if (ServerApi::isUnreachable(error)) {
        // Head office went away again: the next round (after the back-off) renews the session first.
        ++d->failures;
        d->state.connectivity = SyncState::Connectivity::Offline;
        const std::chrono::milliseconds next = d->backoff();
        d->state.nextAttempt = d->running ? d->workspace.clock().now().addMSecs(next.count()) : QDateTime();
        d->publish();
        if (d->running)
            d->schedule(next);
        return;
    }
    d->state.needsSignIn = true;
    d->state.nextAttempt = {};
    d->publish();
}

void SyncEngine::revealPersonalData(const QString &caseId, std::function<void(QJsonObject, QString)> done)
{
    d->api->fetchCase(caseId, [done = std::move(done)](Result<QJsonObject> answer) {
        if (!answer)
            done({}, answer.error().message);
        else
            done(answer.value(), {});
    });
}

void SyncEngine::refreshDirectory(std::function<void(Status)> done)
{
    d->api->branches([this, done = std::move(done)](Result<QList<Branch>> fetched) mutable {
        if (!fetched)
            return done(fetched.error());
        d->api->users([this, branches = fetched.value(), done = std::move(done)](Result<QList<User>> users) {
            QList<User> list;
            if (users) {
                list = users.value();
            } else if (ServerApi::httpStatus(users.error()) != 403) {
                return done(users.error());
            } // a role that may not list users keeps the local copy, plus itself
            Workspace &workspace = d->workspace;
            bool self = false;
            for (const User &u : std::as_const(list)) {
                if (u.id == workspace.user().id) {
                    self = true;
                    if (!(u == workspace.user()))
                        workspace.setUser(u); // roles or branch changed at head office
                }
            }
            if (!self)
                list.append(workspace.user());
            done(workspace.replaceDirectory(branches, list));
        });
    });
}

std::chrono::milliseconds SyncEngine::Private::backoff() const
{
    // Exponential with "equal jitter": the wait doubles per failure up to the cap, and a random half of
    // it spreads a hundred counters that lost head office at the same moment.
    const qint64 base = qMax<qint64>(1, timing.minBackoff.count());
    const qint64 cap = qMax<qint64>(base, timing.maxBackoff.count());
    qint64 delay = base;
    for (int i = 1; i < failures && delay < cap; ++i)
        delay *= 2;
    delay = qMin(delay, cap);
    const qint64 half = delay / 2;
    return std::chrono::milliseconds(half + qint64(QRandomGenerator::global()->bounded(double(delay - half + 1))));
}

void SyncEngine::Private::schedule(std::chrono::milliseconds delay)
{
    settle.stop();
    timer.start(delay);
}

bool SyncEngine::Private::recount()
{
    const SyncState before = state;
    if (auto pending = workspace.outbox().pendingCount())
        state.pending = pending.value();
    if (auto refused = workspace.outbox().refused()) {
        const qint64 count = refused->size();
        if (count != state.refused) {
            state.refused = count;
            emit q->refusedChanged();
        }
    }
    return !(before == state);
}

void SyncEngine::Private::publish()
{
    emit q->stateChanged(state);
}

void SyncEngine::Private::onLocalChange()
{
    if (!recount())
        return;
    publish();
    if (!running || inRound || awaitingSignIn || state.pending == 0)
        return;
    // A new op goes out soon while the server is reachable; while offline the back-off already knows
    // when to try again, and a burst of local edits must not defeat it.
    if (state.connectivity != SyncState::Connectivity::Online)
        return;
    if (!timer.isActive() || timer.remainingTime() > int(timing.settle.count()))
        settle.start(timing.settle);
}

void SyncEngine::Private::beginRound()
{
    if (inRound) {
        again = true;
        return;
    }
    timer.stop();
    settle.stop();
    if (awaitingSignIn) {
        emit q->signInRequired();
        return;
    }
    inRound = true;
    again = false;
    dataChanged = false;
    roundError = {};
    state.connectivity = SyncState::Connectivity::Syncing;
    state.nextAttempt = {};
    publish();
    pushNext();
}

void SyncEngine::Private::pushNext()
{
    auto entries = workspace.outbox().pending(pushBatch);
    if (!entries) {
        failRound(entries.error());
        return;
    }
    if (entries->isEmpty()) {
        refreshDirectoryStep();
        return;
    }
    QList<SyncOp> ops;
    for (const OutboxEntry &entry : entries.value())
        ops.append(entry.op);
    api->push(ops, [this, entries = entries.value()](Result<QJsonArray> answer) { onPushed(entries, answer); });
}

void SyncEngine::Private::onPushed(const QList<OutboxEntry> &entries, const Result<QJsonArray> &answer)
{
    OutboxStore &outbox = workspace.outbox();
    if (!answer) {
        const Error &error = answer.error();
        if (ServerApi::isUnauthenticated(error)) {
            requireSignIn();
            return;
        }
        // Too large, or one op the server cannot even read: send fewer at a time to find it, and show
        // that one op to its author; the others go on. Anything else about the whole request (or no
        // answer) keeps every op queued for the next attempt.
        const int status = ServerApi::httpStatus(error);
        const bool aboutTheOps = status == 413
            || ((status == 400 || status == 422)
                && error.details.value(QLatin1String("field")).toString().startsWith(QLatin1String("ops")));
        if (aboutTheOps && entries.size() > 1) {
            pushBatch = qMax(1, int(entries.size() / 2));
            pushNext();
            return;
        }
        (void)outbox.markAttempt(entries.first().op.opId, error.message);
        if (aboutTheOps) {
            SyncOpResult refused;
            refused.opId = entries.first().op.opId;
            refused.status = SyncOpResult::Status::Rejected;
            refused.error = error;
            if (auto ok = outbox.markRefused(refused.opId, refused); !ok) {
                failRound(ok.error());
                return;
            }
            dataChanged = true;
            pushNext(); // recount() announces the new refusal
            return;
        }
        // Unreachable, or an answer about the whole request: nothing is dropped, the ops stay queued.
        failRound(error);
        return;
    }
    QHash<QString, QJsonObject> results;
    for (const QJsonValue &value : answer.value()) {
        const QJsonObject result = value.toObject();
        results.insert(result.value(QLatin1String("op_id")).toString(), result);
    }
    ChangeApplier applier(workspace.store(), outbox);
    auto transaction = workspace.store().database().transaction();
    qsizetype handled = 0;
    for (const OutboxEntry &entry : entries) {
        const QJsonObject json = results.value(entry.op.opId);
        const QString status = finalStatus(json);
        if (status.isEmpty()) {
            // DESIGN §6: ops go in order, so the first one the server could not take now stops the push.
            const SyncOpResult result = SyncOpResult::fromJson(json);
            const QString message = result.error.message.isEmpty()
                ? SyncEngine::tr("The server did not take “%1” this time; it will be sent again.").arg(entry.summary)
                : result.error.message;
            (void)outbox.markAttempt(entry.op.opId, message);
            roundError = roundFailure(message);
            break;
        }
        Status written;
        if (status == QLatin1String("applied")) {
            written = outbox.markApplied(entry.op.opId);
        } else {
            const SyncOpResult result = SyncOpResult::fromJson(json);
            written = outbox.markRefused(entry.op.opId, result);
            if (written)
                written = applier.applyCase(result.current); // the author now sees the server's version
        }
        if (!written) {
            failRound(written.error());
            return;
        }
        ++handled;
    }
    if (auto ok = transaction.commit(); !ok) {
        failRound(ok.error());
        return;
    }
    if (handled > 0)
        dataChanged = true;
    recount(); // emits refusedChanged when the server refused some
    publish();
    if (roundError.code.isEmpty() && handled == entries.size() && entries.size() == pushBatch)
        pushNext(); // a full batch: there may be more
    else
        refreshDirectoryStep();
}

void SyncEngine::Private::refreshDirectoryStep()
{
    q->refreshDirectory([this](Status refreshed) {
        if (!refreshed) {
            if (ServerApi::isUnauthenticated(refreshed.error()))
                return requireSignIn();
            if (ServerApi::isUnreachable(refreshed.error()))
                return failRound(refreshed.error());
            roundError = refreshed.error(); // a stale directory does not stop the pull
        }
        pullNext();
    });
}

void SyncEngine::Private::pullNext()
{
    auto cursor = workspace.outbox().cursor();
    if (!cursor) {
        failRound(cursor.error());
        return;
    }
    api->pull(cursor.value(), timing.pullPage, [this, since = cursor.value()](Result<ChangePage> page) {
        if (!page) {
            if (ServerApi::isUnauthenticated(page.error()))
                return requireSignIn();
            return failRound(page.error());
        }
        // The page and its cursor in one transaction: a crash repeats the page, never skips it.
        if (auto ok = ChangeApplier(workspace.store(), workspace.outbox()).apply(page.value()); !ok)
            return failRound(ok.error());
        if (!page->changes.isEmpty())
            dataChanged = true;
        if (page->hasMore && page->next > since)
            pullNext();
        else
            finishRound();
    });
}

void SyncEngine::Private::finishRound()
{
    inRound = false;
    const bool clean = roundError.code.isEmpty();
    failures = clean ? 0 : failures + 1;
    pushBatch = clean ? qMax(1, timing.pushBatch) : pushBatch;
    state.connectivity = SyncState::Connectivity::Online;
    state.lastError = roundError.message;
    if (clean)
        state.lastSuccess = workspace.clock().now();
    recount();
    std::chrono::milliseconds next = clean ? timing.interval : backoff();
    if (again || (clean && state.pending > 0))
        next = std::chrono::milliseconds(0); // ops queued meanwhile go out now
    state.nextAttempt = running && !clean ? workspace.clock().now().addMSecs(next.count()) : QDateTime();
    if (dataChanged)
        emit workspace.casesChanged();
    emit q->synced();
    publish();
    if (running || again)
        schedule(next);
    again = false;
}

void SyncEngine::Private::failRound(const Error &error)
{
    inRound = false;
    ++failures;
    state.connectivity
        = ServerApi::isUnreachable(error) ? SyncState::Connectivity::Offline : SyncState::Connectivity::Online;
    state.lastError = error.message;
    recount();
    const std::chrono::milliseconds next = backoff();
    state.nextAttempt = running ? workspace.clock().now().addMSecs(next.count()) : QDateTime();
    if (dataChanged)
        emit workspace.casesChanged();
    publish();
    if (running)
        schedule(next);
    again = false;
}

void SyncEngine::Private::requireSignIn()
{
    inRound = false;
    again = false;
    awaitingSignIn = true;
    state.connectivity = SyncState::Connectivity::Online; // the server answered; it wants a new sign-in
    state.nextAttempt = {};
    recount();
    if (dataChanged)
        emit workspace.casesChanged();
    publish();
    emit q->signInRequired();
}

} // namespace casedesk
