#include "casework/CaseJson.h"
#include "fixtures/CaseworkFixture.h"
#include "sync/ChangeApplier.h"
#include "sync/ChangeFeed.h"
#include "sync/OfflineCasework.h"
#include "sync/OutboxStore.h"
#include "sync/SyncOpApplier.h"

#include <QTest>
#include <QUuid>

using namespace casedesk;
using namespace casedesk::testing;

namespace {

// A client's local side: its own store, outbox and offline casework, as the desktop app has them.
struct Client
{
    Client(CaseworkFixture &server, const User &user, const QString &deviceCode)
        : user(user)
        , device(deviceCode)
    {
        database = std::move(Database::open(QStringLiteral(":memory:"), Database::Options {false}).value());
        store = std::make_unique<CaseStore>(*database);
        outbox = std::make_unique<OutboxStore>(*database);
        if (!store->migrate() || !outbox->migrate())
            qFatal("client migration failed");
        // The directory is fetched whole at every sync (GET /branches, /users).
        for (const Branch &b : server.store->branches().value())
            (void)store->saveBranch(b);
        for (const User &u : server.store->users().value())
            (void)store->saveUser(u);
        CaseService::Options options;
        options.assignRevisions = false;
        options.writeAudit = false;
        service = std::make_unique<CaseService>(*store, server.rules, server.clock, options);
        casework = std::make_unique<OfflineCasework>(*service, *outbox, server.clock);
    }

    AccessPolicy access() const { return AccessPolicy(user, store->branchSubtree(user.branchId).value()); }

    User user;
    QString device;
    std::unique_ptr<Database> database;
    std::unique_ptr<CaseStore> store;
    std::unique_ptr<OutboxStore> outbox;
    std::unique_ptr<CaseService> service;
    std::unique_ptr<OfflineCasework> casework;
};

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CaseworkFixture> server;
    QHash<QString, SyncOpResult> opLog; // the server's memory of applied op ids
    int pushes = 0;

    // What POST /sync/push and GET /sync/pull do, without the HTTP in between.
    void sync(Client &client, int pageSize = 3)
    {
        const AccessPolicy access = server->access(client.user);
        SyncOpApplier applier(*server->service, {});
        for (const OutboxEntry &entry : client.outbox->pending(1000).value()) {
            ++pushes;
            SyncOpResult result;
            if (opLog.contains(entry.op.opId)) {
                result = opLog.value(entry.op.opId);
            } else {
                result = applier.apply(entry.op, access, client.device).value();
                opLog.insert(entry.op.opId, result);
            }
            if (result.status == SyncOpResult::Status::Applied) {
                QVERIFY(client.outbox->markApplied(entry.op.opId).ok());
            } else {
                QVERIFY(client.outbox->markRefused(entry.op.opId, result).ok());
                QVERIFY(ChangeApplier(*client.store, *client.outbox).applyCase(result.current).ok());
            }
        }
        ChangeFeed feed(*server->store, {});
        ChangePage page;
        do {
            page = feed.since(client.outbox->cursor().value(), access, pageSize).value();
            QVERIFY(ChangeApplier(*client.store, *client.outbox).apply(page).ok());
        } while (page.hasMore);
    }

    static QMap<QString, QJsonObject> snapshot(CaseStore &store)
    {
        QMap<QString, QJsonObject> cases;
        CaseQuery all;
        all.limit = 1000;
        const CasePage page = store.listCases(all).value();
        for (const Case &c : page.cases)
            cases.insert(c.id, CaseJson::toJson(c, {}));
        return cases;
    }

private slots:
    void init()
    {
        server = std::make_unique<CaseworkFixture>();
        opLog.clear();
        pushes = 0;
    }
    void cleanup() { server.reset(); }

