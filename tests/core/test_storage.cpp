#include "security/FieldCipher.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"
#include "storage/SchemaMigrator.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace casedesk;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Branch branch(const QString &code, const QString &parentId = {})
{
    Branch b;
    b.id = newId();
    b.code = code;
    b.name = QStringLiteral("分行 ") + code;
    b.parentId = parentId;
    return b;
}

Case sampleCase(const QString &branchId, const QString &number, const QDateTime &receivedAt)
{
    Case c;
    c.id = newId();
    c.number = number;
    c.branchId = branchId;
    c.handlingUnit = QStringLiteral("branch_office");
    c.channel = Channel::WalkIn;
    c.category = QStringLiteral("work_error");
    c.businessCategory = QStringLiteral("payment_settlement");
    c.priority = Priority::Normal;
    c.status = CaseStatus::Received;
    c.receivedAt = receivedAt;
    c.complainant.name = QStringLiteral("陈敏");
    c.complainant.phone = QStringLiteral("13812345678");
    c.summary = QStringLiteral("转账手续费25元，柜员称免费");
    c.demand = QStringLiteral("退还手续费");
    c.createdAt = receivedAt;
    c.updatedAt = receivedAt;
    c.revision = 1;
    return c;
}

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CaseStore> m_store;
    std::unique_ptr<FieldCipher> m_cipher;
    Branch m_head;
    Branch m_sh01;
    Branch m_sh02;
    int m_counter = 0;
    int m_sequence = 0;

    Case addCase(const QString &branchId, const QDateTime &receivedAt)
    {
        Case c = sampleCase(
            branchId, QStringLiteral("SH01-20261124-A%1").arg(++m_sequence, 4, 10, QLatin1Char('0')), receivedAt);
        const Status ok = m_store->insertCase(c);
        if (!ok)
            qWarning() << ok.error().message;
        return c;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_sequence = 0;
        auto db = Database::open(m_dir.filePath(QStringLiteral("t%1.db").arg(++m_counter)));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = std::move(db.value());
        m_cipher = std::make_unique<FieldCipher>(QByteArray(32, 'k'));
        m_store = std::make_unique<CaseStore>(*m_db, m_cipher.get());
        QVERIFY(m_store->migrate().ok());
        m_head = branch(QStringLiteral("HO"));
        m_sh01 = branch(QStringLiteral("SH01"), m_head.id);
        m_sh02 = branch(QStringLiteral("SH02"), m_sh01.id);
        QVERIFY(m_store->saveBranch(m_head).ok());
        QVERIFY(m_store->saveBranch(m_sh01).ok());
        QVERIFY(m_store->saveBranch(m_sh02).ok());
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    void migrationsFromEmptyAndIdempotent()
    {
        QCOMPARE(SchemaMigrator::currentVersion(*m_db, CaseStore::component()), int(CaseStore::migrations().size()));
        QVERIFY(m_store->migrate().ok()); // nothing left to do
        auto fresh = Database::open(QStringLiteral(":memory:"));
        QVERIFY(fresh.ok());
        CaseStore store(*fresh.value());
        QCOMPARE(SchemaMigrator::currentVersion(*fresh.value(), CaseStore::component()), 0);
        // Every earlier version upgrades to the latest.
        for (int version = 0; version <= CaseStore::migrations().size(); ++version) {
            auto db = Database::open(QStringLiteral(":memory:"));
            QVERIFY(db.ok());
            QVERIFY(
                SchemaMigrator::migrate(*db.value(), CaseStore::component(), CaseStore::migrations(), version).ok());
            QCOMPARE(SchemaMigrator::currentVersion(*db.value(), CaseStore::component()), version);
            QVERIFY(SchemaMigrator::migrate(*db.value(), CaseStore::component(), CaseStore::migrations()).ok());
            QCOMPARE(SchemaMigrator::currentVersion(*db.value(), CaseStore::component()),
                int(CaseStore::migrations().size()));
        }
    }

    void refusesNewerSchema()
    {
        auto bumped = m_db->exec(QStringLiteral("INSERT INTO schema_migrations VALUES ('cases', 99, 'future', 'now')"));
        QVERIFY(bumped.ok());
        const Status status = m_store->migrate();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("schema_too_new"));
    }

    void sqlitePragmas()
    {
        QCOMPARE(m_db->scalar(QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
        QCOMPARE(m_db->scalar(QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
        QCOMPARE(m_db->scalar(QStringLiteral("PRAGMA synchronous"))->toInt(), 2); // FULL
    }

    void caseRoundTrip()
    {
        Case c = sampleCase(m_sh01.id, QStringLiteral("SH01-20261124-A0007"),
            QDateTime(QDate(2026, 11, 24), QTime(10, 20), QTimeZone(8 * 3600)));
        c.complainant.idNumber = QStringLiteral("11010519491231002X");
        c.complainant.customerReference = QStringLiteral("6222 0000 1234");
        c.parties = {Party {QStringLiteral("agent"), QStringLiteral("陈刚"), QStringLiteral("13900000001"),
            QStringLiteral("兄弟"), QStringLiteral("授权书 2026-001")}};
        c.groupSize = 0;
        c.amount = Money::fromFen(2500);
        c.priority = Priority::High;
        c.priorityReasons = {PriorityReason {QStringLiteral("repeat"), Priority::High,
            LocalizedText {QStringLiteral("重复投诉"), QStringLiteral("repeat complaint")}}};
        c.forwarding = Forwarding {QStringLiteral("12378"), QStringLiteral("REF-1"), QDate(2026, 12, 4)};
        c.fundsSafety = true;
        c.statutoryExtensions = 1;
        c.registeredAt = c.receivedAt.addSecs(60);
        c.deadlines.registerBy = QDate(2026, 11, 25);
        c.deadlines.dueBy = QDate(2026, 11, 27);
        c.phoneHash = QStringLiteral("abc");
        QVERIFY(m_store->insertCase(c).ok());
        auto read = m_store->findCase(c.id);
        QVERIFY(read.ok() && read->has_value());
        const Case &r = **read;
        QCOMPARE(r.number, c.number);
        QCOMPARE(r.receivedAt, c.receivedAt);
        QCOMPARE(r.complainant, c.complainant);
        QCOMPARE(r.parties.size(), 1);
        QCOMPARE(r.parties.first().relationship, QStringLiteral("兄弟"));
        QCOMPARE(r.amount->fen(), qint64(2500));
        QCOMPARE(r.priorityReasons, c.priorityReasons);
        QCOMPARE(r.forwarding, c.forwarding);
        QCOMPARE(r.deadlines, c.deadlines);
        QCOMPARE(r.fundsSafety, true);
        QCOMPARE(r.statutoryExtensions, 1);
        QCOMPARE(r.registeredAt, c.registeredAt);
        QCOMPARE(r.phoneHash, QStringLiteral("abc"));
        QVERIFY(!r.resolvedAt.isValid());

        auto byNumber = m_store->findCaseByNumber(c.number);
        QVERIFY(byNumber.ok() && byNumber->has_value());
        QCOMPARE((*byNumber)->id, c.id);
        auto missing = m_store->findCase(newId());
        QVERIFY(missing.ok() && !missing->has_value());
    }

    void personalDataEncryptedAtRest()
    {
        Case c = addCase(m_sh01.id, QDateTime::currentDateTimeUtc());
        auto raw = m_db->scalar(QStringLiteral("SELECT complainant_phone FROM cases WHERE id = ?"), {c.id});
        QVERIFY(raw.ok());
        QVERIFY(raw->toString().startsWith(QStringLiteral("v1:")));
        QVERIFY(!raw->toString().contains(QStringLiteral("13812345678")));
        QCOMPARE((*m_store->findCase(c.id))->complainant.phone, QStringLiteral("13812345678"));
        // Without the key a store shows nothing rather than ciphertext or garbage.
        CaseStore keyless(*m_db, nullptr);
        QVERIFY((*keyless.findCase(c.id))->complainant.phone.startsWith(QStringLiteral("v1:")));
        FieldCipher other(QByteArray(32, 'x'));
        CaseStore wrongKey(*m_db, &other);
        QCOMPARE((*wrongKey.findCase(c.id))->complainant.phone, QString());
    }

    void updateAndUpsert()
    {
        Case c = addCase(m_sh01.id, QDateTime::currentDateTimeUtc());
        c.status = CaseStatus::Registered;
        c.summary = QStringLiteral("更新后的摘要");
        c.revision = 5;
        QVERIFY(m_store->updateCase(c).ok());
        QCOMPARE((*m_store->findCase(c.id))->summary, c.summary);
        QCOMPARE((*m_store->findCase(c.id))->revision, qint64(5));

        Case ghost = c;
        ghost.id = newId();
        const Status missing = m_store->updateCase(ghost);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("not_found"));

        c.revision = 9;
        QVERIFY(m_store->upsertCase(c).ok());
        QCOMPARE((*m_store->findCase(c.id))->revision, qint64(9));
        ghost.number = QStringLiteral("SH01-20261124-B0001");
        QVERIFY(m_store->upsertCase(ghost).ok());
        QVERIFY(m_store->findCase(ghost.id)->has_value());
    }

    void duplicateNumberRefused()
    {
        Case c = addCase(m_sh01.id, QDateTime::currentDateTimeUtc());
        Case twin = c;
        twin.id = newId();
        QVERIFY(!m_store->insertCase(twin).ok());
        QCOMPARE(m_store->countCases({}).value(), qint64(1));
    }

    void unknownBranchRefused()
    {
        Case c = sampleCase(newId(), QStringLiteral("XX-1"), QDateTime::currentDateTimeUtc());
        QVERIFY(!m_store->insertCase(c).ok());
    }

    void listingFiltersAndPaging()
    {
        const QDateTime base(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
        QList<Case> all;
        for (int i = 0; i < 25; ++i)
            all.append(addCase(i % 2 ? m_sh01.id : m_sh02.id, base.addSecs(3600 * i)));
        // The same receipt time for two cases: the id breaks the tie, so paging stays stable.
        all.append(addCase(m_sh01.id, base.addSecs(3600 * 3)));

        CaseQuery query;
        query.limit = 7;
        QStringList seen;
        int pages = 0;
        do {
            auto page = m_store->listCases(query);
            QVERIFY(page.ok());
            for (const Case &c : page->cases)
                seen.append(c.id);
            query.cursor = page->nextCursor;
            ++pages;
        } while (!query.cursor.isEmpty());
        QCOMPARE(pages, 4);
        QCOMPARE(seen.size(), 26);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 26);
        // Newest first.
        QCOMPARE(seen.first(), all.at(24).id);

        CaseQuery scoped;
        scoped.branchIds = {m_sh02.id};
        QCOMPARE(m_store->countCases(scoped).value(), qint64(13));

        CaseQuery bad;
        bad.cursor = QStringLiteral("not-a-cursor");
        auto refused = m_store->listCases(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("invalid_cursor"));
    }

    void attentionAndOverdue()
    {
        Case late = addCase(m_sh01.id, QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC));
        late.deadlines.registerBy = QDate(2026, 11, 3);
        late.deadlines.dueBy = QDate(2026, 11, 5);
        QVERIFY(m_store->updateCase(late).ok());
        Case fine = addCase(m_sh01.id, QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC));
        fine.deadlines.registerBy = QDate(2026, 11, 23);
        fine.deadlines.dueBy = QDate(2026, 11, 25);
        QVERIFY(m_store->updateCase(fine).ok());
        Case done = addCase(m_sh01.id, QDateTime(QDate(2026, 10, 2), QTime(9, 0), Qt::UTC));
        done.status = CaseStatus::Archived;
        done.deadlines.dueBy = QDate(2026, 10, 5);
        QVERIFY(m_store->updateCase(done).ok());

        CaseQuery overdue;
        overdue.today = QDate(2026, 11, 22);
        overdue.overdue = true;
        auto page = m_store->listCases(overdue);
        QVERIFY(page.ok());
        QCOMPARE(page->cases.size(), 1);
        QCOMPARE(page->cases.first().id, late.id);

        CaseQuery soon;
        soon.order = CaseQuery::Order::AttentionSoonestFirst;
        auto ordered = m_store->listCases(soon);
        QCOMPARE(ordered->cases.size(), 3);
        QCOMPARE(ordered->cases.at(0).id, late.id);
        QCOMPARE(ordered->cases.at(1).id, fine.id);
        QCOMPARE(ordered->cases.at(2).id, done.id); // no attention date: last
    }

    void fullTextChinese_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("hits");
        QTest::newRow("three characters") << QStringLiteral("手续费") << 1;
        QTest::newRow("two characters (below trigram)") << QStringLiteral("理财") << 1;
        QTest::newRow("one character") << QStringLiteral("费") << 1;
        QTest::newRow("name") << QStringLiteral("刘洋") << 1;
        QTest::newRow("case number part") << QStringLiteral("A0002") << 1;
        QTest::newRow("two terms, both present") << QStringLiteral("理财 保本") << 1;
        QTest::newRow("two terms, one absent") << QStringLiteral("理财 手续费") << 0;
        QTest::newRow("latin, case-insensitive") << QStringLiteral("atm") << 1;
        QTest::newRow("percent is literal") << QStringLiteral("8%") << 1;
        QTest::newRow("underscore is literal") << QStringLiteral("_") << 0;
        QTest::newRow("absent") << QStringLiteral("信用卡") << 0;
    }

    void fullTextChinese()
    {
        QFETCH(QString, text);
        QFETCH(int, hits);
        addCase(m_sh01.id, QDateTime::currentDateTimeUtc()); // 转账手续费
        Case product = sampleCase(m_sh01.id, QStringLiteral("SZ02-20261124-A0002"), QDateTime::currentDateTimeUtc());
        product.complainant.name = QStringLiteral("刘洋");
        product.summary = QStringLiteral("购买的理财产品亏损8%，销售人员称保本");
        product.demand = QStringLiteral("赔偿损失");
        QVERIFY(m_store->insertCase(product).ok());
        Case atm = sampleCase(m_sh01.id, QStringLiteral("BJ03-20261124-A0003"), QDateTime::currentDateTimeUtc());
        atm.summary = QStringLiteral("ATM machine swallowed the card");
        atm.demand = QStringLiteral("归还银行卡");
        atm.complainant.name = QStringLiteral("王五");
        QVERIFY(m_store->insertCase(atm).ok());
        CaseQuery query;
        query.text = text;
        auto page = m_store->listCases(query);
        QVERIFY(page.ok());
        QCOMPARE(int(page->cases.size()), hits);
        // The index follows updates.
        if (text == QLatin1String("理财")) {
            product.summary = QStringLiteral("基金净值下跌");
            QVERIFY(m_store->updateCase(product).ok());
            QCOMPARE(m_store->countCases(query).value(), qint64(0));
        }
    }

    void recordsAndAuditTrail()
    {
        Case c = addCase(m_sh01.id, QDateTime::currentDateTimeUtc());
        CaseRecord contact {newId(), c.id, QStringLiteral("contact"),
            {{QStringLiteral("summary"), QStringLiteral("电话联系客户")}},
            QDateTime(QDate(2026, 11, 24), QTime(11, 0), Qt::UTC), QStringLiteral("u1"), 3};
        CaseRecord visit {newId(), c.id, QStringLiteral("visit"), {{QStringLiteral("reached"), true}},
            QDateTime(QDate(2026, 11, 28), QTime(11, 0), Qt::UTC), QStringLiteral("u2"), 4};
        QVERIFY(m_store->appendRecord(contact).ok());
        QVERIFY(m_store->appendRecord(visit).ok());
        QVERIFY(!m_store->appendRecord(contact).ok()); // same id twice
        QVERIFY(m_store->upsertRecord(contact).ok()); // sync re-applies are harmless
        auto all = m_store->records(c.id);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first(), contact);
        QCOMPARE(m_store->records(c.id, QStringLiteral("visit"))->size(), 1);
        QCOMPARE((*m_store->findRecord(visit.id))->data.value(QStringLiteral("reached")).toBool(), true);

        AuditEvent event;
        event.id = newId();
        event.caseId = c.id;
        event.at = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);
        event.actorId = QStringLiteral("u1");
        event.action = QStringLiteral("transition");
        event.fromStatus = CaseStatus::Received;
        event.toStatus = CaseStatus::Registered;
        event.reason = QStringLiteral("审核通过");
        event.details = {{QStringLiteral("k"), 1}};
        event.revision = 7;
        QVERIFY(m_store->appendAudit(event).ok());
        QVERIFY(m_store->upsertAudit(event).ok());
        auto trail = m_store->auditTrail(c.id);
        QCOMPARE(trail->size(), 1);
        QCOMPARE(trail->first(), event);
        // Append-only: the database itself refuses edits and deletions.
        QVERIFY(!m_db->exec(QStringLiteral("UPDATE audit_events SET reason = 'x'")).ok());
        QVERIFY(!m_db->exec(QStringLiteral("DELETE FROM audit_events")).ok());
        QCOMPARE(m_store->auditTrail(c.id)->first().reason, QStringLiteral("审核通过"));
    }

    void transactionsRollBack()
    {
        {
            auto transaction = m_db->transaction();
            addCase(m_sh01.id, QDateTime::currentDateTimeUtc());
            // no commit: rolled back on scope exit
        }
        QCOMPARE(m_store->countCases({}).value(), qint64(0));
        {
            auto outer = m_db->transaction();
            addCase(m_sh01.id, QDateTime::currentDateTimeUtc());
            {
                // An inner part that fails rolls back alone (a savepoint) …
                auto inner = m_db->transaction();
                addCase(m_sh01.id, QDateTime::currentDateTimeUtc());
                Case bad = sampleCase(newId(), QStringLiteral("bad"), QDateTime::currentDateTimeUtc());
                QVERIFY(!m_store->insertCase(bad).ok()); // unknown branch
            }
            // … and the outer transaction keeps what it did itself.
            QVERIFY(outer.commit().ok());
        }
        QCOMPARE(m_store->countCases({}).value(), qint64(1));
    }

    void revisionsIncrease()
    {
        const qint64 start = m_store->currentRevision().value();
        auto transaction = m_db->transaction();
        QCOMPARE(m_store->nextRevision().value(), start + 1);
        QCOMPARE(m_store->nextRevision().value(), start + 2);
        QVERIFY(transaction.commit().ok());
        QCOMPARE(m_store->currentRevision().value(), start + 2);
    }

    void repeatLookupAndNumbers()
    {
        Case first = addCase(m_sh01.id, QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC));
        first.phoneHash = QStringLiteral("hash-phone");
        QVERIFY(m_store->updateCase(first).ok());
        Case other = addCase(m_sh01.id, QDateTime(QDate(2026, 10, 2), QTime(9, 0), Qt::UTC));
        other.idNumberHash = QStringLiteral("hash-id");
        other.category = QStringLiteral("product");
        QVERIFY(m_store->updateCase(other).ok());
        const QDateTime since(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC);
        QCOMPARE(
            m_store->findByContact(QStringLiteral("hash-phone"), {}, QStringLiteral("work_error"), since)->size(), 1);
        QCOMPARE(m_store->findByContact(QStringLiteral("hash-phone"), {}, QStringLiteral("product"), since)->size(), 0);
        QCOMPARE(m_store->findByContact({}, QStringLiteral("hash-id"), QStringLiteral("product"), since)->size(), 1);
        QCOMPARE(m_store
                     ->findByContact(QStringLiteral("hash-phone"), {}, QStringLiteral("work_error"),
                         QDateTime(QDate(2026, 10, 2), QTime(0, 0), Qt::UTC))
                     ->size(),
            0);
        QCOMPARE(m_store->findByContact({}, {}, QStringLiteral("work_error"), since)->size(), 0);
        QCOMPARE(m_store->lastNumberSequence(QStringLiteral("SH01-20261124-A")).value(), 2);
        QCOMPARE(m_store->lastNumberSequence(QStringLiteral("SH01-20261124-B")).value(), 0);
    }

    void directory()
    {
        auto subtree = m_store->branchSubtree(m_sh01.id);
        QCOMPARE(QSet<QString>(subtree->begin(), subtree->end()), (QSet<QString> {m_sh01.id, m_sh02.id}));
        QCOMPARE(m_store->branchSubtree(m_head.id)->size(), 3);
        QCOMPARE((*m_store->findBranchByCode(QStringLiteral("SH02")))->parentId, m_sh01.id);
        QCOMPARE(m_store->branches()->size(), 3);

        User u;
        u.id = newId();
        u.login = QStringLiteral("zhang.wei");
        u.name = QStringLiteral("张伟");
        u.roles = {Role::Handler, Role::Supervisor};
        u.branchId = m_sh01.id;
        u.unit = QStringLiteral("product_management");
        QVERIFY(m_store->saveUser(u).ok());
        QCOMPARE(**m_store->findUserByLogin(QStringLiteral("zhang.wei")), u);
        u.disabled = true;
        QVERIFY(m_store->saveUser(u).ok());
        QCOMPARE((*m_store->findUser(u.id))->disabled, true);
        QCOMPARE(m_store->users()->size(), 1);
    }

    void correctiveActions()
    {
        Case c = addCase(m_sh01.id, QDateTime::currentDateTimeUtc());
        CorrectiveAction a;
        a.id = newId();
        a.caseId = c.id;
        a.branchId = m_sh01.id;
        a.title = QStringLiteral("柜面收费告知流程整改");
        a.owner = QStringLiteral("service_quality");
        a.dueOn = QDate(2026, 12, 31);
        a.createdAt = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        QVERIFY(m_store->saveCorrectiveAction(a).ok());
        a.status = QStringLiteral("done");
        a.doneOn = QDate(2026, 12, 20);
        QVERIFY(m_store->saveCorrectiveAction(a).ok());
        QCOMPARE(**m_store->findCorrectiveAction(a.id), a);
        QCOMPARE(m_store->correctiveActions({m_sh01.id})->size(), 1);
        QCOMPARE(m_store->correctiveActions({m_sh02.id})->size(), 0);
        QCOMPARE(m_store->correctiveActions({}, c.id)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "test_storage.moc"