    void offlineCountersConverge()
    {
        Client a(*server, server->reception, QStringLiteral("A"));
        Client b(*server, server->supervisor, QStringLiteral("B"));
        // Counter A logs three complaints while head office is unreachable; B logs two.
        QStringList numbers;
        for (int i = 0; i < 3; ++i) {
            auto change
                = a.casework->createCase(server->walkIn(QStringLiteral("1380000000%1").arg(i)), a.access(), a.device);
            QVERIFY2(change.ok(), qPrintable(change.ok() ? QString() : change.error().message));
            numbers.append(change->current.number);
            server->clock.advanceSeconds(300);
        }
        for (int i = 0; i < 2; ++i)
            QVERIFY(b.casework->createCase(server->walkIn(QStringLiteral("1390000000%1").arg(i)), b.access(), b.device)
                        .ok());
        QCOMPARE(numbers.first(), QStringLiteral("SH01-20261124-A0001"));
        QCOMPARE(a.outbox->pendingCount().value(), qint64(3));
        QCOMPARE(server->store->countCases({}).value(), qint64(0));

        sync(a);
        sync(b);
        sync(a);
        QCOMPARE(a.outbox->pendingCount().value(), qint64(0));
        QCOMPARE(server->store->countCases({}).value(), qint64(5));
        // Same records, same revisions, nothing lost or doubled.
        const auto onServer = snapshot(*server->store);
        QCOMPARE(snapshot(*a.store), onServer);
        QCOMPARE(snapshot(*b.store), onServer);
        // The counter's numbers and receipt times survived the trip.
        auto first = server->store->findCaseByNumber(numbers.first()).value();
        QVERIFY(first.has_value());
        QCOMPARE(first->receivedAt, QDateTime(QDate(2026, 11, 24), QTime(2, 20), Qt::UTC));
        // Unmasked personal data stays locally only until pushed.
        QCOMPARE((*a.store->findCase(first->id))->complainant.phone, QStringLiteral("138****0000"));
        // The audit trail comes from the server, once.
        QCOMPARE(a.store->auditTrail(first->id)->size(), 1);
    }

    void replayedPushIsIdempotent()
    {
        Client a(*server, server->reception, QStringLiteral("A"));
        QVERIFY(a.casework->createCase(server->walkIn(), a.access(), a.device).ok());
        const OutboxEntry entry = a.outbox->pending(1).value().first();
        sync(a);
        // The answer was lost on the way: the client pushes the same op again.
        QVERIFY(a.outbox->enqueue(entry.op, entry.caseId, entry.summary, entry.createdAt).ok());
        sync(a);
        QCOMPARE(server->store->countCases({}).value(), qint64(1));
        QCOMPARE(a.outbox->refused()->size(), 0);
        QCOMPARE(snapshot(*a.store), snapshot(*server->store));
    }

    void fieldConflictIsShownToItsAuthor()
    {
        Client a(*server, server->supervisor, QStringLiteral("A"));
        Client b(*server, server->supervisor, QStringLiteral("B"));
        QVERIFY(a.casework->createCase(server->walkIn(), a.access(), a.device).ok());
        sync(a);
        sync(b);
        const Case shared = snapshot(*b.store).isEmpty() ? Case() : b.store->listCases({})->cases.first();
        QVERIFY(!shared.id.isEmpty());
        // Both edit while offline from the same revision.
        QVERIFY(a.casework
                    ->updateCase(shared.id, {{QStringLiteral("summary"), QStringLiteral("A的版本")}}, shared.revision,
                        a.access())
                    .ok());
        QVERIFY(b.casework
                    ->updateCase(shared.id,
                        {{QStringLiteral("summary"), QStringLiteral("B的版本")},
                            {QStringLiteral("demand"), QStringLiteral("B补充的诉求")}},
                        shared.revision, b.access())
                    .ok());
        sync(a);
        sync(b);
        const auto refused = b.outbox->refused().value();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().state, QStringLiteral("conflict"));
        QCOMPARE(refused.first().result.conflicts, QStringList {QStringLiteral("summary")});
        QVERIFY(!refused.first().result.error.message.isEmpty());
        // A's summary stands, B's demand was merged; both clients now show the server's case.
        const Case onServer = *server->store->findCase(shared.id).value();
        QCOMPARE(onServer.summary, QStringLiteral("A的版本"));
        QCOMPARE(onServer.demand, QStringLiteral("B补充的诉求"));
        sync(a);
        QCOMPARE(snapshot(*a.store), snapshot(*server->store));
        QCOMPARE(snapshot(*b.store), snapshot(*server->store));
        QVERIFY(b.outbox->dismiss(refused.first().op.opId).ok());
        QCOMPARE(b.outbox->refused()->size(), 0);
    }

    void rejectedTransitionRestoresServerState()
    {
        Client a(*server, server->supervisor, QStringLiteral("A"));
        Client b(*server, server->supervisor, QStringLiteral("B"));
        QVERIFY(a.casework->createCase(server->walkIn(), a.access(), a.device).ok());
        sync(a);
        sync(b);
        const Case c = a.store->listCases({})->cases.first();
        // A withdraws (voluntarily) while B, offline, reviews it.
        QVERIFY(
            a.casework
                ->transition(c.id, {CaseStatus::Withdrawn, QStringLiteral("客户撤诉"), true}, c.revision, a.access())
                .ok());
        QVERIFY(b.casework->transition(c.id, {CaseStatus::Registered, {}, {}}, c.revision, b.access()).ok());
        QCOMPARE((*b.store->findCase(c.id))->status, CaseStatus::Registered);
        sync(a);
        sync(b);
        const auto refused = b.outbox->refused().value();
        QCOMPARE(refused.size(), 1);
        QCOMPARE((*b.store->findCase(c.id))->status, CaseStatus::Withdrawn);
        QCOMPARE(snapshot(*b.store), snapshot(*server->store));
    }

    void recordsAndVisitsTravel()
    {
        Client s(*server, server->supervisor, QStringLiteral("A"));
        QVERIFY(s.casework->createCase(server->walkIn(), s.access(), s.device).ok());
        const QString id = s.store->listCases({})->cases.first().id;
        QVERIFY(s.casework
                    ->appendRecord(id, QStringLiteral("note"),
                        {{QStringLiteral("text"), QStringLiteral("客户要求短信通知")}}, s.access())
                    .ok());
        sync(s);
        const auto local = s.store->records(id).value();
        const auto remote = server->store->records(id).value();
        QCOMPARE(local.size(), 1);
        QCOMPARE(remote.size(), 1);
        QCOMPARE(local.first().id, remote.first().id);
        QCOMPARE(local.first().revision, remote.first().revision);
        QVERIFY(local.first().revision > 0);
    }

    void correctiveActionsTravel()
    {
        // A supervisor records a corrective measure offline; it is queued with the case and reaches the
        // server under the same id (a replay updates it rather than adding a second).
        Client s(*server, server->supervisor, QStringLiteral("A"));
        QVERIFY(s.casework->createCase(server->walkIn(), s.access(), s.device).ok());
        const QString caseId = s.store->listCases({})->cases.first().id;
        const QString actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject input {{QStringLiteral("case_id"), caseId},
            {QStringLiteral("title"), QStringLiteral("柜面收费告知流程整改")},
            {QStringLiteral("due_on"), QStringLiteral("2026-12-15")}};
        auto saved = s.casework->saveCorrectiveAction(actionId, input, s.access());
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(saved->id, actionId);
        QCOMPARE(s.outbox->pendingCount().value(), qint64(2));
        // A refused change leaves neither the action nor an op behind.
        QVERIFY(
            !s.casework->saveCorrectiveAction(QStringLiteral("x"), {{QStringLiteral("case_id"), caseId}}, s.access()));
        QCOMPARE(s.outbox->pendingCount().value(), qint64(2));
        sync(s);
        QCOMPARE(s.outbox->pendingCount().value(), qint64(0));
        const auto remote = server->store->findCorrectiveAction(actionId).value();
        QVERIFY(remote.has_value());
        QCOMPARE(remote->title, QStringLiteral("柜面收费告知流程整改"));
        QCOMPARE(remote->dueOn, QDate(2026, 12, 15));
    }

    void pullScopeAndPaging()
    {
        Client sh(*server, server->reception, QStringLiteral("A"));
        Client sz(*server, server->otherReception, QStringLiteral("B"));
        for (int i = 0; i < 7; ++i)
            QVERIFY(sh.casework
                        ->createCase(server->walkIn(QStringLiteral("137000000%1").arg(i, 2, 10, QLatin1Char('0'))),
                            sh.access(), sh.device)
                        .ok());
        QVERIFY(sz.casework->createCase(server->walkIn(QStringLiteral("13611112222")), sz.access(), sz.device).ok());
        sync(sh, 2);
        sync(sz, 2);
        QCOMPARE(sh.store->countCases({}).value(), qint64(7));
        QCOMPARE(sz.store->countCases({}).value(), qint64(1)); // SZ02 sees only its own branch
        // A concurrent writer between two pages: nothing skipped.
        ChangeFeed feed(*server->store, {});
        const auto access = server->access(server->manager);
        auto first = feed.since(0, access, 5).value();
        QVERIFY(first.hasMore);
        QVERIFY(
            server->service
                ->update(first.changes.first().id.isEmpty() ? QString() : server->store->listCases({})->cases.last().id,
                    {{QStringLiteral("demand"), QStringLiteral("新增诉求")}}, 0, server->access(server->supervisor),
                    CaseService::Merge::PerField)
                .ok());
        QSet<QString> seen;
        qint64 cursor = 0;
        ChangePage page;
        do {
            page = feed.since(cursor, access, 5).value();
            for (const Change &change : page.changes) {
                QVERIFY(change.revision > cursor);
                seen.insert(change.kind + change.id);
                cursor = change.revision;
            }
        } while (page.hasMore);
        QCOMPARE(cursor, server->store->currentRevision().value());
        QVERIFY(seen.size() >= 8 + 8); // every case and its created event
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "test_sync.moc"
